import SlipwayCore
import SlipwayScheduling

/// The forecast against a baseline, as a table, JSON or Markdown.
public enum VarianceReport {
    static func headline(_ v: Variance, plan: Plan) -> [String] {
        let f = TimeFormat(calendar: plan.calendar)
        let since = "plan file \(v.planUnchanged ? "unchanged" : "changed")" + (v.progressUnchanged ? "" : ", progress recorded")
        var lines = ["Baseline '\(v.baselineName)' saved \(v.savedAt) (\(since) since)"]
        lines.append("Finish: baseline week \(f.weeks(v.baselineFinish)), forecast week \(f.weeks(v.finish)) (\(SlipReport.signed(v.finishVariance)))")
        if let d = v.deadline {
            lines.append("Deadline week \(f.weeks(d)): " + SlipReport.status(before: v.baselineLateBy, after: v.lateBy))
        }
        return lines
    }

    static func rows(_ v: Variance, all: Bool) -> [Variance.TaskVariance] {
        all ? v.tasks : v.tasks.filter { $0.status != .unchanged }
    }

    static func cells(_ row: Variance.TaskVariance, _ f: TimeFormat) -> [String] {
        func w(_ x: Double?) -> String { x.map(f.weeks) ?? "-" }
        func s(_ x: Double?) -> String { x.map(SlipReport.signed) ?? "-" }
        var note = row.status == .added ? "new task" : row.status == .removed ? "removed" : ""
        if row.critical == true && row.baselineCritical == false { note = "became critical" }
        if row.critical == false && row.baselineCritical == true { note = "no longer critical" }
        return [row.id, w(row.baselineStart), w(row.start), s(row.startVariance), w(row.baselineFinish), w(row.finish), s(row.finishVariance), note]
    }

    static let headers = ["ID", "Base start", "Start", "Δ start", "Base finish", "Finish", "Δ finish", "Note"]

    public static func render(plan: Plan, variance v: Variance, all: Bool) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        var out = v.warnings.map { "Warning: \(sentence($0))\n" }.joined()
        out += headline(v, plan: plan).joined(separator: "\n") + "\n\n"
        let shown = rows(v, all: all)
        var table = TextTable(headers: headers, alignments: [.left, .right, .right, .right, .right, .right, .right, .left])
        for row in shown { table.add(cells(row, f)) }
        out += shown.isEmpty ? "No task moved.\n" : table.render()
        if !all && shown.count < v.tasks.count { out += "(\(v.tasks.count - shown.count) tasks unchanged; --all lists them)\n" }
        out += "\nConstraint targets missed now: " + (v.missedTargets.isEmpty ? "none\n" : "\n")
        for t in v.missedTargets {
            out += "  \(t.id): resolved week \(f.weeks(t.resolved)), target week \(f.weeks(t.target)), \(f.weeks(t.lateBy ?? 0))w late"
            out += t.newlyMissed ? " (NEW: met in the baseline)\n" : " (already late in the baseline)\n"
        }
        out += "\nBecame critical: " + (v.becameCritical.isEmpty ? "none" : v.becameCritical.joined(separator: ", ")) + "\n"
        out += "Left the critical path: " + (v.leftCritical.isEmpty ? "none" : v.leftCritical.joined(separator: ", ")) + "\n"
        return out
    }

    public static func renderMarkdown(plan: Plan, variance v: Variance, all: Bool) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        func md(_ cells: [String]) -> String { "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
        var out = "# Variance of \(plan.title)\n\n"
        out += v.warnings.map { "> Warning: \(sentence($0))\n\n" }.joined()
        out += headline(v, plan: plan).map { "- \($0)\n" }.joined() + "\n"
        out += md(headers) + md(headers.map { _ in "---" })
        for row in rows(v, all: all) { out += md(cells(row, f)) }
        out += "\n## Constraint targets missed now\n\n"
        out += v.missedTargets.isEmpty ? "None.\n" : v.missedTargets.map {
            "- `\($0.id)`: resolved week \(f.weeks($0.resolved)), target week \(f.weeks($0.target)), \(f.weeks($0.lateBy ?? 0))w late\($0.newlyMissed ? " (new)" : "")\n"
        }.joined()
        out += "\n## Critical path\n\n- Became critical: \(v.becameCritical.isEmpty ? "none" : v.becameCritical.joined(separator: ", "))\n"
        out += "- Left the critical path: \(v.leftCritical.isEmpty ? "none" : v.leftCritical.joined(separator: ", "))\n"
        return out
    }

    public static func renderJSON(plan: Plan, variance v: Variance) -> String {
        JSONOutput.encode(VarianceDocument(variance: v))
    }

    /// A variance warning in words.
    public static func sentence(_ warning: Variance.Warning) -> String {
        switch warning {
        case .titleDiffers(let saved, let current):
            return "the baseline was saved from a plan titled '\(saved)', not '\(current)'"
        }
    }
}
