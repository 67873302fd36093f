import SlipwayEngine
import SlipwayCore

/// Writes a `Plan` as a plan file (section 2 of the plan-format contract), so that
/// imported plans are ordinary YAML that `slipway check` reads back to the same plan.
///
/// Times are written in the contract's notations: estimates as `2w`, `2-3w` or
/// `1w/2w/4w`; end points as `week N` when whole; lags as `id SS+1w`. A
/// constraint's options are written with their tasks, the chosen one marked.
/// The forecast fields (risk events, skills, crash data, waits, gates) are not
/// written: no import produces them.
public enum PlanYAML {
    /// - Complexity: O(*T* + *C* + *L*) in tasks, constraints and links.
    public static func render(_ plan: Plan, header: [String] = []) -> String {
        var w = YAMLText()
        for line in header { w.line(0, "# " + line) }
        w.field(0, "plan", plan.title)
        if let start = plan.calendar.start { w.field(0, "start", start.description) }
        if plan.unit != .week { w.field(0, "unit", plan.unit.rawValue) }
        if plan.calendar.daysPerWeek != 5 { w.field(0, "days-per-week", plan.calendar.daysPerWeek.compact) }
        if let d = plan.deadline { w.field(0, "deadline", d.compact + "w") }
        if let b = plan.budget { w.field(0, "budget", b.compact) }
        if let c = plan.currency { w.field(0, "currency", c) }
        if let s = plan.statusDate { w.field(0, "status-date", endPoint(s)) }
        if !plan.holidays.isEmpty {
            w.blank()
            w.line(0, "holidays:")
            for off in plan.holidays { w.line(1, "- " + daysOff(off)) }
        }

        if !plan.owners.isEmpty {
            w.blank()
            w.line(0, "owners:")
            for o in plan.owners {
                w.item(1, "id", o.id)
                if o.name != o.id { w.field(2, "name", o.name) }
                if o.capacity != 1 { w.field(2, "capacity", o.capacity.compact) }
                if let r = o.rate { w.field(2, "rate", r.compact) }
                if !o.leave.isEmpty {
                    w.line(2, "leave:")
                    for off in o.leave { w.line(3, "- " + daysOff(off)) }
                }
                if !o.availability.isEmpty {
                    w.line(2, "availability:")
                    for step in o.availability { w.line(3, "- {from: \(step.from), percent: \(step.percent.compact)}") }
                }
            }
        }
        if !plan.phases.isEmpty {
            w.blank()
            w.line(0, "phases:")
            for p in plan.phases {
                w.item(1, "id", p.id)
                if p.name != p.id { w.field(2, "name", p.name) }
                if let weeks = weeksText(p) { w.field(2, "weeks", weeks) }
            }
        }
        if !plan.constraints.isEmpty {
            w.blank()
            w.line(0, "constraints:")
            for c in plan.constraints { constraint(c, plan: plan, into: &w) }
        }
        let free = plan.tasks.filter { $0.constraint == nil }
        if !free.isEmpty {
            w.blank()
            w.line(0, "tasks:")
            for t in free { task(t, level: 1, into: &w) }
        }
        return w.text
    }

