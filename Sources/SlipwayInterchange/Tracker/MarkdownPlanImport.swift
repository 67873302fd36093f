import Foundation
import SlipwayEngine
import SlipwayCore

/// Maps a `MarkdownPlanDocument` to a plan: risk items become constraints (with
/// a mitigation task when they carry an estimate), work items tasks, phases
/// phases with their windows; owners, links, due and start dates, and the
/// progress of checked boxes and done statuses follow. The plan starts on the
/// Monday of the first date the document writes.
///
/// Warnings are grouped: one per table, per phase or per section, at its heading's
/// line, never one per row.
public enum MarkdownPlanImport {
    public struct Result: Sendable {
        public var plan: Plan
        public var warnings: [Diagnostic]
        public var findings: [Diagnostic]
        /// "imported 12 risks, 4 phases, 40 tasks; 61 of 68 headings and 3 of 3 tables mapped"
        public var summary: String
        /// Whether anything was mapped; when not, `warnings` starts with the error.
        public var isEmpty: Bool
    }

    /// Work with no estimate and no phase window to take.
    public static let defaultEstimate = Estimate.fixed(1)

    /// - Complexity: O(*i* + *p* + *l*) expected, for *i* items, *p* phases and *l*
    ///   written links: ids and names resolve through hash maps.
    public static func run(_ doc: MarkdownPlanDocument) -> Result {
        var warnings: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }
        func warn(_ code: DiagnosticCode, _ line: Int, _ message: String, _ notes: [Diagnostic.Note] = []) {
            warnings.append(.warning(code, at: at(line), message, notes: notes))
        }
        var ids = Set<String>()
        func unique(_ base: String) -> String {
            let base = base.isEmpty ? "item" : base
            var id = base, n = 2
            while ids.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids.insert(id)
            return id
        }

        var plan = Plan(title: doc.title ?? "Imported plan")
        if let (date, line) = doc.firstDate {
            var monday = date
            while monday.weekdayFromMonday != 0 { monday = monday.adding(days: -1) }
            plan.calendar = WorkCalendar(start: monday)
            if monday != date { warn(.assumedStart, line, "the plan starts on Monday \(monday), the week of the first date the document gives (\(date))") }
        }
        let year = doc.firstDate?.date.year
        for (key, value, line) in doc.metadata where key.lowercased().contains("deadline") {
            if let d = MarkdownVocabulary.dates(value).first, let t = plan.calendar.time(of: d, as: .end) { plan.deadline = t; plan.locations["deadline"] = at(line) }
            else if let e = MarkdownVocabulary.estimate(value), e.unit == .weeks || e.unit == .months { plan.deadline = e.estimate.mean; plan.locations["deadline"] = at(line) }
        }

        // Phases: a window as written, or after the phase before for one with a length only.
        var windows: [(Double, Double)?] = []
        var previousEnd: Double?
        for phase in doc.phases {
            let label = [phase.word, phase.number].filter { !$0.isEmpty }.joined(separator: " ")
            let base = TrackerNames.kebab(phase.name.isEmpty ? label : phase.name)
            var p = Phase(id: unique(base), name: "\(label)\(phase.name.isEmpty ? "" : ": \(phase.name)")", location: at(phase.line))
            var window = phase.windowText.flatMap { MarkdownVocabulary.window($0, calendar: plan.calendar, year: year) }.map { ($0.start, $0.end) }
            if window == nil, let length = phase.length { window = (previousEnd ?? 0, (previousEnd ?? 0) + length) }
            if let (s0, e0) = window, s0.isFinite, e0.isFinite, abs(s0) <= 5200, abs(e0) <= 5200 {
                // A plan's phase windows are whole weeks: a window from dates takes the weeks it touches.
                let s = max(0, s0.rounded(.down)), e = max(s + 1, e0.rounded(.up))
                window = (s, e)
                p.windowStart = s
                p.windowEnd = e
                p.weeksText = e - s == 1 ? "\(Int(e))" : "\(Int(s) + 1)-\(Int(e))"
                previousEnd = e
            } else {
                warn(.noPhaseWindow, phase.line, "\(phase.word.lowercased()) \(phase.number) gives no window ('(Weeks 1-2)', 'Q1 2025', two dates, or a '**Duration**: Week 1-2' line); its work is not held to a window")
            }
            windows.append(window)
            plan.phases.append(p)
        }

