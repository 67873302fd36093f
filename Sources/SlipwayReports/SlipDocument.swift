import SlipwayCore
import SlipwayScheduling

/// `slipway slip --format json`: a what-if slip, before against after.
public struct SlipDocument: Encodable, Sendable {
    public var slips: [Slip]
    public var finishBefore: Double
    public var finish: Double
    public var finishDelta: Double
    public var deadline: Double?
    /// Weeks past the deadline before and after the slips, or null.
    public var lateByBefore: Double?
    public var lateBy: Double?
    /// Tasks that move, in schedule order.
    public var moves: [Move]
    public var constraints: [Constraint]
    /// Tasks past their phase window after the slips.
    public var phaseOverruns: [PhaseOverrun]
    public var criticalPathBefore: [String]
    public var criticalPath: [String]

    public struct Slip: Encodable, Sendable {
        public var id: String
        public var by: Double
        /// Whether the start moves (always for a milestone) rather than the duration.
        public var start: Bool
        /// Whether a negative slip was cut short at no duration.
        public var clamped: Bool
    }

    public struct Move: Encodable, Sendable {
        public var id: String
        public var startBefore: Double
        public var start: Double
        public var finishBefore: Double
        public var finish: Double
        public var startDelta: Double
        public var finishDelta: Double
    }

    /// A constraint's resolution before and after. Lateness before and after
    /// interleave here (`lateBefore`, `late`, `lateByBefore`, `lateBy`), so the two
    /// `Lateness` values are spelled out rather than written inline.
    public struct Constraint: Encodable, Sendable {
        public var id: String
        public var target: Double?
        public var resolvedBefore: Double
        public var resolved: Double
        public var lateBefore: Bool
        public var late: Bool
        public var lateByBefore: Double?
        public var lateBy: Double?

        init(id: String, before: Schedule.Resolution, after: Schedule.Resolution) {
            self.id = id
            target = after.target
            resolvedBefore = before.resolved
            resolved = after.resolved
            lateBefore = before.lateness.late
            late = after.lateness.late
            lateByBefore = before.lateness.lateBy
            lateBy = after.lateness.lateBy
        }
    }

    public struct PhaseOverrun: Encodable, Sendable {
        public var id: String
        public var phase: String?
        /// Weeks past the end of the phase window.
        public var overrun: Double
        /// Whether the window held before the slips.
        public var new: Bool
    }

    /// - Complexity: O(*T* + *C*) in the number of tasks and constraints.
    public init(plan: Plan, result r: SlipAnalysis.Outcome) {
        slips = r.slips.map { s in
            Slip(id: plan.tasks[s.task].id, by: s.by, start: s.start || plan.tasks[s.task].isMilestone,
                 clamped: r.clamped.contains(s.task))
        }
        finishBefore = r.before.finish
        finish = r.after.finish
        finishDelta = r.finishDelta
        deadline = plan.deadline
        lateByBefore = r.before.lateBy
        lateBy = r.after.lateBy
        moves = r.moves.map { m in
            Move(id: plan.tasks[m.task].id, startBefore: m.startBefore, start: m.startAfter, finishBefore: m.finishBefore,
                 finish: m.finishAfter, startDelta: m.startDelta, finishDelta: m.finishDelta)
        }
        constraints = zip(r.before.resolutions, r.after.resolutions).map { b, a in
            Constraint(id: plan.constraints[a.constraint].id, before: b, after: a)
        }
        phaseOverruns = plan.tasks.indices.compactMap { i in
            r.after.phaseOverrun[i].map { overrun in
                PhaseOverrun(id: plan.tasks[i].id, phase: plan.tasks[i].phase, overrun: overrun, new: r.before.phaseOverrun[i] == nil)
            }
        }
        criticalPathBefore = r.before.criticalPath.map { plan.tasks[$0].id }
        criticalPath = r.after.criticalPath.map { plan.tasks[$0].id }
    }
}
