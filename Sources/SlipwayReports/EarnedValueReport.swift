import SlipwayCore
import SlipwayScheduling

/// Earned value and earned schedule as a table, Markdown or JSON: each measure
/// with its value and its formula, a verdict in words, then the tasks.
public enum EarnedValueReport {
    /// One line of the measures table: abbreviation, name, value, formula.
    struct Measure {
        var abbreviation: String
        var name: String
        var value: String
        var formula: String
    }

    /// An index to two decimals (`0.84`), `-` when it cannot be computed.
    public static func index(_ x: Double?) -> String { x.map { ((($0 * 100).rounded()) / 100).compact } ?? "-" }
    static func money(_ x: Double?) -> String { x.map(\.money) ?? "-" }

    static func measures(_ v: EarnedValue) -> [Measure] {
        [
            Measure(abbreviation: "BAC", name: "budget at completion", value: money(v.budgetAtCompletion), formula: "task budgets at the baseline's durations"),
            Measure(abbreviation: "PV", name: "planned value", value: money(v.plannedValue), formula: "budgets spread over the baseline's dates, to AT"),
            Measure(abbreviation: "EV", name: "earned value", value: money(v.earnedValue), formula: "budget x share done"),
            Measure(abbreviation: "AC", name: "actual cost", value: money(v.actualCost), formula: "spending recorded ('spent')"),
            Measure(abbreviation: "SV", name: "schedule variance", value: money(v.scheduleVariance), formula: "EV - PV"),
            Measure(abbreviation: "CV", name: "cost variance", value: money(v.costVariance), formula: "EV - AC"),
            Measure(abbreviation: "SPI", name: "schedule performance index", value: index(v.schedulePerformanceIndex), formula: "EV / PV"),
            Measure(abbreviation: "CPI", name: "cost performance index", value: index(v.costPerformanceIndex), formula: "EV / AC"),
            Measure(abbreviation: "EAC", name: "estimate at completion", value: money(v.estimateAtCompletion), formula: "BAC / CPI: the cost efficiency so far holds"),
            Measure(abbreviation: "ETC", name: "estimate to complete", value: money(v.estimateToComplete), formula: "EAC - AC"),
            Measure(abbreviation: "VAC", name: "variance at completion", value: money(v.varianceAtCompletion), formula: "BAC - EAC"),
            Measure(abbreviation: "TCPI", name: "to-complete performance index", value: index(v.toCompletePerformanceIndex), formula: "(BAC - EV) / (BAC - AC)"),
        ]
    }

    static func scheduleMeasures(_ v: EarnedValue, _ f: TimeFormat) -> [Measure] {
        let finishDate = v.independentEstimateAtCompletionTime.flatMap { f.calendar.date(at: $0, as: .end) }.map { " (\($0))" } ?? ""
        return [
            Measure(abbreviation: "AT", name: "actual time", value: f.weeks(v.asOf), formula: "the status date measured at"),
            Measure(abbreviation: "ES", name: "earned schedule", value: f.weeks(v.earnedSchedule), formula: "the latest time PV had not passed EV"),
            Measure(abbreviation: "SV(t)", name: "schedule variance", value: f.weeks(v.scheduleVarianceTime), formula: "ES - AT"),
            Measure(abbreviation: "SPI(t)", name: "schedule performance index", value: index(v.schedulePerformanceIndexTime), formula: "ES / AT"),
            Measure(abbreviation: "PD", name: "planned duration", value: f.weeks(v.plannedDuration), formula: "the baseline's finish"),
            Measure(abbreviation: "IEAC(t)", name: "estimated finish", value: v.independentEstimateAtCompletionTime.map(f.weeks) ?? "-",
                    formula: "PD / SPI(t)" + finishDate),
        ]
    }