        // Ids: every item's label and name, so that "Task 1.2", "1.2" and a title all resolve.
        var itemIDs: [String] = []
        var byName: [String: Int] = [:]
        func key(_ s: String) -> String { MarkdownVocabulary.plain(s).lowercased().trimmingCharacters(in: .whitespaces) }
        for (i, item) in doc.items.enumerated() {
            let base = TrackerNames.kebab(item.name, maxWords: 5)
            itemIDs.append(unique(base.isEmpty ? TrackerNames.kebab(item.label ?? "item") : base))
            for k in [item.name, item.label, item.label.map { $0.replacing(Self.keyPattern1, with: "") }, itemIDs[i]].compactMap({ $0 }).map(key) where !k.isEmpty && byName[k] == nil {
                byName[k] = i
            }
        }
        // An owner named like a task gets its own id; "Ana" and "ana" are one owner.
        var ownerOfKebab: [String: String] = [:]
        func owner(_ name: String, line: Int) -> String {
            let kebab = TrackerNames.kebab(name)
            if let id = ownerOfKebab[kebab] { return id }
            let id = ids.contains(kebab) ? unique(kebab + "-owner") : unique(kebab)
            ownerOfKebab[kebab] = id
            plan.owners.append(Owner(id: id, name: name, location: at(line)))
            return id
        }
        var ownerIDs: [String: String] = [:]

        // Items, grouped warnings counted per phase, table and section.
        var unestimated: [String: (line: Int, count: Int, total: Int, what: String)] = [:]
        var unresolved: [String: (line: Int, names: [String])] = [:]
        var unlinked: [String: (line: Int, names: [String])] = [:]
        var anyDone = false
        var taskIndex: [Int: Int] = [:]      // item -> plan task
        var constraintIndex: [Int: Int] = [:]
        func groupKey(_ item: MarkdownPlanDocument.Item) -> (String, Int, String) {
            if let t = item.table { return ("table \(t)", doc.tables[t].line, "rows of the table") }
            if let p = item.phase { return ("phase \(p)", doc.phases[p].line, "tasks of \(doc.phases[p].word.lowercased()) \(doc.phases[p].number)") }
            if let s = item.section { return ("section \(s)", doc.sections[s].line, "tasks of section '\(doc.sections[s].title)'") }
            return ("document", doc.titleLine, "tasks")
        }
        func time(_ text: String?, _ edge: WorkCalendar.Edge) -> Double? {
            guard let text else { return nil }
            if let d = MarkdownVocabulary.dates(text).first { return plan.calendar.time(of: d, as: edge) }
            if let m = text.firstMatch(of: Self.timePattern1), let w = Double(m.1) { return edge == .end ? w : w - 1 }
            return nil
        }

