import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// The plan and its schedule as one CSV table (RFC 4180) for spreadsheets and
/// tools that import task lists: one row per task in plan order, with its
/// estimate, predecessors (`a; b SS+1w`), dates and float.
public enum PlanCSV {
    public static let header = ["id", "title", "type", "phase", "group", "owner", "constraint", "severity", "estimate",
                                "duration", "predecessors", "start", "finish", "startDate", "finishDate", "totalFloat", "critical"]

    /// - Complexity: O(*T* + *L*).
    public static func render(plan: Plan, schedule: Schedule) -> String {
        let t = schedule.timing
        var out = header.joined(separator: ",") + "\r\n"
        for (i, task) in plan.tasks.enumerated() {
            let constraint = task.constraint.map { plan.constraints[$0] }
            let fields: [String] = [
                task.id, task.title, task.isMilestone ? "milestone" : "task", task.phase ?? "", task.group ?? "", task.owner ?? "",
                constraint?.id ?? "", constraint?.severity?.rawValue ?? "",
                task.isMilestone ? "" : PlanYAML.estimate(task.estimate),
                JSONWriter.number(schedule.graph.network.duration[i]),
                task.after.map(PlanYAML.dependency).joined(separator: "; "),
                JSONWriter.number(t.earlyStart[i]), JSONWriter.number(t.earlyFinish[i]),
                plan.calendar.date(at: t.earlyStart[i], as: task.isMilestone ? .end : .start)?.description ?? "",
                plan.calendar.date(at: t.earlyFinish[i], as: .end)?.description ?? "",
                JSONWriter.number(t.totalFloat[i]), t.isCritical(i) ? "true" : "false",
            ]
            out += fields.map(ScheduleCSV.escape).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
