/// The link rules of `LinkType` on working calendars: the same bounds, with
/// durations measured on each node's work clock and lags on the successor's lag
/// clock (as MS Project counts a lag in working days of the successor's
/// calendar). Floats and slacks stay in axis weeks: how far a date can move.
///
/// Every scheduler that places a node on a network with calendars (the
/// critical-path method, the serial schedule generator) calls these, so that
/// the rules are written once here, as `LinkType`'s are for the plain axis.
extension NetworkCalendars {
    /// The earliest start a link allows successor `j` (of `duration` weeks of
    /// work), given its predecessor's start and finish; and, for a link that
    /// bounds the successor's finish, that finish bound.
    ///
    /// - Complexity: O(log *g*) for *g* breakpoints of `j`'s calendar.
    @inlinable
    public func earliestStart(_ type: LinkType, afterStart start: Double, finish: Double, lag: Double,
                              duration: Double, of j: Int) -> (start: Double, finishBound: Double) {
        let calendar = of(j)
        let at = calendar.shifted(type.fromStart ? start : finish, by: lag)
        guard type.toFinish else { return (at, -.infinity) }
        return (calendar.start(finishingBy: at, work: duration), at)
    }

    /// The latest finish a link allows predecessor `i` (of `duration` weeks of
    /// work), given successor `j`'s latest start and finish.
    ///
    /// - Complexity: O(log *g*).
    @inlinable
    public func latestFinish(_ type: LinkType, beforeStart lateStart: Double, finish lateFinish: Double, lag: Double,
                             duration: Double, of i: Int, successor j: Int) -> Double {
        let at = of(j).shifted(type.toFinish ? lateFinish : lateStart, by: -lag)
        return type.fromStart ? of(i).finish(from: at, work: duration) : at
    }

    /// How far a link could stretch before it moved successor `j`: its bounded
    /// date less the earliest date the link allows it (a start moved out of a
    /// gap, when the successor does work). Zero for a driving link.
    ///
    /// - Complexity: O(log *g*).
    @inlinable
    public func slack(_ type: LinkType, fromStart: Double, fromFinish: Double, toStart: Double, toFinish: Double,
                      lag: Double, successor j: Int, successorWorks: Bool) -> Double {
        let calendar = of(j)
        var at = calendar.shifted(type.fromStart ? fromStart : fromFinish, by: lag)
        if type.toFinish { return toFinish - at }
        if successorWorks { at = calendar.work.workingStart(from: at) }
        return toStart - at
    }
}
