import SlipwayEngine
import Foundation
import SlipwayCore

/// Maps a tracker document to a plan: constraints with their mitigation work (one
/// task, or one per "Option N:" bullet, estimated from the Timeline), the
/// resolution table's status, owner, target and progress, the phases with their
/// activities as tasks, the deadline and the budget.
///
/// A phase activity that names a constraint's mitigation ("Implement new messaging
/// layer" for 1.1) is that mitigation: one task in the activity's phase, not an
/// activity and again a "Mitigation: ..." task from t = 0 (`TrackerCrossReference`).
/// Whatever has no place in a plan comes back as a warning at its line.
public enum TrackerImport {
    public struct Result: Sendable {
        public var plan: Plan
        /// What could not be mapped, defaults that were assumed, which activities
        /// were taken for which mitigations, with lines.
        public var warnings: [Diagnostic]
        /// How the document disagrees with itself (`TrackerConsistency`).
        public var findings: [Diagnostic]
    }

    /// The estimate given to work the tracker gives no timeline for.
    public static let defaultEstimate = Estimate.fixed(1)

    /// - Complexity: O(*n* + *r* *c* log(*r* *c*)) for a document of *n* lines with
    ///   *r* table rows and *c* constraints, plus the matching of
    ///   `TrackerCrossReference`.
    public static func run(_ doc: TrackerDocument) -> Result {
        var warnings: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }
        func warn(_ code: DiagnosticCode, _ line: Int, _ message: String, _ notes: [Diagnostic.Note] = []) {
            warnings.append(.warning(code, at: at(line), message, notes: notes))
        }
        var ids = Set<String>()
        func unique(_ base: String) -> String {
            var id = base, n = 2
            while ids.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids.insert(id)
            return id
        }

        var plan = Plan(title: doc.title.isEmpty ? "Imported tracker" : doc.title)
        if doc.title.isEmpty { warn(.noTitle, 1, "the tracker has no '# Title' line; the plan is called '\(plan.title)'") }
        readMetadata(doc, into: &plan, warn: { warn($0, $1, $2) })

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

        // Phases and their activities come after the constraints in the plan's task
        // list, but their ids are needed for `blocks`, and an activity that is a
        // constraint's mitigation becomes that constraint's task: all are built first.
        let cross = TrackerCrossReference(doc)
        var windows: [Estimate] = []
        for block in doc.phases {
            let id = unique(TrackerNames.kebab(block.name))
            var phase = Phase(id: id, name: "Phase \(block.number): \(block.name)", weeksText: block.weeks, location: at(block.line))
            if let window = block.window {
                phase.windowStart = window.start
                phase.windowEnd = window.end
            } else if block.weeks == nil {
                warn(.noPhaseWindow, block.line, "phase \(block.number) '\(block.name)' gives no '(Weeks a-b)'; it has no window")
            }
            plan.phases.append(phase)
            windows.append(phase.windowStart.flatMap { s in phase.windowEnd.map { Estimate.fixed($0 - s) } } ?? defaultEstimate)
        }
        var activities: [TrackerMitigations.Activity] = []
        for (a, activity) in cross.activities.enumerated() {
            let block = doc.phases[activity.phase]
            var own: Estimate?
            if let text = cross.activityEstimates[a] {
                if case .success(let e) = TimeSyntax().estimate(text) { own = e } else {
                    warn(.defaultEstimate, activity.line, "estimate '\(text)' of '\(activity.text)' is not a duration; the activity is given its phase window")
                }
            }
            var task = PlanTask(id: unique(TrackerNames.kebab(activity.text, maxWords: 5)), title: activity.text,
                                estimate: own ?? windows[activity.phase], location: at(activity.line))
            task.phase = plan.phases[activity.phase].id
            task.group = block.groups[activity.group].title
            activities.append(.init(task: task, phaseNumber: block.number, estimate: own, window: windows[activity.phase],
                                    sharedWords: cross.sharedWords(activity: a)))
        }
        var usedWindow = activities.map { $0.estimate == nil }

