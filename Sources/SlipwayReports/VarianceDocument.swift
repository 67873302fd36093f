import SlipwayCore
import SlipwayScheduling

/// `slipway variance --format json`: the forecast against a baseline. Variance is
/// forecast minus baseline: positive is later than planned.
public struct VarianceDocument: Encodable, Sendable {
    /// The baseline's name and when it was saved (ISO 8601, UTC).
    public var baseline: String
    public var savedAt: String
    public var planUnchanged: Bool
    public var baselineFinish: Double
    public var finish: Double
    public var finishVariance: Double
    public var deadline: Double?
    /// Weeks past the deadline in the baseline and now, or null.
    public var baselineLateBy: Double?
    public var lateBy: Double?
    /// Every task of the plan in schedule order, then those only in the baseline.
    public var tasks: [Task]
    public var missedTargets: [MissedTarget]
    public var becameCritical: [String]
    public var leftCritical: [String]
    public var baselineCriticalPath: [String]
    public var criticalPath: [String]

    /// A task's dates in the baseline and now; null on the side it is missing from.
    public struct Task: Encodable, Sendable {
        public var id: String
        /// `unchanged`, `moved`, `added` or `removed`.
        public var status: String
        public var baselineStart: Double?
        public var start: Double?
        public var startVariance: Double?
        public var baselineFinish: Double?
        public var finish: Double?
        public var finishVariance: Double?
        public var baselineCritical: Bool?
        public var critical: Bool?
    }

    /// A constraint whose target is missed now.
    public struct MissedTarget: Encodable, Sendable {
        public var id: String
        public var target: Double
        public var resolved: Double
        public var baselineResolved: Double?
        /// Against `target`: `late`, `lateBy`.
        public var lateness: Lateness
        /// Whether the baseline met the target (or did not have the constraint).
        public var new: Bool
    }

    /// - Complexity: O(*T* + *C*) in the number of task rows and constraints.
    public init(variance v: Variance) {
        baseline = v.baselineName
        savedAt = v.savedAt
        planUnchanged = v.planUnchanged
        baselineFinish = v.baselineFinish
        finish = v.finish
        finishVariance = v.finishVariance
        deadline = v.deadline
        baselineLateBy = v.baselineLateBy
        lateBy = v.lateBy
        tasks = v.tasks.map { row in
            Task(id: row.id, status: row.status.rawValue, baselineStart: row.baselineStart, start: row.start,
                 startVariance: row.startVariance, baselineFinish: row.baselineFinish, finish: row.finish,
                 finishVariance: row.finishVariance, baselineCritical: row.baselineCritical, critical: row.critical)
        }
        missedTargets = v.missedTargets.map { t in
            MissedTarget(id: t.id, target: t.target, resolved: t.resolved, baselineResolved: t.baselineResolved,
                         lateness: t.lateness, new: t.newlyMissed)
        }
        becameCritical = v.becameCritical
        leftCritical = v.leftCritical
        baselineCriticalPath = v.baselineCriticalPath
        criticalPath = v.criticalPath
    }
}
