import SlipwayEngine
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// Writes a plan back as a constraint tracker in the seed's format, with statistics
/// counted from the plan and the resolution table brought up to date from the
/// schedule (forecast week, on the critical path, late against the target).
///
/// `TrackerImport` reads the result back to the same constraints, estimates,
/// phases, activities and table fields.
public enum TrackerExport {
    /// - Complexity: O(*T* + *C* log *C*).
    /// - Parameter headline: the forecast to state in the executive summary (the
    ///   finish by the links, leveled, and the chance of the deadline).
    public static func render(plan: Plan, schedule: Schedule, headline: Headline? = nil) -> Interchange.Exported {
        var out: [String] = []
        var diagnostics: [Diagnostic] = []
        let weeks = TimeFormat(calendar: plan.calendar)

        out.append("# \(plan.title)")
        out.append("")
        if let start = plan.calendar.start { out.append("**Start**: \(start)  ") }
        if let d = plan.deadline { out.append("**Deadline**: \(d.compact) weeks  ") }
        if let b = plan.budget { out.append("**Budget**: \(money(b, plan.currency))  ") }
        if let s = plan.statusDate { out.append("**Status Date**: \(PlanYAML.endPoint(s))  ") }
        out.append("**Severity Scale**: " + Constraint.Severity.allCases.map { "\(TrackerNames.severityEmoji[$0]!) \($0.rawValue.uppercased())" }.joined(separator: " | "))
        out.append("")
        out.append("## Executive Summary")
        out.append("")
        out.append("**Key Statistics**:")
        out.append("- Total Constraints: \(plan.constraints.count)")
        for s in Constraint.Severity.allCases {
            out.append("- \(TrackerNames.titleCase(s.rawValue)): \(plan.constraints.filter { $0.severity == s }.count)")
        }
        if let headline {
            out.append("")
            out.append("**Forecast** (computed by Slipway from the plan, not tracked):")
            for line in HeadlineText.lines(plan: plan, headline: headline) { out.append("- \(line)") }
        }

        // Sections in the order their categories first appear.
        var categories: [String?] = []
        for c in plan.constraints where !categories.contains(c.category) { categories.append(c.category) }
        var number = 0
        for category in categories {
            number += 1
            out.append("")
            out.append("## \(number). \(category.map(TrackerNames.sectionTitle) ?? "Other Constraints")")
            var index = 0
            for c in plan.constraints where c.category == category {
                index += 1
                out.append("")
                out += constraint(c, number: "\(number).\(index)", plan: plan, diagnostics: &diagnostics)
            }
        }

        if !plan.phases.isEmpty {
            number += 1
            out.append("")
            out.append("## \(number). Risk Mitigation Matrix")
            let tasksByPhase = plan.tasksByPhase()
            for (p, phase) in plan.phases.enumerated() {
                out.append("")
                out += phaseBlock(phase, number: p + 1, tasks: tasksByPhase[p].map { plan.tasks[$0] })
            }
        }

        number += 1
        out.append("")
        out.append("## \(number). Constraint Resolution Tracking")
        out.append("")
        out.append("| Constraint | Severity | Status | Owner | Target Date | Progress | Forecast | Critical Path | Late |")
        out.append("|------------|----------|--------|-------|-------------|----------|----------|---------------|------|")
        let tracked = plan.constraints.indices.filter { i in
            let c = plan.constraints[i]
            return c.label != nil || c.status != nil || c.owner != nil || c.target != nil || c.progress != nil
        }.sorted { a, b in
            (plan.constraints[a].severity?.rank ?? 4, a) < (plan.constraints[b].severity?.rank ?? 4, b)
        }
        for i in tracked {
            let c = plan.constraints[i]
            let r = schedule.resolutions[i]
            let label: String = c.label ?? c.name ?? c.title
            let severity: String = c.severity.map(severityText) ?? "-"
            let status: String = c.status.map(TrackerNames.titleCase) ?? "-"
            let owner: String = c.ownerIndex.map { plan.owners[$0].name } ?? c.owner ?? "-"
            let target: String = c.target.map { "Week \($0.compact)" } ?? "Ongoing"
            let progress: String = c.progress.map { "\($0.compact)%" } ?? "-"
            let forecast = "Week \(weeks.endWeek(r.resolved))"
            // On the critical path when its resolution or any of its mitigations is:
            // a critical mitigation drives the finish even if the resolution event has float.
            let critical = schedule.isCritical(.resolution(i)) || c.mitigations.contains { schedule.timing.isCritical($0) } ? "Yes" : "No"
            let late: String = r.lateBy.map { "\(weeks.weeks($0)) weeks" } ?? (r.target == nil ? "No target" : "On time")
            let cells: [String] = [label, severity, status, owner, target, progress, forecast, critical, late]
            out.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |")
        }

        let placed = Set(plan.tasks.indices.filter { plan.tasks[$0].constraint != nil || plan.phase(of: plan.tasks[$0]) != nil })
        let left = plan.tasks.indices.filter { !placed.contains($0) }.map { plan.tasks[$0].id }
        if !left.isEmpty {
            diagnostics.append(.warning(.notExported, at: nil, "\(left.count) tasks belong to no constraint and no phase, so the tracker format has no place for them: \(left.joined(separator: ", "))"))
        }
        if plan.tasks.contains(where: { !$0.after.isEmpty }) {
            diagnostics.append(.warning(.notExported, at: nil, "the tracker format holds no dependencies; the plan's 'after' links are left out"))
        }
        return Interchange.Exported(text: out.joined(separator: "\n") + "\n", diagnostics: diagnostics)
    }

