import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayReports

/// How the pack words plan times, changes and chains, in HTML and Markdown alike.
struct ReviewWords {
    let plan: Plan
    let format: TimeFormat

    init(plan: Plan) {
        self.plan = plan
        format = TimeFormat(calendar: plan.calendar)
    }

    /// `week 12.5`.
    func week(_ t: Double) -> String { "week \(format.weeks(t))" }

    /// `2025-04-09`, when the plan has a start: the date of an end (a finish, a
    /// resolution, a status date), or of a start.
    func date(_ t: Double, start: Bool = false) -> String? {
        plan.calendar.date(at: t, as: start || t < 1e-9 ? .start : .end)?.description
    }

    /// `week 12.5 (2025-04-09)`.
    func when(_ t: Double, start: Bool = false) -> String {
        week(t) + (date(t, start: start).map { " (\($0))" } ?? "")
    }

    /// `+0.5w`, `-1w`, `0w`.
    func delta(_ weeks: Double) -> String { SlipReport.signed(weeks) }

    func taskName(_ j: Int) -> String { plan.tasks[j].title.isEmpty ? plan.tasks[j].id : plan.tasks[j].title }

    /// A node as the chain names it: a task's id, `(nats-protocol resolved)`.
    func node(_ node: Schedule.ScheduleNode) -> String {
        switch node {
        case .task(let j): return plan.tasks[j].id
        case .resolution(let c): return "(\(plan.constraints[c].id) resolved)"
        }
    }

    /// `auth-framework -> nats-replacement -> (nats-protocol resolved)`, with the
    /// owner a leveled step waited for, and at most `limit` steps (the last ones).
    func chain(_ chain: DrivingChain, limit: Int = 8, arrow: String = " → ") -> String {
        var parts = chain.steps.map { step in
            node(step.node) + (step.waitedForOwner.map { " [waits for \(plan.owners[$0].id)]" } ?? "")
        }
        if parts.count > limit {
            let hidden = parts.count - limit
            parts = ["… \(hidden) earlier"] + parts.suffix(limit)
        }
        var text = parts.joined(separator: arrow)
        switch chain.origin {
        case .start: break
        case .release(let t): text = "from \(week(t))" + arrow + text
        case .progress: text = "started work" + arrow + text
        }
        return text
    }

    func ownerName(_ o: Int?) -> String {
        guard let o else { return "No owner (milestones, waits)" }
        return plan.owners[o].name
    }

    /// A constraint's owner as the tracker names it.
    func owner(of c: Constraint) -> String {
        c.ownerIndex.map { plan.owners[$0].name } ?? c.owner ?? ""
    }

    func money(_ value: Double) -> String { value.money + (plan.currency.map { " \($0)" } ?? "") }

    /// The cost against the budget in words, or nil when the plan prices nothing.
    func cost(_ summary: CostSummary) -> (value: String, detail: String, over: Bool)? {
        guard summary.isKnown else { return nil }
        guard let budget = plan.budget else { return (money(summary.total), "no budget set", false) }
        let over = summary.total > budget + 1e-6
        let detail = "of a \(budget.money) budget: " + (over ? "over by \((summary.total - budget).money)" : "\((budget - summary.total).money) left")
        return (money(summary.total), detail, over)
    }

    func percent(_ share: Double) -> String { HeadlineText.percent(share) }

    /// `done`, `in progress (40%)`, `not started`.
    func state(_ j: Int) -> String {
        let task = plan.tasks[j]
        switch Forecast(task: task, statusDate: plan.statusDate).state {
        case .finished: return "done"
        case .started: return "in progress" + (task.progress.percent.map { " (\($0.compact)%)" } ?? "")
        case .notStarted: return "not started"
        }
    }

    /// `10,000 iterations`, or `4,990 iterations (fewer than 10,000 for a plan of
    /// 5,000 tasks leveled in every iteration; --iterations sets them)`.
    static func iterations(_ settings: ReviewPack.Settings, plan: Plan) -> String {
        var text = "\(settings.iterations.grouped) iterations"
        if let asked = settings.reducedFrom {
            text += " (fewer than \(asked.grouped) for a plan of \(plan.tasks.count.grouped) tasks leveled in every iteration; --iterations sets them)"
        }
        return text
    }

    static func activity(_ a: LookAhead.Activity) -> String {
        switch a {
        case .starts: return "starts"
        case .continues: return "works on"
        case .finishes: return "must finish"
        case .startsAndFinishes: return "starts and finishes"
        }
    }
}

