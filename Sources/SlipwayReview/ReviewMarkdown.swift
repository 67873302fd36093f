import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayReports
import SlipwayInterchange

/// The review pack's summary for a pull request or a wiki page: the headline
/// (with earned value and the buffers' status), the decisions, the late
/// constraints, the critical chain buffers and the health scorecard, then a Mermaid
/// gantt block that GitHub draws. The figures are the HTML pack's.
public enum ReviewMarkdown {
    /// GitHub refuses to draw a Mermaid block longer than this (its `maxTextSize`).
    static let mermaidLimit = 50_000

    /// - Complexity: O(*T* + *C* · *L*), plus the Mermaid block's O(*T* · *P*).
    public static func render(_ pack: ReviewPack) -> String {
        let plan = pack.plan, words = ReviewWords(plan: plan)
        var out = "# Review: \(md(plan.title))\n\n"
        var meta = "Status date: " + (plan.statusDate.map { words.when($0) } ?? "none (the forecast runs from the start)")
        meta += " · \(ReviewWords.iterations(pack.settings, plan: plan)), seed \(pack.settings.seed)"
        if let b = pack.baseline { meta += " · baseline '\(md(b.name))' saved \(b.savedAt)" }
        out += meta + ". Written by `slipway review --format markdown`; the HTML pack has the diagrams and every table.\n\n"
        out += "## Headline\n\n"
        let h = pack.headline
        let finishChange = pack.changes.map { c -> String in
            let since: String
            switch c.reference {
            case .baseline(let name, _, _): since = "since baseline '\(md(name))'"
            case .lastUpdate(let s): since = "since the update of \(words.week(s))"
            }
            return " (\(words.delta(c.variance.finishVariance)) \(since))"
        } ?? ""
        for (k, line) in HeadlineText.lines(plan: plan, headline: h).enumerated() where !line.hasPrefix("Chance of the deadline") {
            out += "- \(line.contains("LATE") || line.hasPrefix("On time only") ? "**\(md(line))**" : md(line))\(k == 0 ? finishChange : "")\n"
        }
        if let c = h.chance {
            out += "- Chance of the deadline: \(HeadlineText.chance(c, format: words.format)) (\(c.leveled ? "leveled, " : "")\(c.iterations.grouped) iterations, seed \(c.seed))\n"
        }
        if let cost = words.cost(pack.schedule.cost) { out += "- Cost: \(cost.value) \(cost.detail)\n" }
        let performance = ReviewPerformance(pack: pack, words: words)
        for line in performance.earnedLines() + performance.bufferLines() {
            out += "- \(line.bad ? "**\(md(line.text))**" : md(line.text))\n"
        }
        out += "\n## Decisions needed\n\n"
        out += decisions(pack, words: words)
        out += "\n## Critical chain buffers\n\n" + buffers(pack)
        out += "\n## Schedule health\n\n" + health(pack)
        out += "\n## Gantt\n\n" + gantt(pack)
        return out
    }

