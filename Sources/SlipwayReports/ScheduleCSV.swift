import SlipwayCore
import SlipwayScheduling

/// The schedule as CSV (RFC 4180): one row per task in schedule order, times in weeks.
public enum ScheduleCSV {
    public static let header = ["id", "title", "milestone", "owner", "phase", "constraint", "duration",
                                "earlyStart", "earlyFinish", "lateStart", "lateFinish", "totalFloat", "freeFloat",
                                "critical", "startDate", "finishDate"]

    /// - Complexity: O(*T*).
    public static func render(plan: Plan, schedule: Schedule) -> String {
        let t = schedule.timing
        var out = header.joined(separator: ",") + "\r\n"
        for i in schedule.taskOrder {
            let task = plan.tasks[i]
            let fields: [String] = [
                task.id, task.title, task.isMilestone ? "true" : "false", task.owner ?? "", task.phase ?? "",
                task.constraint.map { plan.constraints[$0].id } ?? "",
                JSONWriter.number(schedule.graph.network.duration[i]),
                JSONWriter.number(t.earlyStart[i]), JSONWriter.number(t.earlyFinish[i]),
                JSONWriter.number(t.lateStart[i]), JSONWriter.number(t.lateFinish[i]),
                JSONWriter.number(t.totalFloat[i]), JSONWriter.number(t.freeFloat[i]),
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
