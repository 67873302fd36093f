/// How a successor's dates are tied to a predecessor's (precedence diagramming,
/// Fondahl 1961). Every rule that depends on the type of a link is written here
/// once: the forward bound, the slack and the backward bound. The critical-path
/// method, leveling, crashing, the diagrams and the exporters all call these.
///
/// The raw value is the plan's notation (`FS`); in memory a link type is one byte.
public enum LinkType: String, Sendable, CaseIterable, Hashable {
    /// Finish-to-start: the successor starts after the predecessor finishes (the default).
    case finishToStart = "FS"
    /// Start-to-start: the successor starts after the predecessor starts.
    case startToStart = "SS"
    /// Finish-to-finish: the successor finishes after the predecessor finishes.
    case finishToFinish = "FF"
    /// Start-to-finish: the successor finishes after the predecessor starts.
    case startToFinish = "SF"

    /// Whether the link leaves from the predecessor's start (SS, SF) rather than its finish.
    @inlinable public var fromStart: Bool { self == .startToStart || self == .startToFinish }
    /// Whether the link bounds the successor's finish (FF, SF) rather than its start.
    @inlinable public var toFinish: Bool { self == .finishToFinish || self == .startToFinish }

    /// The earliest start the link allows a successor of `duration` weeks, given
    /// the predecessor's start and finish: FS `EF_i + L`, SS `ES_i + L`,
    /// FF `EF_i + L - d_j`, SF `ES_i + L - d_j`.
    @inlinable
    public func earliestStart(afterStart start: Double, finish: Double, lag: Double, duration: Double) -> Double {
        switch self {
        case .finishToStart: return finish + lag
        case .startToStart: return start + lag
        case .finishToFinish: return finish + lag - duration
        case .startToFinish: return start + lag - duration
        }
    }

    /// How far the link could stretch before it moved its successor: the
    /// successor's bounded date, less the lag, less the predecessor's date the
    /// link leaves from. Zero for a link that drives its successor.
    @inlinable
    public func slack(fromStart: Double, fromFinish: Double, toStart: Double, toFinish: Double, lag: Double) -> Double {
        let bounded = self.toFinish ? toFinish : toStart
        let origin = self.fromStart ? fromStart : fromFinish
        return bounded - lag - origin
    }

    /// The latest finish the link allows a predecessor of `duration` weeks, given
    /// the successor's latest start and finish: FS `LS_j - L`, SS `LS_j - L + d_i`,
    /// FF `LF_j - L`, SF `LF_j - L + d_i`.
    @inlinable
    public func latestFinish(beforeStart lateStart: Double, finish lateFinish: Double, lag: Double, duration: Double) -> Double {
        switch self {
        case .finishToStart: return lateStart - lag
        case .startToStart: return lateStart - lag + duration
        case .finishToFinish: return lateFinish - lag
        case .startToFinish: return lateFinish - lag + duration
        }
    }

    /// The same link in reversed time (t' = F - t): start and finish swap, so SS
    /// becomes FF and FF becomes SS; FS and SF stay.
    @inlinable public var reversed: LinkType {
        switch self {
        case .finishToStart: return .finishToStart
        case .startToStart: return .finishToFinish
        case .finishToFinish: return .startToStart
        case .startToFinish: return .startToFinish
        }
    }
}