    private static func constraint(_ c: Constraint, number: String, plan: Plan, diagnostics: inout [Diagnostic]) -> [String] {
        var out: [String] = []
        let severity = c.severity.map { " \(TrackerNames.severityEmoji[$0]!) \($0.rawValue.uppercased())" } ?? ""
        out.append("### \(number) \(c.name ?? c.title)\(severity)")
        out.append("")
        out.append("**Constraint**: \(c.title)")
        if let d = c.description { out.append("- **Description**: \(d)") }
        list("Limits", c.limits, into: &out)
        if let i = c.impact { out.append("- **Impact**: \(i)") }
        if let s = c.severity {
            out.append("- **Severity**: \(s.rawValue.uppercased())" + (c.severityNote.map { " - \($0)" } ?? ""))
        }
        let tasks = c.mitigations.map { plan.tasks[$0] }
        var bullets = c.options.enumerated().map { "Option \($0.offset + 1): \($0.element)" }
        for t in tasks {
            let generated = t.title == "Mitigation: \(c.name ?? c.title)"
            if tasks.count > 1 {
                bullets.append("\(t.title) (estimate \(PlanYAML.estimate(t.estimate)))")
                bullets += t.notes
            } else if t.notes.isEmpty && !generated {
                bullets.append(t.title)
            } else {
                bullets += t.notes
            }
        }
        list("Mitigation", bullets, into: &out)
        if c.links.count == 1 { out.append("- **Documentation**: \(c.links[0])") } else { list("Documentation", c.links, into: &out) }
        if tasks.count == 1 {
            let e = tasks[0].estimate
            if let text = c.timeline, (TrackerImport.estimate(fromTimeline: text) ?? TrackerImport.defaultEstimate) == e {
                out.append("- **Timeline**: \(text)")
            } else if c.timeline != nil || e != TrackerImport.defaultEstimate {
                out.append("- **Timeline**: \(timeline(e))")
            }
        } else if tasks.count > 1 {
            diagnostics.append(.warning(.notExported, at: c.location, "constraint '\(c.id)' has \(tasks.count) mitigations; the tracker lists them under Mitigation with their estimates and gives no single Timeline"))
        }
        return out
    }

    private static func phaseBlock(_ phase: Phase, number: Int, tasks: [PlanTask]) -> [String] {
        var name = phase.name
        if let m = name.wholeMatch(of: /Phase\s+\d+:\s*(.*)/) { name = String(m.1) }
        var out = ["### Phase \(number): \(name)" + (PlanYAML.weeksText(phase).map { " (Weeks \($0))" } ?? "")]
        let window = phase.windowStart.flatMap { s in phase.windowEnd.map { Estimate.fixed($0 - s) } } ?? TrackerImport.defaultEstimate
        var groups: [(String, [PlanTask])] = []
        for t in tasks where t.constraint == nil {
            let g = t.group ?? "Activities"
            if let k = groups.firstIndex(where: { $0.0 == g }) { groups[k].1.append(t) } else { groups.append((g, [t])) }
        }
        for (k, (title, tasks)) in groups.enumerated() {
            if k > 0 { out.append("") }
            out.append("\(k + 1). **\(title)**:")
            for t in tasks {
                out.append("   - \(t.title)" + (t.estimate == window && !t.isMilestone ? "" : " (estimate \(t.isMilestone ? "0w" : PlanYAML.estimate(t.estimate)))"))
            }
        }
        return out
    }

    static func severityText(_ s: Constraint.Severity) -> String {
        "\(TrackerNames.severityEmoji[s]!) \(s.rawValue.uppercased())"
    }

    private static func list(_ key: String, _ items: [String], into out: inout [String]) {
        guard !items.isEmpty else { return }
        out.append("- **\(key)**:")
        for item in items { out.append("  - \(item)") }
    }

    /// `2 weeks`, `2-3 weeks`, or the estimate's own notation when it is not a range.
    static func timeline(_ e: Estimate) -> String {
        if e.isFixed { return "\(e.mostLikely.compact) week\(e.mostLikely == 1 ? "" : "s")" }
        let text = PlanYAML.estimate(e)
        return text.contains("/") ? text : "\(e.optimistic.compact)-\(e.pessimistic.compact) weeks"
    }

    static func money(_ amount: Double, _ currency: String?) -> String {
        currency == "USD" ? "$\(amount.money)" : "\(amount.money)" + (currency.map { " \($0)" } ?? "")
    }
}
