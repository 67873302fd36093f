import SlipwayEngine
import Foundation
import SlipwayCore

/// Maps a tracker document to a plan: constraints with one mitigation task each
/// (its estimate from the Timeline), the resolution table's status, owner, target
/// and progress, the phases with their activities as tasks, the deadline and the budget.
///
/// Whatever has no place in a plan comes back as a warning at its line.
public enum TrackerImport {
    public struct Result: Sendable {
        public var plan: Plan
        /// What could not be mapped, defaults that were assumed, with lines.
        public var warnings: [Diagnostic]
        /// How the document disagrees with itself (`TrackerConsistency`).
        public var findings: [Diagnostic]
    }

    /// The estimate given to work the tracker gives no timeline for.
    public static let defaultEstimate = Estimate.fixed(1)

    /// - Complexity: O(*n* + *r* *c* log(*r* *c*)) for a document of *n* lines with
    ///   *r* table rows and *c* constraints.
    public static func run(_ doc: TrackerDocument) -> Result {
        var warnings: [Diagnostic] = []
        func warn(_ code: DiagnosticCode, _ line: Int, _ message: String) {
            warnings.append(.warning(code, at: SourceLocation(line: line, column: 1), message))
        }
        func at(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }
        var ids = Set<String>()
        func unique(_ base: String) -> String {
            var id = base, n = 2
            while ids.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids.insert(id)
            return id
        }

        var plan = Plan(title: doc.title.isEmpty ? "Imported tracker" : doc.title)
        if doc.title.isEmpty { warn(.noTitle, 1, "the tracker has no '# Title' line; the plan is called '\(plan.title)'") }
        readMetadata(doc, into: &plan, warn: warn)

        // Owners, in the order the table names them.
        let matches = rowMatches(doc)
        for row in doc.table {
            guard let name = row.cell("Owner") else { continue }
            let id = TrackerNames.kebab(name)
            if !plan.owners.contains(where: { $0.id == id }) {
                ids.insert(id)
                plan.owners.append(Owner(id: id, name: name, location: at(row.line)))
            }
        }

        // Phases and their activities come after the constraints in the plan's
        // task list, but their ids are needed for `blocks`, so they are built first.
        var activityTasks: [PlanTask] = []
        for block in doc.phases {
            let id = unique(TrackerNames.kebab(block.name))
            var phase = Phase(id: id, name: "Phase \(block.number): \(block.name)", weeksText: block.weeks, location: at(block.line))
            if let weeks = block.weeks {
                let parts = weeks.split(separator: "-").compactMap { Double($0) }
                if let first = parts.first { phase.windowStart = first - 1; phase.windowEnd = parts.last! }
            } else {
                warn(.noPhaseWindow, block.line, "phase \(block.number) '\(block.name)' gives no '(Weeks a-b)'; it has no window")
            }
            plan.phases.append(phase)
            let window = phase.windowStart.flatMap { s in phase.windowEnd.map { Estimate.fixed($0 - s) } } ?? defaultEstimate
            var defaulted = 0
            for group in block.groups {
                for activity in group.activities {
                    var text = activity.text
                    var estimate = window
                    if let m = text.wholeMatch(of: /(.*?)\s*\(estimate\s+([^)]+)\)/), case .success(let e) = TimeSyntax().estimate(String(m.2)) {
                        text = String(m.1)
                        estimate = e
                    } else {
                        defaulted += 1
                    }
                    var task = PlanTask(id: unique(TrackerNames.kebab(text, maxWords: 5)), title: text, estimate: estimate, location: at(activity.line))
                    task.phase = id
                    task.group = group.title
                    activityTasks.append(task)
                }
            }
            if defaulted > 0 {
                warn(.defaultEstimate, block.line, "the \(defaulted) activities of phase \(block.number) have no estimates; each is given the phase window (\(PlanYAML.estimate(window)))")
            }
        }

