import SlipwayEngine
import SlipwayCore

/// How late something finishes against when it is due: a task against its `due`,
/// a constraint's resolution against its target, the plan against its deadline.
///
/// Written once so that "late" means the same in every output: late when the
/// finish is more than `Timing.criticalTolerance` after the due time (float noise
/// is not lateness); `lateBy` is then the weeks past due, and nil otherwise, also
/// when nothing is due. In JSON the two keys travel together, `"late"` (a Bool)
/// then `"lateBy"` (weeks, or `null`), in the object that holds the value.
public struct Lateness: Sendable, Equatable {
    /// Weeks past due (positive), or nil when on time or when nothing is due.
    public let lateBy: Double?
    public var late: Bool { lateBy != nil }

    /// - Parameters:
    ///   - finish: When the thing finishes, in weeks from t = 0.
    ///   - due: When it is due (a `due`, a target, a deadline), or nil for none.
    public init(finish: Double, due: Double?) {
        lateBy = due.flatMap { finish - $0 > Timing.criticalTolerance ? finish - $0 : nil }
    }
}

extension Lateness: Encodable {
    private enum CodingKeys: String, CodingKey { case late, lateBy }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.inlineContainer(keyedBy: CodingKeys.self)
        try container.encode(late, forKey: .late)
        // `encode`, not `encodeIfPresent`: on time is `null` in any encoder.
        try container.encode(lateBy, forKey: .lateBy)
    }
}