        for (i, item) in doc.items.enumerated() {
            let ownerID = item.owner.map { name in ownerIDs[name] ?? { let id = owner(name, line: item.line); ownerIDs[name] = id; return id }() }
            if item.kind == .constraint {
                var c = Constraint(id: itemIDs[i], title: item.description.map { "\(item.name): \($0)" } ?? item.name, location: at(item.line))
                c.name = item.name
                c.section = item.label
                c.label = item.label
                c.severity = item.severity
                c.owner = ownerID
                c.status = item.status.map { TrackerNames.kebab($0) }.flatMap { $0.isEmpty ? nil : $0 }
                if item.done { c.progress = 100 }
                if let s = item.section { c.category = TrackerNames.kebab(doc.sections[s].title) }
                if let t = time(item.due, .end) { c.target = t } else if let due = item.due { c.targetText = due }
                if let e = item.estimate {
                    var task = PlanTask(id: unique("mitigate-" + itemIDs[i]), title: "Mitigate: \(item.mitigation ?? item.name)", estimate: e, location: at(item.line))
                    task.owner = ownerID
                    task.constraint = plan.constraints.count
                    if let p = item.phase { task.phase = plan.phases[p].id }
                    c.mitigations = [plan.tasks.count]
                    taskIndex[i] = plan.tasks.count
                    plan.tasks.append(task)
                }
                constraintIndex[i] = plan.constraints.count
                plan.constraints.append(c)
                continue
            }
            var task = PlanTask(id: itemIDs[i], title: item.name, estimate: item.estimate ?? defaultEstimate, location: at(item.line))
            task.isMilestone = item.kind == .milestone
            if task.isMilestone { task.estimate = .fixed(0) }
            task.owner = ownerID
            task.notes = item.notes
            if let d = item.description { task.why = d }
            if let p = item.phase { task.phase = plan.phases[p].id }
            if let s = time(item.start, .start) { task.notBefore = s }
            if let d = time(item.due ?? item.end, .end) {
                if task.isMilestone, item.start == nil { task.notBefore = d }
                task.due = d
            }
            if item.estimate == nil, !task.isMilestone {
                if let p = item.phase, let (s, e) = windows[p] { task.estimate = .fixed(e - s) }
                else if let s = task.notBefore, let e = time(item.end, .end), e > s { task.estimate = .fixed(e - s) }
                let (k, line, what) = groupKey(item)
                var g = unestimated[k] ?? (line, 0, 0, what)
                g.count += 1
                unestimated[k] = g
            }
            if item.done { task.progress.percent = 100; anyDone = true }
            taskIndex[i] = plan.tasks.count
            plan.tasks.append(task)
        }
        for (i, item) in doc.items.enumerated() {
            let (k, line, _) = groupKey(item)
            if unestimated[k] != nil, item.kind != .constraint { unestimated[k]!.total += 1 }
            guard !item.after.isEmpty else { continue }
            for name in item.after {
                let target = byName[key(name)] ?? byName[key(name.replacing(Self.timePattern2, with: ""))]
                guard let target, target != i else {
                    var g = unresolved[k] ?? (line, [])
                    g.names.append(name)
                    unresolved[k] = g
                    continue
                }
                guard let t = taskIndex[i] else {
                    // A risk without work of its own has nothing that can wait.
                    var g = unlinked[k] ?? (line, [])
                    g.names.append("\(item.label ?? item.name) after \(name)")
                    unlinked[k] = g
                    continue
                }
                let predecessor = doc.items[target].kind == .constraint && taskIndex[target] == nil ? plan.constraints[constraintIndex[target]!].id : plan.tasks[taskIndex[target]!].id
                if !plan.tasks[t].after.contains(where: { $0.id == predecessor }) {
                    plan.tasks[t].after.append(Dependency(id: predecessor, location: at(item.line)))
                }
            }
        }
        if anyDone, plan.statusDate == nil {
            plan.statusDate = 0
            warn(.assumedStatusDate, doc.titleLine, "done work is taken as done by the plan's start (status date week 0): the document gives no status date")
        }
        for (_, g) in unestimated.sorted(by: { $0.value.line < $1.value.line }) {
            warn(.defaultEstimate, g.line, "\(g.count == g.total ? "the \(g.count)" : "\(g.count) of the \(g.total)") \(g.what) give no estimate; each is given its phase window, or 1 week")
        }
        for (_, g) in unresolved.sorted(by: { $0.value.line < $1.value.line }) {
            warn(.unknownDependency, g.line, "\(g.names.count == 1 ? "the dependency" : "\(g.names.count) dependencies") \(g.names.prefix(5).map { "'\($0)'" }.joined(separator: ", "))\(g.names.count > 5 ? ", ..." : "") name\(g.names.count == 1 ? "s" : "") no item of the document; not linked")
        }
        for (_, g) in unlinked.sorted(by: { $0.value.line < $1.value.line }) {
            warn(.unknownDependency, g.line, "\(g.names.prefix(5).map { "'\($0)'" }.joined(separator: ", "))\(g.names.count > 5 ? ", ..." : ""): a risk with no estimated work has no task to link; give it an Estimate to plan its mitigation after the other")
        }
        for table in doc.tables {
            if table.nameColumn == nil {
                warn(.notImported, table.line, "a table with the columns \(table.header.map { "'\($0)'" }.joined(separator: ", ")) has no name column (Risk, Blocker, Ticket, Task, Item, Milestone, Initiative, Epic, Name); it was not imported")
                continue
            }
            if !table.ignored.isEmpty {
                warn(.notImported, table.line, "the table's column\(table.ignored.count == 1 ? "" : "s") \(table.ignored.map { "'\($0)'" }.joined(separator: ", ")) \(table.ignored.count == 1 ? "has" : "have") no place in a plan and \(table.ignored.count == 1 ? "was" : "were") not imported (\(table.rows) rows)")
            }
            if table.pointsColumn { warn(.storyPoints, table.line, "story points are counted as one working day each") }
            if !table.problems.isEmpty {
                warn(.notImported, table.line, "\(table.problems.count) cell\(table.problems.count == 1 ? "" : "s") of the table could not be read: \(table.problems.prefix(3).map { "\($0.what) (line \($0.line))" }.joined(separator: ", "))\(table.problems.count > 3 ? ", ..." : "")")
            }
        }
        for section in doc.sections where section.unmapped > 0 || !section.unmappedFields.isEmpty {
            var parts: [String] = []
            if section.unmapped > 0 { parts.append("\(section.unmapped) bullet\(section.unmapped == 1 ? "" : "s") outside any item or phase") }
            if !section.unmappedFields.isEmpty { parts.append("the fields \(section.unmappedFields.prefix(6).map { "'\($0)'" }.joined(separator: ", "))") }
            warn(.notImported, section.line, "section '\(section.title)': \(parts.joined(separator: " and ")) have no place in a plan and were not imported")
        }