        for (e, entry) in doc.constraints.enumerated() {
            let cid = unique(TrackerNames.kebab(entry.name))
            var c = Constraint(id: cid, title: entry.sentence ?? entry.name, location: at(entry.line))
            if entry.sentence == nil { warn(.noConstraintSentence, entry.line, "\(entry.section) '\(entry.name)' has no '**Constraint**:' sentence; its title is the heading") }
            c.section = entry.section
            c.name = entry.name
            c.category = TrackerNames.category(ofSection: entry.category)
            c.severity = entry.severity
            var task = PlanTask(id: unique("mitigate-" + cid), title: "Mitigation: \(entry.name)", estimate: defaultEstimate, location: at(entry.line))
            var sawTimeline = false
            for field in entry.fields {
                let all = ([field.value] + field.items).filter { !$0.isEmpty }
                switch field.key.lowercased() {
                case "description": c.description = all.joined(separator: "; ")
                case "impact": c.impact = all.joined(separator: "; ")
                case "limits": c.limits = all
                case "documentation": c.links = all
                case "severity":
                    let parts = field.value.components(separatedBy: " - ")
                    let word = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
                    if let s = Constraint.Severity(rawValue: word) { if c.severity == nil { c.severity = s } } else {
                        warn(.badSeverity, field.line, "severity '\(parts[0])' of \(entry.section) is not CRITICAL, HIGH, MEDIUM or LOW")
                    }
                    if parts.count > 1 { c.severityNote = parts.dropFirst().joined(separator: " - ") }
                case "mitigation":
                    for item in all {
                        if let m = item.wholeMatch(of: /Option\s+\d+:\s*(.*)/) { c.options.append(String(m.1)) } else { task.notes.append(item) }
                    }
                case "timeline":
                    sawTimeline = true
                    c.timeline = field.value
                    if let e = estimate(fromTimeline: field.value) { task.estimate = e } else {
                        warn(.defaultEstimate, field.line, "timeline '\(field.value)' of \(entry.section) '\(entry.name)' is not a duration; its mitigation is given \(PlanYAML.estimate(defaultEstimate))")
                    }
                default:
                    warn(.notImported, field.line, "'\(field.key)' of \(entry.section) has no place in a plan and was not imported")
                }
            }
            if !sawTimeline {
                warn(.defaultEstimate, entry.line, "\(entry.section) '\(entry.name)' has no Timeline; its mitigation is given \(PlanYAML.estimate(defaultEstimate))")
            }
            if c.severity == nil { warn(.noSeverity, entry.line, "\(entry.section) '\(entry.name)' has no severity") }
            if let r = matches.firstIndex(where: { $0 == e }) { readRow(doc.table[r], into: &c, warn: warn) }
            task.owner = c.owner
            if let note = c.severityNote, note.lowercased().contains("blocks entire migration") {
                if let phase = plan.phases.first(where: { $0.id == "migration" }) {
                    c.blocks = [Reference(id: phase.id, location: at(entry.line))]
                } else {
                    warn(.noMigrationPhase, entry.line, "\(entry.section) blocks the entire migration, but no phase is called 'Migration'; no 'blocks' link was added")
                }
            }
            task.constraint = plan.constraints.count
            c.mitigations = [plan.tasks.count]
            plan.tasks.append(task)
            plan.constraints.append(c)
        }
        plan.tasks += activityTasks

