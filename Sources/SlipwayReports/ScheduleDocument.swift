import SlipwayCore
import SlipwayScheduling

/// The machine-readable schedule of section 4 of the plan-format contract, as
/// `slipway schedule --format json` writes it.
///
/// The contract's keys come first and in its order; the keys after them (`title`,
/// `owner`, `phase`, ...) may be added to but never renamed. Times are weeks from
/// t = 0, whatever the plan's `unit`.
public struct ScheduleDocument: Encodable, Sendable {
    public var plan: String
    public let unit = "week"
    public var finish: Double
    /// Null without a deadline.
    public var deadline: Double?
    /// Every task and milestone, mitigations included, in schedule order.
    public var tasks: [Task]
    public var criticalPath: [String]
    /// Constraint resolutions, which are not tasks.
    public var constraints: [Constraint]
    /// The plan's `start` date, ISO 8601.
    public var start: String?
    /// Weeks past the deadline, or null.
    public var lateBy: Double?
    /// Null when an owner has no rate.
    public var cost: Double?
    public var budget: Double?
    public var leveled: Bool
    /// Only on a leveled schedule: its finish before leveling.
    @OmittedWhenNil public var unleveledFinish: Double?
    /// Only when the plan has holidays: each as its name, its first and last
    /// days, and the span of the axis it takes out of everyone's working time
    /// (`from`/`to` in weeks). Owners' leave is not listed: it is theirs.
    @OmittedWhenNil public var holidays: [Holiday]?

    public struct Holiday: Encodable, Sendable {
        public var name: String?
        public var first: String
        public var last: String
        public var from: Double
        public var to: Double
    }

    public struct Task: Encodable, Sendable {
        public var id: String
        public var duration: Double
        public var earlyStart: Double
        public var earlyFinish: Double
        public var lateStart: Double
        public var lateFinish: Double
        public var totalFloat: Double
        public var freeFloat: Double
        public var critical: Bool
        public var title: String
        public var milestone: Bool
        public var owner: String?
        public var phase: String?
        /// The constraint a mitigation resolves.
        public var constraint: String?
        public var due: Double?
        /// Against `due`: `late`, `lateBy`.
        public var lateness: Lateness
        /// Only on a leveled schedule: how far leveling moved the task's start.
        @OmittedWhenNil public var levelingDelay: Double?
        /// Only on a leveled schedule: the owner a task waited for and the tasks it
        /// waited behind, or null when it did not wait.
        @OmittedWhenNil public var waitedFor: WaitedFor??
    }

    public struct WaitedFor: Encodable, Sendable {
        public var owner: String
        public var tasks: [String]
    }

    public struct Constraint: Encodable, Sendable {
        public var id: String
        public var resolved: Double
        public var target: Double?
        /// Against `target`: `late`, `lateBy`.
        public var lateness: Lateness
        public var severity: String?
    }

    /// - Complexity: O(*T* + *C*) in the number of tasks and constraints.
    public init(plan: Plan, schedule: Schedule) {
        let timing = schedule.timing
        let leveling = schedule.leveling
        self.plan = plan.title
        finish = timing.finish
        deadline = plan.deadline
        tasks = schedule.taskOrder.map { i in
            let task = plan.tasks[i]
            return Task(id: task.id, duration: schedule.duration(i),
                        earlyStart: timing.earlyStart[i], earlyFinish: timing.earlyFinish[i],
                        lateStart: timing.lateStart[i], lateFinish: timing.lateFinish[i],
                        totalFloat: timing.totalFloat[i], freeFloat: timing.freeFloat[i], critical: timing.isCritical(i),
                        title: task.title, milestone: task.isMilestone, owner: task.owner, phase: task.phase,
                        constraint: task.constraint.map { plan.constraints[$0].id }, due: task.due,
                        lateness: schedule.lateness(task: i, in: plan),
                        levelingDelay: leveling.map { timing.earlyStart[i] - $0.unleveledStart[i] },
                        waitedFor: leveling.map { _ in
                            schedule.wait(of: i).map { WaitedFor(owner: plan.owners[$0.owner].id, tasks: $0.behind.map { plan.tasks[$0].id }) }
                        })
        }
        criticalPath = schedule.criticalPath.map { plan.tasks[$0].id }
        constraints = schedule.resolutions.map { r in
            let c = plan.constraints[r.constraint]
            return Constraint(id: c.id, resolved: r.resolved, target: r.target, lateness: r.lateness, severity: c.severity?.rawValue)
        }
        start = plan.calendar.start?.description
        lateBy = schedule.lateness(in: plan).lateBy
        cost = schedule.cost.isKnown ? schedule.cost.total : nil
        budget = plan.budget
        leveled = leveling != nil
        unleveledFinish = leveling?.unleveledFinish
        holidays = plan.holidays.isEmpty ? nil : plan.holidays.compactMap { off in
            off.span(on: plan.calendar).map { Holiday(name: off.name, first: off.first.description, last: off.last.description, from: $0.start, to: $0.end) }
        }
    }
}
