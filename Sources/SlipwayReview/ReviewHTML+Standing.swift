import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayReports

/// Where the plan stands: the headline, the decisions it needs, the constraint register.
extension ReviewHTML.Page {
    mutating func headline() {
        let h = pack.headline
        let changes = pack.changes
        let since: String? = changes.map { c in
            switch c.reference {
            case .baseline(let name, _, _): return "since baseline '\(name)'"
            case .lastUpdate(let s): return "since the update of \(words.week(s))"
            }
        }
        html.open("div", [("class", "cards")])
        // A baseline keeps dates only: the chance and the cost have nothing to compare with.
        let notKept: String? = changes.flatMap { c in
            if case .baseline = c.reference { return "not kept in a baseline" }
            return nil
        }
        let finishLabel = h.leveledFinish == nil ? "Finish" : "Finish by the links"
        card(finishLabel, words.week(h.finish), detail: verdictDetail(h.finish),
             change: changes.map { "\(words.delta($0.variance.finishVariance)) \(since ?? "")" }, tone: tone(h.finish))
        if let leveled = h.leveledFinish {
            var change: String?
            if let c = changes {
                change = c.referenceLeveledFinish.map { "\(words.delta(leveled - $0)) \(since ?? "")" } ?? "a baseline keeps the finish by the links only"
            }
            card("Leveled by owner capacity", words.week(leveled), detail: verdictDetail(leveled), change: change, tone: tone(leveled))
        }
        if let c = h.chance {
            let detail = "P80 \(words.week(c.p80)) · \(c.leveled ? "leveled, " : "")\(c.iterations.grouped) iterations, seed \(c.seed)"
            let value = c.onTime.map { words.percent($0) } ?? "no deadline"
            let t: ReviewHTML.Tone = c.onTime.map { $0 >= 0.8 ? .good : $0 < 0.5 ? .bad : .plain } ?? .plain
            card("Chance of the deadline", value, detail: detail, change: notKept, tone: t)
        } else {
            card("Chance of the deadline", "-", detail: h.simulationSkipped ? "the plan is too large for a simulation here"
                    : "no estimate varies and no risk event: the finish is certain as planned", change: nil, tone: .plain)
        }
        if let cost = words.cost(schedule.cost) {
            card("Cost", cost.value, detail: cost.detail, change: notKept, tone: cost.over ? .bad : .good)
        } else {
            card("Cost", "-", detail: "no rates or costs in the plan", change: nil, tone: .plain)
        }
        var statusChange: String?
        if let c = changes {
            switch c.reference {
            case .baseline(_, let savedAt, let s): statusChange = "baseline saved \(savedAt)" + (s.map { ", status \(words.week($0))" } ?? "")
            case .lastUpdate(let s): statusChange = "previous update: \(words.week(s))"
            }
        }
        let performance = ReviewPerformance(pack: pack, words: words)
        for c in [performance.earnedCard(), performance.bufferCard()] {
            card(c.label, c.value, detail: c.detail, change: nil, tone: c.tone)
        }
        card("Status date", plan.statusDate.map { words.week($0) } ?? "none",
             detail: plan.statusDate.flatMap { words.date($0) } ?? "the forecast runs from the start" + (words.date(0).map { " (\($0))" } ?? ""),
             change: statusChange, tone: .plain)
        html.close("div")
        var lines = HeadlineText.lines(plan: plan, headline: h).filter { !$0.hasPrefix("Chance of the deadline") }
            .map { ($0, $0.contains("LATE") || $0.hasPrefix("On time only")) }
        if let c = h.chance {
            lines.append(("Chance of the deadline: " + HeadlineText.chance(c, format: words.format)
                + " (\(c.leveled ? "every iteration leveled by owner capacity, " : "")\(c.iterations.grouped) iterations, seed \(c.seed))", false))
        }
        if let cost = words.cost(schedule.cost) { lines.append(("Cost: \(cost.value) \(cost.detail)", cost.over)) }
        lines += (performance.earnedLines() + performance.bufferLines()).map { ($0.text, $0.bad) }
        html.element("ul", [("class", "verdict")]) { u in
            for (line, bad) in lines { u.element("li", bad ? [("class", "late")] : [], text: line) }
        }
    }

    func verdictDetail(_ finish: Double) -> String {
        var text = words.date(finish) ?? ""
        if let deadline = plan.deadline {
            let margin = deadline - finish
            text += (text.isEmpty ? "" : " · ") + "deadline \(words.week(deadline)): "
            text += margin >= -Timing.criticalTolerance ? "on time, \(max(0, margin).weeksPhrase) to spare" : "LATE by \((-margin).weeksPhrase)"
        }
        return text
    }

