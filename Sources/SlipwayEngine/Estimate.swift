/// A task's duration in weeks: fixed, or a three-point estimate.
///
/// `2-3w` is optimistic 2, pessimistic 3 and most likely the midpoint; `1w/2w/4w`
/// is optimistic / most likely / pessimistic. The deterministic duration used by
/// the critical-path schedule is the PERT mean (o + 4m + p) / 6 (Malcolm et al. 1959).
public struct Estimate: Hashable, Sendable {
    public var optimistic: Double
    public var mostLikely: Double
    public var pessimistic: Double

    public init(optimistic: Double, mostLikely: Double, pessimistic: Double) {
        self.optimistic = optimistic
        self.mostLikely = mostLikely
        self.pessimistic = pessimistic
    }

    public static func fixed(_ weeks: Double) -> Estimate {
        Estimate(optimistic: weeks, mostLikely: weeks, pessimistic: weeks)
    }

    public static let zero = Estimate.fixed(0)

    public var isFixed: Bool { optimistic == pessimistic }

    /// The PERT mean, the duration the deterministic schedule uses.
    public var mean: Double {
        isFixed ? mostLikely : (optimistic + 4 * mostLikely + pessimistic) / 6
    }
}