    static func heading(plan: Plan, _ v: EarnedValue) -> [String] {
        let f = TimeFormat(calendar: plan.calendar)
        let date = plan.calendar.date(at: v.asOf, as: .end).map { " (\($0))" } ?? ""
        var lines = ["Earned value of \(plan.title) as of week \(f.weeks(v.asOf))\(date), against baseline '\(v.baselineName)' saved \(v.savedAt)"]
        let known = v.lastUpdate.map { "progress known up to week \(f.weeks($0))" } ?? "no progress recorded"
        lines.append("Money in \(plan.currency ?? "the plan's currency"), times in weeks from the start; \(known).")
        return lines
    }

    /// The verdict in words: behind or ahead, over or under cost, and where that leads.
    static func verdict(plan: Plan, _ v: EarnedValue) -> [String] {
        let f = TimeFormat(calendar: plan.calendar)
        var lines: [String] = []
        let svt = v.scheduleVarianceTime
        var schedule = abs(svt) < 0.005 ? "On schedule" : svt < 0 ? "Behind schedule by \(f.weeks(-svt)) weeks" : "Ahead of schedule by \(f.weeks(svt)) weeks"
        schedule += " (ES week \(f.weeks(v.earnedSchedule)) at week \(f.weeks(v.asOf)))"
        if let finish = v.independentEstimateAtCompletionTime {
            schedule += "; at this pace it finishes at week \(f.weeks(finish)), against the baseline's \(f.weeks(v.plannedDuration))"
            if let deadline = plan.deadline { schedule += " and the deadline of week \(f.weeks(deadline))" }
        }
        lines.append(schedule + ".")
        if let cpi = v.costPerformanceIndex, let eac = v.estimateAtCompletion {
            var cost = abs(cpi - 1) < 0.005 ? "On cost" : cpi < 1 ? "Over cost" : "Under cost"
            cost += " (CPI \(index(cpi))): it would cost \(eac.money) at completion, against \(v.budgetAtCompletion.money) in the baseline"
            if let budget = plan.budget { cost += " and a budget of \(budget.money)" }
            lines.append(cost + ".")
        } else {
            lines.append("Cost: unknown until spending is recorded ('slipway progress PLAN TASK --spent AMOUNT').")
        }
        return lines
    }

    /// Tasks with value planned or earned by AT, or spending, in the baseline's order.
    static func taskRows(_ v: EarnedValue) -> [EarnedValue.TaskValue] {
        v.tasks.filter { $0.plannedValue > 0 || $0.earnedValue > 0 || $0.actualCost != nil }
    }

    /// Budgeted tasks not in `taskRows`: planned to start later, nothing done or spent.
    static func laterCount(_ v: EarnedValue) -> Int {
        v.tasks.filter { $0.budget > 0 }.count - taskRows(v).filter { $0.budget > 0 }.count
    }

    static let taskHeaders = ["ID", "Budget", "PV", "EV", "AC", "Done", "CV", "Baseline"]

    static func taskCells(_ t: EarnedValue.TaskValue, _ f: TimeFormat) -> [String] {
        let span = t.baselineStart.map { s in "\(f.weeks(s))-\(f.weeks(t.baselineFinish ?? s))" } ?? "not in baseline"
        return [t.id, t.budget.money, t.plannedValue.money, t.earnedValue.money, money(t.actualCost),
                "\(((t.percentComplete * 10).rounded() / 10).compact)%", money(t.costVariance), span]
    }

    /// - Complexity: O(*T* + *W*) for *T* tasks and the words of the warnings.
    public static func render(plan: Plan, earned v: EarnedValue) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        var out = heading(plan: plan, v).joined(separator: "\n") + "\n"
        out += v.warnings.map { "Warning: \(sentence($0, calendar: plan.calendar))\n" }.joined() + "\n"
        func table(_ rows: [Measure]) -> String {
            var table = TextTable(headers: ["", "Measure", "Value", "Formula"], alignments: [.left, .left, .right, .left])
            for m in rows { table.add([m.abbreviation, m.name, m.value, m.formula]) }
            return table.render()
        }
        out += table(measures(v))
        out += "\nEarned schedule (Lipke 2003), in weeks:\n\n" + table(scheduleMeasures(v, f))
        out += "\n" + verdict(plan: plan, v).joined(separator: "\n") + "\n"
        let rows = taskRows(v)
        if !rows.isEmpty {
            out += "\nTasks with value planned or earned by week \(f.weeks(v.asOf)), or spending:\n\n"
            var table = TextTable(headers: taskHeaders, alignments: [.left, .right, .right, .right, .right, .right, .right, .left])
            for t in rows { table.add(taskCells(t, f)) }
            out += table.render()
        }
        let later = laterCount(v)
        if later > 0 { out += "(\(later) more task\(later == 1 ? "" : "s") with a budget, planned to start later; the JSON lists every task)\n" }
        return out
    }