    func tone(_ finish: Double) -> ReviewHTML.Tone {
        guard let deadline = plan.deadline else { return .plain }
        return Lateness(finish: finish, due: deadline).late ? .bad : .good
    }

    mutating func decisions() {
        html.element("h3", text: "Options and scenarios compared")
        if pack.comparison.isEmpty {
            paragraph("The plan has no options or scenarios to compare.", class: "muted")
        } else {
            let iterations = pack.settings.iterations.grouped
            paragraph("Each alternative loaded, scheduled, leveled when owners do the work and simulated (\(iterations) iterations each, seed "
                      + "\(pack.settings.seed)), as 'slipway compare' does. Best: the greatest chance of the deadline, then the lower cost.")
            table(["", "Alternative", "Finish", "Leveled", "Chance", "P80", "Cost", "Targets missed", "Critical path"], numeric: [2, 3, 4, 5, 6, 7]) { t in
                for o in t.pack.comparison { t.comparisonRow(o) }
            }
        }
        html.element("h3", text: "Gates")
        if pack.gates.isEmpty {
            paragraph("No milestone carries criteria.", class: "muted")
        }
        for j in pack.gates { gate(j) }
        html.element("h3", text: "Constraints late against their target")
        let late = pack.register.filter { $0.resolution.late || $0.lateOnlyLeveled }
        if late.isEmpty {
            paragraph("No constraint is forecast after its target.", class: "ok")
        } else {
            paragraph("\(late.filter(\.resolution.late).count) of \(pack.register.filter { $0.resolution.target != nil }.count) targets are missed by the links"
                      + (late.contains(where: \.lateOnlyLeveled) ? "; those marked 'leveled' are missed only once owners' capacities count." : "."))
            table(["Constraint", "Severity", "Owner", "Target", "Resolved", "Late by", "What drives it"], numeric: [3, 4, 5]) { t in
                for entry in late {
                    let c = t.plan.constraints[entry.constraint]
                    t.html.open("tr", [("class", "late-row")])
                    t.nameCell(c.title, id: c.id)
                    t.severityCell(c.severity)
                    t.cell(t.words.owner(of: c))
                    t.cell(entry.resolution.target.map { t.words.when($0) } ?? "-", sort: entry.resolution.target)
                    var resolved = t.words.when(entry.resolution.resolved)
                    if entry.lateOnlyLeveled, let leveled = entry.leveledResolved { resolved += "; leveled \(t.words.when(leveled))" }
                    t.cell(resolved, sort: entry.resolution.resolved)
                    if let by = entry.resolution.lateBy {
                        t.cell("\(t.words.format.weeks(by))w", sort: by, class: "num late")
                    } else {
                        let by = (entry.leveledResolved ?? 0) - (entry.resolution.target ?? 0)
                        t.cell("\(t.words.format.weeks(by))w leveled", sort: by, class: "num late")
                    }
                    t.cell(t.words.chain(entry.chain), class: "chain")
                    t.html.close("tr")
                }
            }
        }
    }

    mutating func comparisonRow(_ o: Comparison.Outcome) {
        html.open("tr", o.isBest ? [("class", "best")] : [])
        cell(o.isBest ? "best" : "", class: o.isBest ? "ok" : nil)
        cell(o.alternative.label)
        guard o.errors.isEmpty else {
            cell("cannot be scheduled: " + o.errors.prefix(2).map(\.message).joined(separator: "; "))
            for _ in 0..<6 { cell("-") }
            html.close("tr")
            return
        }
        cell(o.finish.map(words.format.weeks) ?? "-", sort: o.finish, class: "num")
        cell(o.leveledFinish.map(words.format.weeks) ?? "-", sort: o.leveledFinish, class: "num")
        cell(o.chance.map(words.percent) ?? "-", sort: o.chance, class: "num")
        cell(o.p80.map(words.format.weeks) ?? "-", sort: o.p80, class: "num")
        let over = o.cost.flatMap { c in o.budget.map { c > $0 + 1e-6 } } ?? false
        cell(o.cost.map { $0.money + (over ? " (over)" : "") } ?? "-", sort: o.cost, class: over ? "num late" : "num")
        cell("\(o.targetsMissed.count)", sort: Double(o.targetsMissed.count), class: "num")
        var path: [String] = []
        if !o.joinsCriticalPath.isEmpty { path.append("+ " + o.joinsCriticalPath.prefix(4).joined(separator: ", ")) }
        if !o.leavesCriticalPath.isEmpty { path.append("− " + o.leavesCriticalPath.prefix(4).joined(separator: ", ")) }
        cell(o.alternative.kind == .plan ? "reference" : (path.isEmpty ? "same" : path.joined(separator: "; ")), class: "chain")
        html.close("tr")
    }