        for (e, entry) in doc.constraints.enumerated() {
            let cid = unique(TrackerNames.kebab(entry.name))
            var c = Constraint(id: cid, title: entry.sentence ?? entry.name, location: at(entry.line))
            if entry.sentence == nil { warn(.noConstraintSentence, entry.line, "\(entry.section) '\(entry.name)' has no '**Constraint**:' sentence; its title is the heading") }
            c.section = entry.section
            c.name = entry.name
            c.category = TrackerNames.category(ofSection: entry.category)
            c.severity = entry.severity
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
                case "mitigation": break // TrackerMitigations
                case "timeline": c.timeline = field.value
                default:
                    warn(.notImported, field.line, "'\(field.key)' of \(entry.section) has no place in a plan and was not imported")
                }
            }
            if c.severity == nil { warn(.noSeverity, entry.line, "\(entry.section) '\(entry.name)' has no severity") }
            if let r = matches.firstIndex(where: { $0 == e }) { readRow(doc.table[r], into: &c, warn: { warn($0, $1, $2) }) }
            if let note = c.severityNote, blocksEntireMigration(note) {
                if let phase = plan.phases.first(where: { $0.id == migrationPhase }) {
                    c.blocks = [Reference(id: phase.id, location: at(entry.line))]
                } else {
                    warn(.noMigrationPhase, entry.line, "\(entry.section) blocks the entire migration, but no phase is called 'Migration'; no 'blocks' link was added")
                }
            }

            let a = cross.activityOfConstraint[e]
            let work = TrackerMitigations.build(entry, constraint: c, index: plan.constraints.count, activity: a.map { activities[$0] },
                                                unique: unique, warn: warn)
            if let a {
                usedWindow[a] = work.usedWindow
                let activity = activities[a]
                let planned = work.choices.isEmpty ? "it is planned once, as \(entry.section)'s mitigation"
                    : "each of \(entry.section)'s \(work.choices.count) options is planned there once"
                warn(.matchedActivity, activity.task.location.line,
                     "'\(activity.task.title)' (phase \(activity.phaseNumber)) is the mitigation of \(entry.section) '\(entry.name)' (shared words: \(activity.sharedWords.joined(separator: ", "))): \(planned), in the phase's window",
                     [.init("\(entry.section) '\(entry.name)'", at: at(entry.line))])
            }
            if let task = work.task {
                c.mitigations = [plan.tasks.count]
                plan.tasks.append(task)
            } else if let k = work.chosen {
                c.choices = work.choices
                c.chosen = k
                c.mitigations = [plan.tasks.count]
                plan.tasks.append(work.choices[k].tasks[0])
            }
            plan.constraints.append(c)
        }
        for (a, activity) in activities.enumerated() where cross.constraintOfActivity[a] == nil { plan.tasks.append(activity.task) }
        for (p, block) in doc.phases.enumerated() {
            let inPhase = cross.activities.indices.filter { cross.activities[$0].phase == p }
            let defaulted = inPhase.filter { usedWindow[$0] }.count
            guard defaulted > 0 else { continue }
            let count = defaulted == inPhase.count ? "the \(defaulted)" : "\(defaulted) of the \(inPhase.count)"
            warn(.defaultEstimate, block.line, "\(count) activities of phase \(block.number) have no estimates; each is given the phase window (\(PlanYAML.estimate(windows[p])))")
        }
        for tie in cross.mitigationTies { reportTie(tie, doc: doc, cross: cross, warn: warn) }

        for (what, line) in doc.unmapped { warn(.notImported, line, "\(what) has no place in a plan and was not imported") }
        warn(.noDependencies, doc.tableLine ?? doc.titleLine,
             "the tracker states no dependencies between tasks: only 'blocks' links from constraints that block the entire migration were added; add 'after' links by hand")
        // By line, keeping the order of findings on the same line.
        warnings = warnings.enumerated().sorted { ($0.element.location?.line ?? 0, $0.offset) < ($1.element.location?.line ?? 0, $1.offset) }.map(\.element)
        return Result(plan: plan, warnings: warnings, findings: TrackerConsistency.findings(doc, matches: matches, cross: cross))
    }

    /// The phase a constraint that "blocks the entire migration" blocks.
    static let migrationPhase = "migration"

    /// A severity note such as "Blocks entire migration".
    static func blocksEntireMigration(_ note: String) -> Bool {
        note.lowercased().contains("blocks entire migration")
    }

    /// Activities and constraints the matcher could not tell apart: said, not guessed.
    private static func reportTie(_ tie: WordOverlapMatcher.Tie, doc: TrackerDocument, cross: TrackerCrossReference,
                                  warn: (DiagnosticCode, Int, String, [Diagnostic.Note]) -> Void) {
        func at(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }
        func constraint(_ e: Int) -> String { "\(doc.constraints[e].section) '\(doc.constraints[e].name)'" }
        func activity(_ a: Int) -> String { "'\(cross.activities[a].text)'" }
        func list(_ items: [String]) -> String { items.dropLast().joined(separator: ", ") + " and " + items.last! }
        if tie.queries.count == 1, let a = tie.queries.first {
            warn(.ambiguousActivity, cross.activities[a].line,
                 "\(activity(a)) fits \(list(tie.candidates.map(constraint))) equally well; it stays a phase activity of its own and none of them counts it as its mitigation: move it under one by hand",
                 tie.candidates.map { .init(constraint($0), at: at(doc.constraints[$0].line)) })
        } else if let e = tie.candidates.first {
            warn(.ambiguousActivity, doc.constraints[e].line,
                 "\(constraint(e)) fits the activities \(list(tie.queries.map(activity))) equally well; its mitigation stays a task of its own and the activities stay in their phases",
                 tie.queries.map { .init(activity($0), at: at(cross.activities[$0].line)) })
        }
    }

    /// For each table row, the index in `doc.constraints` of the constraint it names.
    static func rowMatches(_ doc: TrackerDocument) -> [Int?] {
        TrackerNames.match(labels: doc.table.map { $0.cell("Constraint") ?? "" },
                           to: doc.constraints.map { ($0.name, $0.sentence ?? "") })
    }

    /// `2-3 weeks for implementation` -> 2-3w; `2 weeks` -> 2w; `3 days` -> 3d.
    static func estimate(fromTimeline text: String) -> Estimate? {
        if let first = text.split(separator: " ").first, first.contains("/"), case .success(let e) = TimeSyntax().estimate(String(first)) { return e }
        guard let m = text.prefixMatch(of: Self.timelineEstimate) else { return nil }
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
            if let m = t.wholeMatch(of: Self.weekCell) { c.target = Double(m.1)! } else {
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
                if let m = value.prefixMatch(of: Self.deadlineWeeks) { plan.deadline = Double(m.1)!; sawDeadline = true } else {
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
            if !sawDeadline, let m = line.firstMatch(of: Self.deadlineSentence) {
                plan.deadline = Double(m.1)! * (m.2 == "month" ? 4 : 1)
                plan.locations["deadline"] = SourceLocation(line: i + 1, column: 1)
                sawDeadline = true
            }
            if !sawBudget, line.lowercased().contains("budget"), let m = line.firstMatch(of: Self.dollarAmount), let (amount, currency) = money(String(m.0)) {
                plan.budget = amount
                plan.currency = currency
                sawBudget = true
            }
        }
    }

    /// `$50,000` -> (50000, USD); `50,000 EUR` -> (50000, EUR).
    static func money(_ text: String) -> (Double, String?)? {
        guard let m = text.firstMatch(of: Self.moneyAmount),
              let amount = Double(m.2.replacingOccurrences(of: ",", with: "")) else { return nil }
        return (amount, m.3.map(String.init) ?? (m.1 != nil ? "USD" : nil))
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let ambiguousActivity = DiagnosticCode("ambiguous-activity")
    public static let assumedStart = DiagnosticCode("assumed-start")
    public static let defaultEstimate = DiagnosticCode("default-estimate")
    public static let matchedActivity = DiagnosticCode("matched-activity")
    public static let noConstraintSentence = DiagnosticCode("no-constraint-sentence")
    public static let noDependencies = DiagnosticCode("no-dependencies")
    public static let noMigrationPhase = DiagnosticCode("no-migration-phase")
    public static let noPhaseWindow = DiagnosticCode("no-phase-window")
    public static let noSeverity = DiagnosticCode("no-severity")
    public static let noTarget = DiagnosticCode("no-target")
    public static let noTitle = DiagnosticCode("no-title")
    public static let notImported = DiagnosticCode("not-imported")
}

// Swift parses a regex literal each time it is evaluated: built once here (see
// MarkdownPlanReader's patterns). A `Regex` is immutable once built.
extension TrackerImport {
    nonisolated(unsafe) static let timelineEstimate = /\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(weeks?|days?|w|d)\b/.ignoresCase()
    nonisolated(unsafe) static let weekCell = /[Ww]eek\s+(\d+)/
    nonisolated(unsafe) static let deadlineWeeks = /(\d+(?:\.\d+)?)\s*weeks?/
    nonisolated(unsafe) static let deadlineSentence = /(\d+)-(month|week) deadline/
    nonisolated(unsafe) static let dollarAmount = /\$[\d,]+(?:\.\d+)?/
    nonisolated(unsafe) static let moneyAmount = /(\$)?\s*([\d,]+(?:\.\d+)?)\s*([A-Z]{3})?/
}