    public static func renderMarkdown(plan: Plan, earned v: EarnedValue) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        func md(_ cells: [String]) -> String { "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
        var out = "# Earned value of \(plan.title)\n\n"
        out += heading(plan: plan, v).dropFirst().map { "\($0)\n\n" }.joined()
        out += "- As of week \(f.weeks(v.asOf)), against baseline '\(v.baselineName)' saved \(v.savedAt)\n"
        out += verdict(plan: plan, v).map { "- \($0)\n" }.joined()
        out += v.warnings.map { "\n> Warning: \(sentence($0, calendar: plan.calendar))\n" }.joined()
        func table(_ rows: [Measure]) -> String {
            md(["", "Measure", "Value", "Formula"]) + "|---|---|---:|---|\n" + rows.map { md([$0.abbreviation, $0.name, $0.value, $0.formula]) }.joined()
        }
        out += "\n## Earned value\n\n" + table(measures(v))
        out += "\n## Earned schedule (Lipke 2003), in weeks\n\n" + table(scheduleMeasures(v, f))
        let rows = taskRows(v)
        if !rows.isEmpty {
            out += "\n## Tasks\n\n" + md(taskHeaders) + "|---|---:|---:|---:|---:|---:|---:|---|\n"
            for t in rows { out += md(taskCells(t, f)) }
        }
        let later = laterCount(v)
        if later > 0 { out += "\n\(later) more task\(later == 1 ? "" : "s") with a budget, planned to start later.\n" }
        return out
    }

    public static func renderJSON(plan: Plan, earned v: EarnedValue) -> String {
        JSONOutput.encode(EarnedValueDocument(plan: plan, earned: v))
    }

    static func list(_ ids: [String]) -> String {
        let shown = ids.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return ids.count > 8 ? "\(shown) and \(ids.count - 8) more" : shown
    }

    /// A warning in words.
    public static func sentence(_ warning: EarnedValue.Warning, calendar: WorkCalendar) -> String {
        let f = TimeFormat(calendar: calendar)
        switch warning {
        case .titleDiffers(let saved, let current):
            return "the baseline was saved from a plan titled '\(saved)', not '\(current)'"
        case .notInBaseline(let ids):
            return "\(list(ids)) \(ids.count == 1 ? "is" : "are") not in the baseline: no budget, so \(ids.count == 1 ? "it earns" : "they earn") nothing (their spending counts in AC); save a new baseline to include them"
        case .removedSinceBaseline(let ids):
            return "\(list(ids)) \(ids.count == 1 ? "is" : "are") in the baseline but no longer in the plan: \(ids.count == 1 ? "its" : "their") budget is left out of BAC and PV"
        case .workWithoutSpending(let ids):
            return "\(list(ids)) \(ids.count == 1 ? "has" : "have") work done but no spending recorded, so AC leaves \(ids.count == 1 ? "it" : "them") out and CPI and EAC look better than they are; record it with 'slipway progress PLAN TASK --spent AMOUNT'"
        case .noSpending:
            return "no spending is recorded ('spent'), so AC, CV, CPI, EAC, ETC, VAC and TCPI are unknown"
        case .progressOlderThanAsOf(let last):
            return "the latest progress is as of week \(f.weeks(last)): EV and AC have not moved since, while PV has"
        }
    }

    /// Why earned value could not be computed, in words (without a severity: the
    /// command says "error", `render --all` skips the chart).
    public static func message(_ problem: EarnedValue.Problem, plan: Plan) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        switch problem {
        case .baseline(let p): return "\(p.path): \(p.message)"
        case .noBudget:
            return "'\(plan.title)' has no costs, so there is no value to earn; give owners a 'rate' (per week of work) or tasks a 'cost'"
        case .noStatusDate:
            return "'\(plan.title)' has no status date; record progress with 'slipway progress', or say when to measure with --as-of 'week N'"
        case .beforePlanFileProgress(let asOf, let statusDate):
            return "--as-of week \(f.weeks(asOf)) is before the plan's status-date (week \(f.weeks(statusDate))), as of which its own progress fields are known; measure at week \(f.weeks(statusDate)) or later"
        }
    }
}