    static func decisions(_ pack: ReviewPack, words: ReviewWords) -> String {
        let plan = pack.plan
        var out = ""
        if !pack.comparison.isEmpty {
            out += "### Options and scenarios compared\n\n"
            // The compare command's own Markdown table, without its heading.
            let table = ComparisonReport.renderMarkdown(plan: plan, outcomes: pack.comparison,
                                                        settings: .init(iterations: pack.settings.iterations, seed: pack.settings.seed))
            out += table.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n") + "\n"
        }
        out += "### Gates\n\n"
        if pack.gates.isEmpty { out += "No milestone carries criteria.\n" }
        for j in pack.gates {
            let task = plan.tasks[j]
            let met = task.criteria.filter { $0.status == .met }.count
            out += "- **\(md(words.taskName(j)))** (`\(task.id)`): \(met) of \(task.criteria.count) criteria met; forecast \(words.when(pack.schedule.finish(j)))"
            if let leveled = pack.leveled { out += ", leveled \(words.when(leveled.finish(j)))" }
            out += "\n"
            for criterion in task.criteria {
                let box = criterion.status == .met ? "[x]" : "[ ]"
                out += "  - \(box) \(md(criterion.text))\(criterion.status == .failed ? " — **failed**" : criterion.status == .open ? " (open)" : "")\n"
            }
        }
        out += "\n### Constraints late against their target\n\n"
        let late = pack.register.filter { $0.resolution.late || $0.lateOnlyLeveled }
        if late.isEmpty { return out + "None: every constraint is forecast by its target.\n" }
        out += "| Constraint | Severity | Owner | Target | Resolved | Late by | What drives it |\n|---|---|---|--:|--:|--:|---|\n"
        for entry in late {
            let c = plan.constraints[entry.constraint]
            let lateBy = entry.resolution.lateBy.map { "\(words.format.weeks($0))w" }
                ?? "\(words.format.weeks((entry.leveledResolved ?? 0) - (entry.resolution.target ?? 0)))w leveled"
            var resolved = words.when(entry.resolution.resolved)
            if entry.lateOnlyLeveled, let leveled = entry.leveledResolved { resolved += "; leveled \(words.when(leveled))" }
            let cells = ["\(md(c.title)) (`\(c.id)`)", c.severity?.rawValue ?? "", md(words.owner(of: c)),
                         entry.resolution.target.map { words.when($0) } ?? "-", resolved, lateBy,
                         md(words.chain(entry.chain, arrow: " → "))]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// What `slipway buffers` says and its table, the buffers in red and yellow
    /// first; the HTML pack draws the fever chart.
    static func buffers(_ pack: ReviewPack) -> String {
        var out = BufferReport.heading(plan: pack.plan, pack.buffers).map { "\(md($0.replacingOccurrences(of: " -> ", with: " → ")))\n" }
            .joined(separator: "\n") + "\n"
        let table = ReviewPerformance(pack: pack, words: ReviewWords(plan: pack.plan)).bufferTable()
        out += "| " + table.headers.joined(separator: " | ") + " |\n|"
            + table.headers.indices.map { table.numeric.contains($0) ? "--:|" : "---|" }.joined() + "\n"
        // Ids, numbers and zone names: nothing from the plan's free text.
        for row in table.rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        if table.leftOut > 0 { out += "\n\(table.leftOut) more feeding buffers, all green or done; `slipway buffers PLAN` lists them all.\n" }
        if pack.buffers.projectBuffer.status != nil {
            out += "\nZones: green below a third of the buffer used, yellow from a third, red from two thirds. The HTML pack has the fever chart.\n"
        } else {
            out += "\nNo progress is recorded, so no buffer is used yet. The HTML pack has the fever chart.\n"
        }
        return out
    }

    static func health(_ pack: ReviewPack) -> String {
        let results = pack.health
        let passed = results.filter { $0.passed == true }.count, computed = results.filter { $0.passed != nil }.count
        var out = "DCMA 14-point assessment, adapted (`slipway check PLAN --health`): \(passed) of \(computed) checks pass"
        out += computed < results.count ? ", \(results.count - computed) cannot be computed here.\n\n" : ".\n\n"
        out += "| # | Check | Result | Threshold | | Failing tasks |\n|--:|---|--:|--:|---|---|\n"
        for r in results {
            let verdict = r.passed == false ? "**FAIL**" : HealthReport.verdict(r)
            // Slipway's own words and the plan's ids: nothing here needs escaping.
            out += "| \(r.check.rawValue) | \(r.check.name) | \(HealthReport.measured(r)) | \(r.check.threshold) | \(verdict) | \(HealthReport.failing(r, plan: pack.plan)) |\n"
        }
        return out
    }

    /// The Mermaid gantt of every task, or of the critical ones when GitHub
    /// would refuse the whole.
    static func gantt(_ pack: ReviewPack) -> String {
        let whole = MermaidExport.render(plan: pack.plan, schedule: pack.schedule).text ?? ""
        if whole.count <= mermaidLimit { return whole }
        let critical = pack.plan.tasks.indices.map { pack.schedule.isCritical(task: $0) }
        let part = MermaidExport.render(plan: pack.plan, schedule: pack.schedule, shown: critical).text ?? ""
        let note = "The plan's \(pack.plan.tasks.count) tasks make a block longer than GitHub draws: the chart shows the critical tasks."
        return part.count <= mermaidLimit ? note + "\n\n" + part : "The plan's Gantt chart is longer than GitHub draws, even its critical part; see the HTML pack.\n"
    }

    /// Text from the plan in Markdown: table bars escaped, angle brackets as
    /// entities (so `<script>` is shown, not passed on as HTML), one line.
    static func md(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
