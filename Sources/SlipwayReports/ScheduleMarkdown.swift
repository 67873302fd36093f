import SlipwayCore
import SlipwayScheduling

/// The schedule as a Markdown table for a review page or a pull request.
public enum ScheduleMarkdown {
    /// - Complexity: O(*T* + *C*).
    public static func render(plan: Plan, schedule: Schedule) -> String {
        let format = TimeFormat(calendar: plan.calendar)
        let t = schedule.timing
        let hasDates = plan.calendar.start != nil
        var out = "# \(escape(plan.title))\n\n"
        out += "| | Task | Owner | Phase | Duration | Start | Finish | Weeks |\(hasDates ? " Dates |" : "") Float |\n"
        out += "|---|---|---|---|---:|---:|---:|---|\(hasDates ? "---|" : "")---:|\n"
        for i in schedule.taskOrder {
            let task = plan.tasks[i]
            let critical = t.isCritical(i)
            let name = critical ? "**\(escape(task.title))** (`\(task.id)`)" : "\(escape(task.title)) (`\(task.id)`)"
            var row = "| \(critical ? "🔴" : "") | \(name) | \(task.owner ?? "") | \(task.phase ?? "") | "
            row += "\(task.isMilestone ? "milestone" : format.weeks(schedule.duration(i)) + "w") | "
            row += "\(format.weeks(t.earlyStart[i])) | \(format.weeks(t.earlyFinish[i])) | "
            row += "\(format.weekSpan(start: t.earlyStart[i], finish: t.earlyFinish[i], milestone: task.isMilestone)) |"
            if hasDates { row += " \(format.dateSpan(start: t.earlyStart[i], finish: t.earlyFinish[i], milestone: task.isMilestone) ?? "") |" }
            row += " \(format.weeks(t.totalFloat[i])) |\n"
            out += row
        }
        out += "\n" + ScheduleTable.summary(plan: plan, schedule: schedule, format: format)
            .split(separator: "\n").map { "- \($0)" }.joined(separator: "\n") + "\n"
        if !plan.constraints.isEmpty {
            out += "\n| Constraint | Severity | Resolved | Target | Status |\n|---|---|---:|---:|---|\n"
            for r in schedule.resolutions {
                let c = plan.constraints[r.constraint]
                let status = r.lateBy.map { "**late by \(format.weeks($0))w**" } ?? (r.target == nil ? "no target" : "on time")
                out += "| \(escape(c.title)) (`\(c.id)`) | \(c.severity?.rawValue ?? "") | week \(format.weeks(r.resolved)) | \(r.target.map { "week \(format.weeks($0))" } ?? "-") | \(status) |\n"
            }
        }
        return out
    }

    static func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
