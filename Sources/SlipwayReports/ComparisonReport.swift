import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// `slipway compare`: alternatives side by side, for people (table, Markdown)
/// and programs (JSON), the best marked.
public enum ComparisonReport {
    public static func render(plan: Plan, outcomes: [Comparison.Outcome], settings: Comparison.Settings) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        var out = "Decisions for \(plan.title): \(outcomes.count) alternatives, \(settings.iterations.grouped) iterations each, seed \(settings.seed)"
        if let deadline = plan.deadline { out += "; deadline week \(f.weeks(deadline))" }
        out += "\n\n"
        var table = TextTable(headers: ["", "Alternative", "Finish", "Leveled", "Chance", "P80", "Cost", "Targets missed"],
                              alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        for o in outcomes {
            guard o.errors.isEmpty else {
                table.add(["", o.alternative.label, "invalid", "-", "-", "-", "-", "-"])
                continue
            }
            table.add([o.isBest ? "best" : "", o.alternative.label, o.finish.map { f.weeks($0) } ?? "-",
                       o.leveledFinish.map { f.weeks($0) } ?? "-", o.chance.map(HeadlineText.percent) ?? "-",
                       o.p80.map { f.weeks($0) } ?? "-", cost(o, currency: plan.currency), "\(o.targetsMissed.count)"])
        }
        out += table.render()
        out += "\nBest by the chance of the deadline, then cost. Finishes in weeks; 'Leveled' respects owners' capacities, and the chance and P80 come from the leveled simulation when owners do the work.\n"
        for o in outcomes where o.alternative.kind != .plan {
            out += "\n\(o.alternative.label):\n"
            if !o.errors.isEmpty {
                out += o.errors.prefix(3).map { "  cannot be scheduled: \($0.message)" }.joined(separator: "\n") + "\n"
                continue
            }
            if let delta = delta(o, outcomes.first) { out += "  forecast \(delta) against the plan as it is\n" }
            if !o.joinsCriticalPath.isEmpty || !o.leavesCriticalPath.isEmpty {
                out += "  critical path: " + (o.joinsCriticalPath.isEmpty ? "" : "+ \(o.joinsCriticalPath.prefix(4).joined(separator: ", "))")
                out += (o.joinsCriticalPath.isEmpty || o.leavesCriticalPath.isEmpty ? "" : "; ")
                out += (o.leavesCriticalPath.isEmpty ? "" : "- \(o.leavesCriticalPath.prefix(4).joined(separator: ", "))") + "\n"
            }
            if !o.moved.isEmpty {
                out += "  moves most: " + o.moved.map { "\($0.id) \($0.by > 0 ? "+" : "")\(f.weeks($0.by))w" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    static func cost(_ o: Comparison.Outcome, currency: String?) -> String {
        guard let cost = o.cost else { return "-" }
        var text = cost.money
        if let budget = o.budget { text += cost > budget + 1e-6 ? " (over)" : "" }
        return text
    }

    static func delta(_ o: Comparison.Outcome, _ reference: Comparison.Outcome?) -> String? {
        guard let a = o.forecast, let b = reference?.forecast else { return nil }
        let d = a - b
        if abs(d) < 1e-9 { return "unchanged" }
        return "\(d > 0 ? "+" : "")\(d.readable)w"
    }

    /// A Markdown table for a pull request or a wiki page.
    public static func renderMarkdown(plan: Plan, outcomes: [Comparison.Outcome], settings: Comparison.Settings) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        var out = "## Decisions: \(plan.title)\n\n"
        out += "\(settings.iterations.grouped) iterations each, seed \(settings.seed)"
        if let deadline = plan.deadline { out += "; deadline week \(f.weeks(deadline))" }
        out += ". Best by the chance of the deadline, then cost.\n\n"
        out += "| | Alternative | Finish | Leveled | Chance | P80 | Cost | Targets missed |\n|---|---|--:|--:|--:|--:|--:|--:|\n"
        for o in outcomes {
            let cells: [String] = o.errors.isEmpty
                ? [o.isBest ? "**best**" : "", o.alternative.label, o.finish.map { f.weeks($0) } ?? "-", o.leveledFinish.map { f.weeks($0) } ?? "-",
                   o.chance.map(HeadlineText.percent) ?? "-", o.p80.map { f.weeks($0) } ?? "-", cost(o, currency: plan.currency), "\(o.targetsMissed.count)"]
                : ["", o.alternative.label, "invalid", "-", "-", "-", "-", "-"]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    public static func renderJSON(plan: Plan, outcomes: [Comparison.Outcome], settings: Comparison.Settings) -> String {
        JSONOutput.encode(ComparisonDocument(plan: plan, outcomes: outcomes, settings: settings))
    }
}

/// `slipway compare --format json`.
public struct ComparisonDocument: Encodable, Sendable {
    public var plan: String
    public var iterations: Int
    public var seed: UInt64
    public var deadline: Double?
    public var budget: Double?
    public var alternatives: [Entry]

    public struct Entry: Encodable, Sendable {
        public var label: String
        public var kind: String
        public var constraint: String?
        public var option: String?
        public var scenario: String?
        public var valid: Bool
        public var best: Bool
        public var finish: Double?
        public var leveledFinish: Double?
        public var probabilityOnTime: Double?
        public var p80: Double?
        public var cost: Double?
        public var targetsMissed: [String]
        public var criticalPath: [String]
        public var joinsCriticalPath: [String]
        public var leavesCriticalPath: [String]
        public var moved: [Move]
        public var errors: [String]
    }

    public struct Move: Encodable, Sendable {
        public var id: String
        public var by: Double
    }

    public init(plan p: Plan, outcomes: [Comparison.Outcome], settings: Comparison.Settings) {
        plan = p.title
        iterations = settings.iterations
        seed = settings.seed
        deadline = p.deadline
        budget = p.budget
        alternatives = outcomes.map { o in
            var kind = "plan", constraint: String?, option: String?, scenario: String?
            switch o.alternative.kind {
            case .plan: break
            case .option(let c, let k, _): kind = "option"; constraint = c; option = k
            case .scenario(let s): kind = "scenario"; scenario = s
            }
            return Entry(label: o.alternative.label, kind: kind, constraint: constraint, option: option, scenario: scenario,
                         valid: o.errors.isEmpty, best: o.isBest, finish: o.finish, leveledFinish: o.leveledFinish,
                         probabilityOnTime: o.chance, p80: o.p80, cost: o.cost, targetsMissed: o.targetsMissed,
                         criticalPath: o.criticalPath, joinsCriticalPath: o.joinsCriticalPath, leavesCriticalPath: o.leavesCriticalPath,
                         moved: o.moved.map { Move(id: $0.id, by: $0.by) }, errors: o.errors.map(\.message))
        }
    }
}
