import SlipwayCore
import SlipwayScheduling

/// `slipway schedule --format json`: the `ScheduleDocument` of a schedule.
public enum ScheduleJSON {
    /// - Complexity: O(*T* + *C*) in the number of tasks and constraints.
    public static func render(plan: Plan, schedule: Schedule) -> String {
        JSONOutput.encode(ScheduleDocument(plan: plan, schedule: schedule))
    }
}
