import SlipwayCore
import SlipwayScheduling

/// The plan and its schedule as one CSV table (RFC 4180), for spreadsheets and
/// tools that import task lists: one row per task in schedule order, with its
/// estimate and predecessors as the plan writes them (`a; b SS+1w`), times in
/// weeks, and dates when the plan has a start. `schedule --format csv` and
/// `export --format csv` both write it.
public enum ScheduleCSV {
    public static let header = ["id", "title", "milestone", "owner", "phase", "constraint", "severity", "estimate",
                                "predecessors", "duration", "earlyStart", "earlyFinish", "lateStart", "lateFinish",
                                "totalFloat", "freeFloat", "critical", "startDate", "finishDate"]

    /// - Complexity: O(*T*).
    public static func render(plan: Plan, schedule: Schedule) -> String {
        let t = schedule.timing
        var out = header.joined(separator: ",") + "\r\n"
        for i in schedule.taskOrder {
            let task = plan.tasks[i]
            let fields: [String] = [
                task.id, task.title, task.isMilestone ? "true" : "false", task.owner ?? "", task.phase ?? "",
                task.constraint.map { plan.constraints[$0].id } ?? "",
                task.constraint.flatMap { plan.constraints[$0].severity?.rawValue } ?? "",
                task.isMilestone ? "" : task.estimate.notation,
                task.after.map(\.notation).joined(separator: "; "),
                JSONOutput.number(schedule.duration(i)),
                JSONOutput.number(t.earlyStart[i]), JSONOutput.number(t.earlyFinish[i]),
                JSONOutput.number(t.lateStart[i]), JSONOutput.number(t.lateFinish[i]),
                JSONOutput.number(t.totalFloat[i]), JSONOutput.number(t.freeFloat[i]),
                t.isCritical(i) ? "true" : "false",
                plan.calendar.date(at: t.earlyStart[i], as: task.isMilestone ? .end : .start)?.description ?? "",
                plan.calendar.date(at: t.earlyFinish[i], as: .end)?.description ?? "",
            ]
            out += fields.map(escape).joined(separator: ",") + "\r\n"
        }
        return out
    }

    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
