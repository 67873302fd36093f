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

    /// Whether the link `k` of the network (in predecessor rows) has no slack:
    /// the successor's date is set by it.
    func isDriving(predecessorLink k: Int, of j: Int) -> Bool {
        let network = schedule.graph.network, timing = schedule.timing
        let i = Int(network.predNode[k]), lag = network.predLag[k]
        let slack: Double
        switch network.predType[k] {
        case 0: slack = timing.earlyStart[j] - lag - timing.earlyFinish[i]
        case 1: slack = timing.earlyStart[j] - lag - timing.earlyStart[i]
        case 2: slack = timing.earlyFinish[j] - lag - timing.earlyFinish[i]
        default: slack = timing.earlyFinish[j] - lag - timing.earlyStart[i]
        }
        return slack <= Timing.criticalTolerance
    }

    /// A link is drawn critical when both ends are critical and it drives the successor.
    func isCriticalLink(predecessorLink k: Int, of j: Int) -> Bool {
        let timing = schedule.timing
        let i = Int(schedule.graph.network.predNode[k])
        return timing.isCritical(i) && timing.isCritical(j) && isDriving(predecessorLink: k, of: j)
    }

    /// `SS +1w`, `FS -2d`-like text for links that are not plain finish-to-start.
    func linkLabel(predecessorLink k: Int) -> String? {
        let network = schedule.graph.network
        let type = DependencyNetwork.LinkType(rawValue: network.predType[k]) ?? .fs
        let lag = network.predLag[k]
        if type == .fs && lag == 0 { return nil }
        let lagText = lag == 0 ? "" : (lag > 0 ? " +" : " ") + weeks(lag) + "w"
        return type.dependencyType.rawValue + lagText
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
            let late = schedule.finish - deadline
            text += late > Timing.criticalTolerance
                ? ", \(weeks(late))w after the deadline (\(time.moment(deadline)))"
                : ", deadline: \(time.moment(deadline))"
        }
        return text
    }
}
