import SlipwayCore
import SlipwayScheduling

/// `slipway critical --format json`: what drives the finish, for programs.
public struct CriticalDocument: Encodable, Sendable {
    public var finish: Double
    /// One critical chain, first to last.
    public var criticalPath: [String]
    /// Critical tasks on parallel chains, in schedule order.
    public var otherCritical: [String]
    /// The float threshold of `nearCritical`, in weeks.
    public var near: Double
    /// Tasks with 0 < total float <= `near`, least float first.
    public var nearCritical: [NearTask]

    public struct NearTask: Encodable, Sendable {
        public var id: String
        public var totalFloat: Double
    }

    /// - Complexity: O(*T* log *T*) in the number of tasks (the near-critical sort).
    public init(plan: Plan, schedule: Schedule, near: Double) {
        finish = schedule.finish
        criticalPath = schedule.criticalPath.map { plan.tasks[$0].id }
        otherCritical = CriticalReport.otherCritical(schedule: schedule).map { plan.tasks[$0].id }
        self.near = near
        nearCritical = CriticalReport.nearCritical(schedule: schedule, near: near).map {
            NearTask(id: plan.tasks[$0].id, totalFloat: schedule.timing.totalFloat[$0])
        }
    }
}
