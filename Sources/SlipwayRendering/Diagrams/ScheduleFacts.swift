import SlipwayEngine
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// The numbers diagrams print about a schedule, formatted once so that every
/// diagram writes them the same way.
struct ScheduleFacts {
    let plan: Plan
    let schedule: Schedule
    let time: TimeFormat

    init(plan: Plan, schedule: Schedule) {
        self.plan = plan
        self.schedule = schedule
        self.time = TimeFormat(calendar: plan.calendar)
    }

    func weeks(_ t: Double) -> String { time.weeks(t) }

    /// The severity of the constraint a task mitigates.
    func severity(ofTask index: Int) -> Constraint.Severity? {
        plan.tasks[index].constraint.flatMap { plan.constraints[$0].severity }
    }

    /// A link is drawn critical when both ends are critical and it drives the successor.
    func isCriticalLink(_ link: Schedule.Link, into node: Schedule.ScheduleNode) -> Bool {
        schedule.isCritical(link.from) && schedule.isCritical(node) && link.isDriving
    }

    /// `SS +1w`, `FS -2d`-like text for links that are not plain finish-to-start.
    func linkLabel(_ link: Schedule.Link) -> String? {
        if link.type == .finishToStart && link.lag == 0 { return nil }
        let lagText = link.lag == 0 ? "" : (link.lag > 0 ? " +" : " ") + weeks(link.lag) + "w"
        return link.type.rawValue + lagText
    }

    /// A phase window as `weeks 1-2`, with dates when the plan has a start.
    func window(of phase: Phase) -> String? {
        guard let start = phase.windowStart, let end = phase.windowEnd else { return nil }
        let a = time.startWeek(start), b = max(a, time.endWeek(end))
        var text = a == b ? "week \(a)" : "weeks \(a)-\(b)"
        if let dates = time.dateSpan(start: start, finish: end, milestone: false) {
            text += " (\(dates.replacingOccurrences(of: "..", with: " to ")))"
        }
        return text
    }

    /// `finish week 12, deadline week 12` for titles.
    var finishSummary: String {
        var text = "finish: \(time.moment(schedule.finish))"
        if schedule.leveling != nil { text = "leveled by owner capacity, " + text }
        if let date = plan.calendar.date(at: schedule.finish, as: .end) { text += " (\(date))" }
        if let deadline = plan.deadline {
            if let late = schedule.lateness(in: plan).lateBy {
                text += ", \(weeks(late))w after the deadline (\(time.moment(deadline)))"
            } else {
                text += ", deadline: \(time.moment(deadline))"
            }
        }
        return text
    }
}