        let constraints = plan.constraints.count
        let tasks = plan.tasks.count
        let risksWord = constraints == 1 ? "risk" : "risks"
        let mappedTables = doc.tables.filter { $0.nameColumn != nil }.count
        let done = plan.tasks.filter { $0.progress.percent == 100 }.count
        let links = plan.tasks.reduce(0) { $0 + $1.after.count }
        let summary = "imported \(constraints) \(risksWord), \(plan.phases.count) phase\(plan.phases.count == 1 ? "" : "s"), \(tasks) task\(tasks == 1 ? "" : "s") (\(done) done, \(links) link\(links == 1 ? "" : "s")); \(doc.mappedHeadings) of \(doc.headings) headings and \(mappedTables) of \(doc.tables.count) tables mapped"
        warnings = warnings.enumerated().sorted { ($0.element.location?.line ?? 0, $0.offset) < ($1.element.location?.line ?? 0, $1.offset) }.map(\.element)
        let empty = constraints == 0 && tasks == 0
        if empty { warnings.insert(emptyError(doc), at: 0) }
        return Result(plan: plan, warnings: warnings, findings: empty ? [] : MarkdownPlanConsistency.findings(doc, plan: plan), summary: summary, isEmpty: empty)
    }

    /// The error for a document where nothing was recognised, naming the nearest
    /// supported form it saw.
    static func emptyError(_ doc: MarkdownPlanDocument) -> Diagnostic {
        let forms = "a risk heading ('### R-001: Title 🔴' with '**Severity**: High'), a table with a Risk, Task, Ticket or Milestone column, a phase heading ('## Phase 1: Setup (Weeks 1-2)') with bullets, or '- [ ]' checkboxes"
        if let near = doc.nearMisses.first {
            return .error(.nothingRecognised, at: SourceLocation(line: near.line, column: 1),
                          "nothing in the document was recognised as a risk or a task: \(near.form) looks closest to a supported form; write \(forms) (or pass --allow-empty to write the empty plan)")
        }
        return .error(.nothingRecognised, at: SourceLocation(line: doc.titleLine, column: 1),
                      "nothing in the document was recognised as a risk or a task (\(doc.headings) headings, \(doc.tables.count) tables); write \(forms) (or pass --allow-empty to write the empty plan)")
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let assumedStatusDate = DiagnosticCode("assumed-status-date")
    public static let nothingRecognised = DiagnosticCode("nothing-recognised")
    public static let storyPoints = DiagnosticCode("story-points")
    public static let unknownDependency = DiagnosticCode("unknown-dependency")
}


// Swift parses a regex literal each time it is evaluated (a third of the time of a
// large import went there): each pattern is built once. A `Regex` is immutable once
// built, so sharing one between threads is safe.
extension MarkdownPlanImport {
    nonisolated(unsafe) static let keyPattern1 = /^[A-Za-z]+[-\s]?/
    nonisolated(unsafe) static let timePattern1 = /(?i)\bweek\s+(\d+)/
    nonisolated(unsafe) static let timePattern2 = /^[A-Za-z]+[-\s]?/
}
