import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// The schedule as people read it in a terminal: one aligned row per task in
/// schedule order, critical tasks marked `*` (and in bold red on a colour terminal),
/// then the finish against the deadline, the critical path and the constraints.
public enum ScheduleTable {
    static let bold = "\u{1B}[1m", red = "\u{1B}[31m", reset = "\u{1B}[0m"

    /// - Parameter color: use ANSI colour; callers pass true only for a terminal
    ///   and never when `NO_COLOR` is set.
    /// - Complexity: O(*T* + *C*).
    /// - Parameter headline: the leveled finish and the chance of the deadline to
    ///   state beside the finish (`Headline.compute`); without it the footer
    ///   states the finish of this schedule alone.
    public static func render(plan: Plan, schedule: Schedule, color: Bool, headline: Headline? = nil) -> String {
        let format = TimeFormat(calendar: plan.calendar)
        let timing = schedule.timing
        let hasDates = plan.calendar.start != nil
        var headers = ["", "ID", "Title", "Owner", "Phase", "Dur", "Start", "Finish", "Weeks"]
        var alignments: [TextTable.Alignment] = [.left, .left, .left, .left, .left, .right, .right, .right, .left]
        if hasDates { headers.append("Dates"); alignments.append(.left) }
        headers += ["Float", "Free"]
        alignments += [.right, .right]
        var table = TextTable(headers: headers, alignments: alignments)
        for i in schedule.taskOrder {
            let task = plan.tasks[i]
            let critical = timing.isCritical(i)
            let es = timing.earlyStart[i], ef = timing.earlyFinish[i]
            var row = [critical ? "*" : "", task.id, truncated(task.title, 34), task.owner ?? "", task.phase ?? "",
                       task.isMilestone ? "-" : format.weeks(schedule.duration(i)),
                       format.weeks(es), format.weeks(ef),
                       format.weekSpan(start: es, finish: ef, milestone: task.isMilestone)]
            if hasDates { row.append(format.dateSpan(start: es, finish: ef, milestone: task.isMilestone) ?? "") }
            row += [format.weeks(timing.totalFloat[i]), format.weeks(timing.freeFloat[i])]
            table.add(row, style: critical && color ? bold + red : nil)
        }
        var out = "\(plan.title)\n"
        if let leveling = schedule.leveling {
            out += "Leveled by owner capacity: no owner works on more than its capacity at once "
                + "(finish week \(format.weeks(leveling.unleveledFinish)) before leveling; best of \(Double(leveling.schedules).money) schedules).\n"
        }
        out += "\n" + table.render() + "\n"
        out += summary(plan: plan, schedule: schedule, format: format, headline: headline)
        out += waitsSection(plan: plan, schedule: schedule, format: format)
        out += constraintsSection(plan: plan, schedule: schedule, format: format, color: color)
        return out
    }

    /// The lines under the table: finish, deadline, critical path, cost.
    static func summary(plan: Plan, schedule: Schedule, format: TimeFormat, headline: Headline? = nil) -> String {
        var out: String
        if let headline {
            out = HeadlineText.lines(plan: plan, headline: headline, leveledFirst: schedule.leveling != nil).joined(separator: "\n") + "\n"
        } else {
            out = HeadlineText.verdict("Finish", schedule.finish, plan: plan, format: format) + "\n"
        }
        out += "Critical path: " + criticalChain(plan: plan, schedule: schedule) + "\n"
        if schedule.cost.isKnown {
            out += "Cost: \(schedule.cost.total.money)\(plan.currency.map { " \($0)" } ?? "")"
            if let budget = plan.budget { out += " of a \(budget.money) budget" }
            out += "\n"
        }
        return out
    }

    /// The tasks leveling delayed for an owner: when their links let them start,
    /// when they start, and the owner's tasks they waited behind.
    static func waitsSection(plan: Plan, schedule: Schedule, format: TimeFormat) -> String {
        guard let waits = schedule.leveling?.waits, !waits.isEmpty else { return "" }
        var table = TextTable(headers: ["Waited", "Task", "Owner", "Ready", "Start", "Behind"],
                              alignments: [.right, .left, .left, .right, .right, .left])
        // In the order the tasks start, as the table above.
        for wait in waits.sorted(by: { (schedule.start($0.task), $0.task) < (schedule.start($1.task), $1.task) }) {
            let start = schedule.start(wait.task)
            var names = wait.behind.prefix(5).map { plan.tasks[$0].id }
            if wait.behind.count > 5 { names.append("and \(wait.behind.count - 5) more") }
            table.add([format.weeks(start - wait.ready), plan.tasks[wait.task].id, plan.owners[wait.owner].id,
                       format.weeks(wait.ready), format.weeks(start), names.joined(separator: ", ")])
        }
        return "\nWaited for owners (weeks; Ready is when the task's links let it start):\n" + table.render()
    }

    static func constraintsSection(plan: Plan, schedule: Schedule, format: TimeFormat, color: Bool) -> String {
        guard !plan.constraints.isEmpty else { return "" }
        var table = TextTable(headers: ["Constraint", "Severity", "Owner", "Resolved", "Target", "Status"],
                              alignments: [.left, .left, .left, .right, .right, .left])
        for r in schedule.resolutions {
            let c = plan.constraints[r.constraint]
            let status: String
            if let late = r.lateBy { status = "LATE by \(late.weeksPhrase)" } else if r.target != nil { status = "on time" } else { status = "no target" }
            table.add([c.id, c.severity?.rawValue ?? "", c.owner ?? "", "week \(format.weeks(r.resolved))",
                       r.target.map { "week \(format.weeks($0))" } ?? "-", status],
                      style: r.late && color ? red : nil)
        }
        return "\n" + table.render()
    }

    static func truncated(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }

    /// The critical chain as text: task ids, `(nats-protocol resolved)` for the
    /// constraint resolutions it passes through, and `-[devops]->` where a task
    /// waits for its owner's earlier work rather than for a link of the plan.
    public static func criticalChain(plan: Plan, schedule: Schedule) -> String {
        var text = ""
        for (position, step) in schedule.criticalChain.enumerated() {
            if position > 0 { text += step.waitedForOwner.map { " -[\(plan.owners[$0].id)]-> " } ?? " -> " }
            switch step.node {
            case .task(let j): text += plan.tasks[j].id
            case .resolution(let c): text += "(\(plan.constraints[c].id) resolved)"
            }
        }
        return text
    }
}
