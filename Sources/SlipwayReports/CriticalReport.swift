import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// The answer to "what drives the finish?": the critical path in order, then the
/// other critical tasks (on parallel chains), then the near-critical tasks whose
/// total float is within a threshold, least float first.
public enum CriticalReport {
    /// Critical tasks that are not on the listed path, in schedule order.
    public static func otherCritical(schedule: Schedule) -> [Int] {
        let onPath = Set(schedule.criticalPath)
        return schedule.taskOrder.filter { schedule.timing.isCritical($0) && !onPath.contains($0) }
    }

    /// Tasks with 0 < total float <= `near`, by float then schedule order.
    public static func nearCritical(schedule: Schedule, near: Double) -> [Int] {
        let t = schedule.timing
        return schedule.taskOrder.enumerated()
            .filter { !t.isCritical($0.element) && t.totalFloat[$0.element] <= near + Timing.criticalTolerance }
            .sorted { (t.totalFloat[$0.element], $0.offset) < (t.totalFloat[$1.element], $1.offset) }
            .map(\.element)
    }

    public static func render(plan: Plan, schedule: Schedule, near: Double, color: Bool, headline: Headline? = nil) -> String {
        let format = TimeFormat(calendar: plan.calendar)
        let t = schedule.timing
        func table(_ tasks: [Int], style: String?) -> String {
            var table = TextTable(headers: ["ID", "Title", "Owner", "Start", "Finish", "Weeks", "Float"],
                                  alignments: [.left, .left, .left, .right, .right, .left, .right])
            for i in tasks {
                let task = plan.tasks[i]
                table.add([task.id, ScheduleTable.truncated(task.title, 44), task.owner ?? "",
                           format.weeks(t.earlyStart[i]), format.weeks(t.earlyFinish[i]),
                           format.weekSpan(start: t.earlyStart[i], finish: t.earlyFinish[i], milestone: task.isMilestone),
                           format.weeks(t.totalFloat[i])], style: color ? style : nil)
            }
            return table.render()
        }
        var out = "Critical path of \(plan.title) (finish week \(format.weeks(schedule.finish))):\n\n"
        if let headline {
            out = "Critical path of \(plan.title)\(schedule.leveling != nil ? ", leveled by owner capacity" : ""):\n"
                + HeadlineText.lines(plan: plan, headline: headline, leveledFirst: schedule.leveling != nil).joined(separator: "\n") + "\n\n"
        }
        out += table(schedule.criticalPath, style: ScheduleTable.bold + ScheduleTable.red)
        let others = otherCritical(schedule: schedule)
        if !others.isEmpty {
            out += "\nAlso critical, on parallel chains (zero total float): \(others.count)\n\n"
            out += table(others, style: ScheduleTable.bold + ScheduleTable.red)
        }
        let nearTasks = nearCritical(schedule: schedule, near: near)
        out += "\nNear-critical (total float <= \(format.weeks(near))w): "
        out += nearTasks.isEmpty ? "none\n" : "\(nearTasks.count)\n\n" + table(nearTasks, style: nil)
        return out
    }

    public static func renderJSON(plan: Plan, schedule: Schedule, near: Double) -> String {
        JSONOutput.encode(CriticalDocument(plan: plan, schedule: schedule, near: near))
    }
}
