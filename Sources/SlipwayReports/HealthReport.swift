import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// The schedule health check as a scorecard (`slipway check --health`).
public enum HealthReport {
    public static func render(plan: Plan, results: [HealthCheck.Result]) -> String {
        var table = TextTable(headers: ["#", "Check", "Result", "Threshold", "", "Failing tasks"],
                              alignments: [.right, .left, .right, .right, .left, .left])
        for r in results {
            table.add(["\(r.check.rawValue)", r.check.name, measured(r), r.check.threshold, verdict(r), failing(r, plan: plan)])
        }
        let passed = results.filter { $0.passed == true }.count, computed = results.filter { $0.passed != nil }.count
        var out = "Schedule health of \(plan.title) (DCMA 14-point, adapted): \(passed) of \(computed) checks pass"
        if computed < results.count { out += ", \(results.count - computed) cannot be computed here" }
        out += "\n\n" + table.render()
        let notes = results.compactMap { r in r.note.map { "\(r.check.rawValue). \(r.check.name): \($0)" } }
        if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }

    /// `3 of 40 (7.5%)`, `0.96`, `moved 120w`.
    public static func measured(_ r: HealthCheck.Result) -> String {
        switch r.check {
        case .criticalPathTest: return r.value.map { "moved \($0.readable)w" } ?? "-"
        case .criticalPathLengthIndex, .baselineExecutionIndex: return r.value.map { ((($0 * 100).rounded()) / 100).compact } ?? "-"
        case .relationshipTypes:
            guard let total = r.total, let value = r.value else { return "-" }
            return "\(total - (r.count ?? 0)) of \(total) FS (\(HeadlineText.percent(value)))"
        default:
            guard let count = r.count, let total = r.total else { return "-" }
            if let value = r.value { return "\(count) of \(total) (\(HeadlineText.percent(value)))" }
            return "\(count) of \(total)"
        }
    }

    public static func verdict(_ r: HealthCheck.Result) -> String {
        switch r.passed {
        case true?: return "pass"
        case false?: return "FAIL"
        case nil: return "n/a"
        }
    }

    /// The first five failing tasks by id, then how many there are.
    public static func failing(_ r: HealthCheck.Result, plan: Plan) -> String {
        let ids = r.tasks.prefix(5).map { plan.tasks[$0].id }
        return ids.joined(separator: ", ") + (r.tasks.count > 5 ? ", ... (\(r.tasks.count))" : "")
    }

    public static func renderJSON(plan: Plan, results: [HealthCheck.Result]) -> String {
        JSONOutput.encode(HealthDocument(plan: plan, results: results))
    }
}

/// `slipway check --health --format json`.
public struct HealthDocument: Encodable, Sendable {
    public var plan: String
    public var passed: Int
    public var computed: Int
    public var checks: [Entry]

    public struct Entry: Encodable, Sendable {
        public var number: Int
        public var name: String
        public var rule: String
        public var threshold: String
        public var count: Int?
        public var total: Int?
        public var value: Double?
        /// `pass`, `fail`, or `n/a` when it cannot be computed here.
        public var result: String
        public var tasks: [String]
        public var note: String?
    }

    public init(plan p: Plan, results: [HealthCheck.Result]) {
        plan = p.title
        passed = results.filter { $0.passed == true }.count
        computed = results.filter { $0.passed != nil }.count
        checks = results.map { r in
            Entry(number: r.check.rawValue, name: r.check.name, rule: r.check.rule, threshold: r.check.threshold, count: r.count,
                  total: r.total, value: r.value, result: r.passed.map { $0 ? "pass" : "fail" } ?? "n/a",
                  tasks: r.tasks.map { p.tasks[$0].id }, note: r.note)
        }
    }
}
