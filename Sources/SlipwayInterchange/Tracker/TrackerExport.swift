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
                out += phaseBlock(phase, number: p + 1, tasks: tasksByPhase[p].map { plan.tasks[$0] }, plan: plan)
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

    /// The one piece of work a constraint's Timeline describes, as its index in
    /// `plan.tasks`: its only mitigation, or the chosen option's only task when it
    /// has options and no other mitigation; nil for several.
    static func singleWork(_ c: Constraint, plan: Plan) -> Int? {
        let own = c.mitigations.filter { plan.tasks[$0].option == nil }
        let chosen = c.mitigations.filter { plan.tasks[$0].option != nil }
        if c.choices.isEmpty { return own.count == 1 ? own[0] : nil }
        return own.isEmpty && chosen.count == 1 ? chosen[0] : nil
    }

    /// What a task's phase window is as an estimate: what an import gives an
    /// activity without one.
    static func window(of task: PlanTask, plan: Plan) -> Estimate? {
        guard let p = task.phaseIndex else { return nil }
        let phase = plan.phases[p]
        return phase.windowStart.flatMap { s in phase.windowEnd.map { Estimate.fixed($0 - s) } } ?? TrackerImport.defaultEstimate
    }

    /// The activity text of a constraint's work listed in its phase: an option's
    /// task is titled "activity: option" by the import.
    static func activityText(_ t: PlanTask, plan: Plan) -> String {
        guard let c = t.constraint, let k = t.option, k < plan.constraints[c].choices.count else { return t.title }
        let suffix = ": " + plan.constraints[c].choices[k].title
        return t.title.hasSuffix(suffix) && t.title.count > suffix.count ? String(t.title.dropLast(suffix.count)) : t.title
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
        let tasks = c.mitigations.filter { plan.tasks[$0].option == nil }.map { plan.tasks[$0] }
        let single = singleWork(c, plan: plan).map { plan.tasks[$0] }
        var bullets = c.options.enumerated().map { "Option \($0.offset + 1): \($0.element)" }
        // An option's estimate is written where it differs from the Timeline's (the
        // chosen option's; there is none beside other mitigations), and the choice
        // unless it is the import's own (the first option, for want of a mark).
        for (k, option) in c.choices.enumerated() {
            // A plan may title its options as the tracker numbers them.
            var bullet = "Option \(k + 1): \(TrackerNames.OptionBullet(option.title)?.title ?? option.title)"
            if let e = option.tasks.first?.estimate, e != single?.estimate { bullet += " (estimate \(PlanYAML.estimate(e)))" }
            if k == c.chosen && (k != 0 || option.why != TrackerMitigations.assumedChoiceWhy(options: c.choices.count, constraint: c.id)) {
                bullet += " (chosen)"
            }
            bullets.append(bullet)
            var lost: [String] = []
            if option.tasks.count > 1 { lost.append("\(option.tasks.count) tasks (the bullet carries the first one's estimate)") }
            if !option.risks.isEmpty { lost.append("risks") }
            if !lost.isEmpty {
                diagnostics.append(.warning(.notExported, at: option.location, "option '\(option.id)' of '\(c.id)' has \(lost.joined(separator: " and ")); the tracker holds one bullet per option, so the rest is left out"))
            }
        }
        if tasks.isEmpty, let t = single { bullets += t.notes }
        for t in tasks {
            let generated = t.title == "Mitigation: \(c.name ?? c.title)"
            if single == nil {
                bullets.append("\(t.title) (estimate \(PlanYAML.estimate(t.estimate)))")
                bullets += t.notes
            } else if t.notes.isEmpty && !generated && t.phase == nil {
                bullets.append(t.title)
            } else {
                // A mitigation in a phase is listed there, as the activity it is.
                bullets += t.notes
            }
        }
        list("Mitigation", bullets, into: &out)
        if c.links.count == 1 { out.append("- **Documentation**: \(c.links[0])") } else { list("Documentation", c.links, into: &out) }
        if let single {
            // The Timeline as written when an import reads it back to the same
            // estimate (an activity's work falls back to its phase window).
            let e = single.estimate
            let activity = window(of: single, plan: plan).map { (estimate: Estimate?.none, window: $0) }
            func reads(_ timeline: String?) -> Estimate { TrackerMitigations.sharedEstimate(timeline: timeline, activity: activity).0 }
            if let text = c.timeline, reads(text) == e {
                out.append("- **Timeline**: \(text)")
            } else if c.timeline != nil || reads(nil) != e {
                out.append("- **Timeline**: \(timeline(e))")
            }
        } else if !tasks.isEmpty {
            diagnostics.append(.warning(.notExported, at: c.location, "constraint '\(c.id)' has \(tasks.count) mitigation\(tasks.count == 1 ? "" : "s")\(c.choices.isEmpty ? "" : " beside its options"); the tracker lists them under Mitigation with their estimates and gives no single Timeline"))
        }
        return out
    }

    private static func phaseBlock(_ phase: Phase, number: Int, tasks: [PlanTask], plan: Plan) -> [String] {
        var name = phase.name
        if let m = name.wholeMatch(of: Self.phaseNumberPrefix) { name = String(m.1) }
        var out = ["### Phase \(number): \(name)" + (PlanYAML.weeksText(phase).map { " (Weeks \($0))" } ?? "")]
        let window = phase.windowStart.flatMap { s in phase.windowEnd.map { Estimate.fixed($0 - s) } } ?? TrackerImport.defaultEstimate
        var groups: [(String, [PlanTask])] = []
        // A constraint's single work in a phase is listed as an activity there; its
        // estimate is the constraint's Timeline. Several mitigations (or some beside
        // options) stay under their constraint, each with its estimate.
        for t in tasks where t.constraint.map({ singleWork(plan.constraints[$0], plan: plan) != nil }) ?? true {
            let g = t.group ?? "Activities"
            if let k = groups.firstIndex(where: { $0.0 == g }) { groups[k].1.append(t) } else { groups.append((g, [t])) }
        }
        // Groups in the order of their first activity that is no constraint's work:
        // the plan lists those in the tracker's order, while a constraint's work comes
        // with its constraint, earlier. An import then lists them in the same order.
        let firstFree = groups.map { group in tasks.firstIndex { $0.constraint == nil && ($0.group ?? "Activities") == group.0 } ?? Int.max }
        groups = groups.indices.sorted { (firstFree[$0], $0) < (firstFree[$1], $1) }.map { groups[$0] }
        for (k, (title, tasks)) in groups.enumerated() {
            if k > 0 { out.append("") }
            out.append("\(k + 1). **\(title)**:")
            for t in tasks {
                if t.constraint != nil {
                    out.append("   - \(activityText(t, plan: plan))")
                    continue
                }
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

// Swift parses a regex literal each time it is evaluated: built once here (see
// MarkdownPlanReader's patterns). A `Regex` is immutable once built.
extension TrackerExport {
    nonisolated(unsafe) static let phaseNumberPrefix = /Phase\s+\d+:\s*(.*)/
}
