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
    /// work), given its predecessor's start and finish. A link that bounds the
    /// finish gives the latest start from which the work ends by that bound.
    ///
    /// - Complexity: O(log *g*) for *g* breakpoints of `j`'s calendar.
    @inlinable
    public func earliestStart(_ type: LinkType, afterStart start: Double, finish: Double, lag: Double,
                              duration: Double, of j: Int) -> Double {
        let calendar = of(j)
        let at = calendar.shifted(type.fromStart ? start : finish, by: lag)
        return type.toFinish ? calendar.start(finishingBy: at, work: duration) : at
    }

    /// The latest finish a link allows predecessor `i` (of `duration` weeks of
    /// work), given successor `j`'s latest start and finish.
    ///
    /// - Complexity: O(log *g*).
    @inlinable
    public func latestFinish(_ type: LinkType, beforeStart lateStart: Double, finish lateFinish: Double, lag: Double,
                             duration: Double, of i: Int, successor j: Int) -> Double {
        // A finish just before a gap of the successor could as well be at its end.
        let at = of(j).latestOrigin(reaching: type.toFinish ? of(j).latestEquivalent(of: lateFinish) : lateStart, lag: lag)
        return type.fromStart ? of(i).finish(from: at, work: duration) : at
    }

    /// How far a link could stretch before it moved successor `j`: the latest
    /// date the link's origin on predecessor `i` could have without moving `j`'s
    /// early dates, less the date it has. A finish that could move into a gap of
    /// `i`'s calendar is no later in work: it counts from the gap's start, so a
    /// holiday both take is no slack, while leave that only the successor takes is.
    /// Zero for a driving link.
    ///
    /// - Complexity: O(log *g*).
    @inlinable
    public func slack(_ type: LinkType, fromStart: Double, fromFinish: Double, toStart: Double, toFinish: Double,
                      lag: Double, predecessor i: Int, successor j: Int) -> Double {
        let latest = of(j).latestOrigin(reaching: type.toFinish ? of(j).latestEquivalent(of: toFinish) : toStart, lag: lag)
        if type.fromStart { return latest - fromStart }
        // Both ends as the earliest time of the same work: a milestone placed at a
        // gap's end is no later than at its start.
        let work = of(i).work
        return work.earliest(reading: work.reading(at: latest)) - work.earliest(reading: work.reading(at: fromFinish))
    }
}