    mutating func gate(_ j: Int) {
        let task = plan.tasks[j]
        let met = task.criteria.filter { $0.status == .met }.count
        let failed = task.criteria.contains { $0.status == .failed }
        var heading = "\(words.taskName(j)): \(met) of \(task.criteria.count) criteria met; forecast \(words.when(schedule.finish(j)))"
        if let leveled = pack.leveled { heading += ", leveled \(words.when(leveled.finish(j)))" }
        html.element("p", failed ? [("class", "late")] : []) { p in
            p.text(heading + " ")
            p.element("span", [("class", "id")], text: task.id)
        }
        html.element("ul", [("class", "criteria")]) { u in
            for criterion in task.criteria {
                let mark: String
                switch criterion.status {
                case .met: mark = "✓ met"
                case .open: mark = "○ open"
                case .failed: mark = "✗ failed"
                }
                u.element("li") { li in
                    li.element("span", [("class", criterion.status.rawValue)], text: mark)
                    li.text(" — " + criterion.text)
                }
            }
        }
    }

    mutating func constraintRegister() {
        let late = pack.register.filter(\.resolution.late).count
        paragraph("All \(plan.constraints.count) constraints of the plan, in plan order (click a header to sort). Resolved: when the last "
                  + "mitigation finishes by the links\(pack.leveled != nil ? "; Leveled: the same with owners' capacities" : ""). "
                  + "Margin: target minus resolution. \(late) late against the target.")
        guard !plan.constraints.isEmpty else { return }
        var headers = ["Constraint", "Severity", "Status", "Progress", "Owner", "Target", "Resolved"]
        if pack.leveled != nil { headers.append("Leveled") }
        headers += ["Margin", "What drives it"]
        let numeric: Set<Int> = pack.leveled != nil ? [3, 5, 6, 7, 8] : [3, 5, 6, 7]
        table(headers, numeric: numeric) { t in
            for entry in t.pack.register { t.registerRow(entry) }
        }
    }

    mutating func registerRow(_ entry: ReviewPack.RegisterEntry) {
        let c = plan.constraints[entry.constraint]
        let r = entry.resolution
        html.open("tr", r.late ? [("class", "late-row")] : [])
        html.element("td", [("data-sort", c.title.lowercased()), ("class", r.late ? "late" : "name")]) { td in
            td.text(c.title)
            td.void("br")
            td.element("span", [("class", "id")], text: c.id)
            for link in c.links where Self.isWebLink(link) {
                td.text(" ")
                td.element("a", [("class", "doc"), ("href", link)], text: "docs")
            }
        }
        severityCell(c.severity)
        cell(c.status ?? "-")
        cell(c.progress.map { "\($0.compact)%" } ?? "-", sort: c.progress, class: "num")
        cell(words.owner(of: c))
        cell(r.target.map { words.week($0) + (words.date($0).map { " (\($0))" } ?? "") } ?? "no target", sort: r.target, class: "num")
        cell(words.week(r.resolved) + (words.date(r.resolved).map { " (\($0))" } ?? ""), sort: r.resolved, class: r.late ? "num late" : "num")
        if pack.leveled != nil {
            let lateLeveled = entry.leveledResolved.map { Lateness(finish: $0, due: r.target).late } ?? false
            cell(entry.leveledResolved.map(words.format.weeks) ?? "-", sort: entry.leveledResolved, class: lateLeveled ? "num late" : "num")
        }
        if let margin = entry.margin {
            cell(words.delta(margin), sort: margin, class: r.late ? "num late" : "num ok")
        } else {
            cell("-", class: "num")
        }
        cell(words.chain(entry.chain), class: "chain")
        html.close("tr")
    }

    /// Only http(s) addresses become links: a plan's `javascript:` or `file:`
    /// "link" is shown as nothing rather than made clickable.
    static func isWebLink(_ s: String) -> Bool {
        (s.hasPrefix("https://") || s.hasPrefix("http://")) && !s.contains(where: { $0.isWhitespace })
    }
}