        for (what, line) in doc.unmapped { warn(.notImported, line, "\(what) has no place in a plan and was not imported") }
        warn(.noDependencies, doc.tableLine ?? doc.titleLine,
             "the tracker states no dependencies between tasks: only 'blocks' links from constraints that block the entire migration were added; add 'after' links by hand")
        // By line, keeping the order of findings on the same line.
        warnings = warnings.enumerated().sorted { ($0.element.location?.line ?? 0, $0.offset) < ($1.element.location?.line ?? 0, $1.offset) }.map(\.element)
        return Result(plan: plan, warnings: warnings, findings: TrackerConsistency.findings(doc, matches: matches))
    }

    /// For each table row, the index in `doc.constraints` of the constraint it names.
    static func rowMatches(_ doc: TrackerDocument) -> [Int?] {
        TrackerNames.match(labels: doc.table.map { $0.cell("Constraint") ?? "" },
                           to: doc.constraints.map { ($0.name, $0.sentence ?? "") })
    }

    /// `2-3 weeks for implementation` -> 2-3w; `2 weeks` -> 2w; `3 days` -> 3d.
    static func estimate(fromTimeline text: String) -> Estimate? {
        if let first = text.split(separator: " ").first, first.contains("/"), case .success(let e) = TimeSyntax().estimate(String(first)) { return e }
        guard let m = text.prefixMatch(of: /\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(weeks?|days?|w|d)\b/.ignoresCase()) else { return nil }
        let unit = m.3.lowercased().hasPrefix("d") ? "d" : "w"
        let text = m.2.map { "\(m.1)-\($0)\(unit)" } ?? "\(m.1)\(unit)"
        if case .success(let e) = TimeSyntax().estimate(text) { return e }
        return nil
    }

    private static func readRow(_ row: TrackerDocument.Row, into c: inout Constraint, warn: (DiagnosticCode, Int, String) -> Void) {
        c.label = row.cell("Constraint")
        if let s = row.cell("Status") { c.status = TrackerNames.kebab(s) }
        if let o = row.cell("Owner") { c.owner = TrackerNames.kebab(o) }
        if let p = row.cell("Progress") {
            if let v = Double(p.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)), v >= 0, v <= 100 { c.progress = v } else {
                warn(.badProgress, row.line, "progress '\(p)' of '\(c.label ?? c.id)' is not a percentage; it was not imported")
            }
        }
        if let t = row.cell("Target Date") ?? row.cell("Target") {
            if let m = t.wholeMatch(of: /[Ww]eek\s+(\d+)/) { c.target = Double(m.1)! } else {
                c.targetText = t
                warn(.noTarget, row.line, "target '\(t)' of '\(c.label ?? c.id)' is not a week; the constraint has no target")
            }
        }
    }

    private static func readMetadata(_ doc: TrackerDocument, into plan: inout Plan, warn: (DiagnosticCode, Int, String) -> Void) {
        var lastUpdated: (CivilDate, Int)?
        var start: CivilDate?
        var sawDeadline = false, sawBudget = false
        for (key, value, line) in doc.metadata {
            switch key.lowercased() {
            case "start":
                if let d = CivilDate(iso: value) { start = d } else { warn(.badDate, line, "start '\(value)' is not a date like 2025-01-13") }
            case "last updated": if let d = CivilDate(iso: value) { lastUpdated = (d, line) } else { fallthrough }
            case "deadline":
                if let m = value.prefixMatch(of: /(\d+(?:\.\d+)?)\s*weeks?/) { plan.deadline = Double(m.1)!; sawDeadline = true } else {
                    warn(.notImported, line, "'\(key): \(value)' has no place in a plan and was not imported")
                }
            case "budget":
                if let (amount, currency) = money(value) { plan.budget = amount; plan.currency = currency; sawBudget = true }
            case "status date":
                if case .success(let t) = TimeSyntax(calendar: plan.calendar).point(value, as: .end) { plan.statusDate = t } else {
                    warn(.badDate, line, "status date '\(value)' is not 'week N' or a number of weeks")
                }
            case "severity scale", "key statistics": break // the legend is written again on export; statistics are checked
            default:
                warn(.notImported, line, "'\(key): \(value)' has no place in a plan and was not imported")
            }
        }
        if start == nil, let (updated, line) = lastUpdated {
            var d = updated.adding(days: 1)
            while d.weekdayFromMonday != 0 { d = d.adding(days: 1) }
            start = d
            warn(.assumedStart, line, "the plan is taken to start on \(d), the first Monday after 'Last Updated' \(updated)")
        }
        if let start { plan.calendar = WorkCalendar(start: start) }
        for (i, line) in doc.lines.enumerated() {
            if !sawDeadline, let m = line.firstMatch(of: /(\d+)-(month|week) deadline/) {
                plan.deadline = Double(m.1)! * (m.2 == "month" ? 4 : 1)
                plan.locations["deadline"] = SourceLocation(line: i + 1, column: 1)
                sawDeadline = true
            }
            if !sawBudget, line.lowercased().contains("budget"), let m = line.firstMatch(of: /\$[\d,]+(?:\.\d+)?/), let (amount, currency) = money(String(m.0)) {
                plan.budget = amount
                plan.currency = currency
                sawBudget = true
            }
        }
    }

    /// `$50,000` -> (50000, USD); `50,000 EUR` -> (50000, EUR).
    static func money(_ text: String) -> (Double, String?)? {
        guard let m = text.firstMatch(of: /(\$)?\s*([\d,]+(?:\.\d+)?)\s*([A-Z]{3})?/),
              let amount = Double(m.2.replacingOccurrences(of: ",", with: "")) else { return nil }
        return (amount, m.3.map(String.init) ?? (m.1 != nil ? "USD" : nil))
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let assumedStart = DiagnosticCode("assumed-start")
    public static let defaultEstimate = DiagnosticCode("default-estimate")
    public static let noConstraintSentence = DiagnosticCode("no-constraint-sentence")
    public static let noDependencies = DiagnosticCode("no-dependencies")
    public static let noMigrationPhase = DiagnosticCode("no-migration-phase")
    public static let noPhaseWindow = DiagnosticCode("no-phase-window")
    public static let noSeverity = DiagnosticCode("no-severity")
    public static let noTarget = DiagnosticCode("no-target")
    public static let noTitle = DiagnosticCode("no-title")
    public static let notImported = DiagnosticCode("not-imported")
}