    /// `{date: 2025-01-20, name: MLK Day}` or `{from: ..., to: ...}`.
    static func daysOff(_ off: DaysOff) -> String {
        var fields = off.first == off.last ? ["date: \(off.first)"] : ["from: \(off.first)", "to: \(off.last)"]
        if let name = off.name { fields.append("name: " + YAMLText.scalar(name)) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func constraint(_ c: Constraint, plan: Plan, into w: inout YAMLText) {
        w.item(1, "id", c.id)
        w.field(2, "title", c.title)
        if let v = c.section { w.field(2, "section", v) }
        if let v = c.name { w.field(2, "name", v) }
        if let v = c.label { w.field(2, "label", v) }
        if let v = c.category { w.field(2, "category", v) }
        if let v = c.severity { w.field(2, "severity", v.rawValue) }
        if let v = c.severityNote { w.field(2, "severity-note", v) }
        if let v = c.description { w.field(2, "description", v) }
        if let v = c.impact { w.field(2, "impact", v) }
        w.list(2, "limits", c.limits)
        if !c.options.isEmpty || !c.choices.isEmpty {
            // One list holds both: strings are alternatives noted without work,
            // mappings are options with their own tasks (the reader tells them apart).
            w.line(2, "options:")
            for text in c.options { w.line(2, "  - " + YAMLText.scalar(text)) }
            for option in c.choices { self.option(option, into: &w) }
        }
        w.list(2, "links", c.links)
        if let v = c.timeline { w.field(2, "timeline", v) }
        if let v = c.status { w.field(2, "status", v) }
        if let v = c.progress { w.field(2, "progress", v.compact) }
        if let v = c.owner { w.field(2, "owner", v) }
        if let v = c.target { w.field(2, "target", endPoint(v)) }
        w.list(2, "blocks", c.blocks.map(\.id), flow: true)
        // The chosen option's tasks are among the mitigations once loaded; they are
        // written under their option.
        let own = c.mitigations.filter { plan.tasks[$0].option == nil }
        if !own.isEmpty {
            w.line(2, "mitigations:")
            for m in own { task(plan.tasks[m], level: 3, into: &w) }
        }
    }

    private static func option(_ o: ConstraintOption, into w: inout YAMLText) {
        w.item(3, "id", o.id)
        if o.title != o.id { w.field(4, "title", o.title) }
        if o.markedChosen { w.line(4, "chosen: true") }
        if let v = o.why { w.field(4, "why", v) }
        if !o.tasks.isEmpty {
            w.line(4, "mitigations:")
            for t in o.tasks { task(t, level: 5, into: &w) }
        }
    }

    private static func task(_ t: PlanTask, level: Int, into w: inout YAMLText) {
        w.item(level, "id", t.id)
        let l = level + 1
        w.field(l, "title", t.title)
        if t.isMilestone { w.field(l, "milestone", "true") } else { w.field(l, "duration", estimate(t.estimate)) }
        if let v = t.owner { w.field(l, "owner", v) }
        if !t.needs.isEmpty {
            w.line(l, "needs: {" + t.needs.map { "\(YAMLText.scalar($0.owner)): \($0.units.compact)" }.joined(separator: ", ") + "}")
        }
        if let v = t.phase { w.field(l, "phase", v) }
        if let v = t.group { w.field(l, "group", v) }
        w.list(l, "after", t.after.map(dependency), flow: true)
        if let v = t.notBefore { w.field(l, "not-before", startPoint(v)) }
        if let v = t.due { w.field(l, "due", endPoint(v)) }
        if let v = t.cost { w.field(l, "cost", v.compact) }
        if let v = t.why { w.field(l, "why", v) }
        w.list(l, "notes", t.notes)
        if let v = t.progress.actualStart { w.field(l, "actual-start", startPoint(v)) }
        if let v = t.progress.actualFinish { w.field(l, "actual-finish", endPoint(v)) }
        if let v = t.progress.percent { w.field(l, "progress", v.compact) }
        if let v = t.progress.remaining { w.field(l, "remaining", v.compact + "w") }
        if let v = t.progress.spent { w.field(l, "spent", v.compact) }
    }

    /// `2w`, `2-3w` (a range: most likely is the midpoint) or `1w/2w/4w`.
    public static func estimate(_ e: Estimate) -> String { e.notation }

    /// `id`, or `id SS+1w` for other types and lags.
    public static func dependency(_ d: Dependency) -> String { d.notation }

    /// An end: t = 2 is `week 2`; fractions stay plain weeks from t = 0.
    static func endPoint(_ t: Double) -> String {
        t == t.rounded() && t >= 1 ? "week \(t.compact)" : t.compact
    }

    /// A start: t = 2 is `week 3`.
    static func startPoint(_ t: Double) -> String {
        t == t.rounded() ? "week \((t + 1).compact)" : t.compact
    }

    static func weeksText(_ p: Phase) -> String? {
        if let text = p.weeksText { return text }
        guard let a = p.windowStart, let b = p.windowEnd else { return nil }
        return a + 1 == b ? "\(b.compact)" : "\((a + 1).compact)-\(b.compact)"
    }
}
