import Foundation
import SlipwayEngine
import SlipwayCore

/// Reads a hand-written Markdown plan into a `MarkdownPlanDocument`: the shapes
/// of risk registers, phase plans, roadmaps and ticket tables found in the wild,
/// not one template.
///
/// - Headings with an id prefix are items: `### R-001: Title 🔴`, `### RISK-001:`,
///   `### BLOCK-3`, `### Task 1.1: ... ⚠️ CRITICAL`, `### 1. Title`. Under a
///   section about risks (or with a severity) they are constraints, else tasks.
/// - Headings named Phase/Wave/Stage/Sprint/Milestone N are phases; their window
///   is read from the heading or a `**Duration**:` line.
/// - Fields as bullets or paragraphs (`**Owner**: Ana`, `- Priority: P0`), with
///   their synonyms (`MarkdownVocabulary.field`).
/// - Tables with a name column (Risk, Blocker, Ticket, Task, Item, Milestone,
///   Initiative, Epic, ...): one row, one item.
/// - Bullets and `- [ ]`/`- [x]` checkboxes in a phase or a work section are
///   tasks, with inline estimates (`(2 weeks)`, `8h`), owners (`(Owner: X)`,
///   `@name`) and "after X".
/// Fenced code blocks are skipped; CRLF and a byte-order mark read as plain lines.
public enum MarkdownPlanReader {
    /// - Complexity: O(*n*) in the length of the text: each line is read once,
    ///   with a constant number of bounded pattern matches.
    public static func parse(_ text: String) -> MarkdownPlanDocument {
        let lines = MarkdownLines.split(text)
        let code = MarkdownLines.fenced(lines)
        var doc = MarkdownPlanDocument()
        var phase: Int?            // the open phase
        var item: Int?             // the open heading item
        var itemField: MarkdownVocabulary.Field?   // the field whose sub-bullets follow
        var section: Int?
        var sectionHeadingCounted = true
        var group: (line: Int, mapped: Bool)?     // a plain heading inside a phase
        var table: Int?
        var headerPending: (cells: [String], line: Int)?
        var lastActivity: Int?

        func closeGroup() {
            if let g = group, g.mapped { doc.mappedHeadings += 1 }
            group = nil
        }
        func noteSectionContent() {
            if !sectionHeadingCounted { doc.mappedHeadings += 1; sectionHeadingCounted = true }
            if var g = group, !g.mapped { g.mapped = true; group = g }
        }
        func unmapped(_ line: Int, _ what: String) {
            if let s = section { doc.sections[s].unmapped += 1 } else { doc.sections.append(.init(title: doc.title ?? "preamble", line: line, isRisk: false, unmapped: 1)); section = doc.sections.count - 1; sectionHeadingCounted = true }
            if doc.nearMisses.count < 5, !what.isEmpty { doc.nearMisses.append((what, line)) }
        }

        for (index, raw) in lines.enumerated() {
            let n = index + 1
            if code[index] {
                // A Mermaid gantt is a plan of its own format: named for the error, not read here.
                if raw.trimmingCharacters(in: .whitespaces).hasPrefix("```mermaid") {
                    doc.nearMisses.insert(("a ```mermaid block (a gantt chart imports with 'slipway import mermaid')", n), at: 0)
                }
                continue
            }
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            readStatements(trimmed, line: n, into: &doc)
            if doc.firstDate == nil, let d = MarkdownVocabulary.dates(trimmed).first { doc.firstDate = (d, n) }

            // Tables: a header is a `|` line followed by a `|---|` line.
            if trimmed.hasPrefix("|") {
                let cells = TrackerParser.tableCells(trimmed)
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } }) {
                    if let h = headerPending { table = startTable(h.cells, line: h.line, section: section, phase: phase, &doc); headerPending = nil
                        if doc.tables[table!].nameColumn != nil { noteSectionContent() }
                    }
                    continue
                }
                if let t = table {
                    readRow(cells, line: n, table: t, phase: phase, section: section, &doc)
                } else {
                    headerPending = (cells, n)
                }
                continue
            }
            table = nil
            headerPending = nil

            if let h = trimmed.wholeMatch(of: Self.unmappedPattern1) {
                let level = h.1.count
                let text = MarkdownVocabulary.plain(String(h.2))
                if level == 1 && doc.title == nil && doc.headings == 0 { doc.title = text; doc.titleLine = n; continue }
                doc.headings += 1
                itemField = nil
                lastActivity = nil
                if let i = item, doc.items[i].level >= level { item = nil }
                if let p = phase, doc.phases[p].level >= level || phaseHeading(text, level: level, line: n) != nil { phase = nil }
                closeGroup()
                if let p = phaseHeading(text, level: level, line: n) {
                    doc.phases.append(p)
                    phase = doc.phases.count - 1
                    item = nil
                    doc.mappedHeadings += 1
                    noteSectionContent()
                    continue
                }
                let inRisk = section.map { doc.sections[$0].isRisk } ?? false
                if level >= 2, let it = itemHeading(text, level: level, line: n, inRiskSection: inRisk, inPhase: phase != nil) {
                    var it = it
                    it.phase = phase
                    it.section = section
                    doc.items.append(it)
                    item = doc.items.count - 1
                    doc.mappedHeadings += 1
                    noteSectionContent()
                    continue
                }
                if phase != nil {
                    group = (n, false)
                    continue
                }
                if level >= 3, doc.nearMisses.count < 5, MarkdownVocabulary.severity(text) != nil {
                    doc.nearMisses.append(("'\(String(repeating: "#", count: level)) \(text.prefix(40))' looks like a risk heading, but it is not under a '## Risks' section and has no id ('R-001:') or severity emoji", n))
                }
                // A section: its heading counts as mapped once it holds an item.
                doc.sections.append(.init(title: text, line: n, isRisk: MarkdownVocabulary.isRiskSection(text)))
                section = doc.sections.count - 1
                sectionHeadingCounted = false
                item = nil
                continue
            }

            let bullet = trimmed.wholeMatch(of: Self.unmappedPattern2)
            let body = bullet.map { String($0.2) } ?? trimmed
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count

            if let (key, value) = field(body, requireBold: bullet == nil && item == nil && phase == nil) {
                let meaning = MarkdownVocabulary.field(key)
                if let i = item {
                    if let meaning {
                        apply(meaning, key: key, value: value, to: &doc.items[i])
                        itemField = meaning
                    } else {
                        if let s = section, !doc.sections[s].unmappedFields.contains(key) { doc.sections[s].unmappedFields.append(key) }
                        itemField = nil
                    }
                    continue
                }
                if let p = phase {
                    // `**Duration**: Week 1-2` places the phase; `**Duration**: 2 weeks` only sizes it.
                    let k = key.lowercased()
                    if meaning == .estimate || meaning == .target || meaning == .start || k.contains("window") || k.contains("week") || k.contains("date") {
                        if MarkdownVocabulary.window(value, calendar: WorkCalendar(start: nil), year: nil) != nil || MarkdownVocabulary.dates(value).count >= 2 {
                            doc.phases[p].windowText = value
                            doc.phases[p].windowLine = n
                        } else if let e = MarkdownVocabulary.estimate(value), e.unit == .weeks || e.unit == .months || e.unit == .days {
                            doc.phases[p].length = e.estimate.mean
                        }
                    }
                    continue
                }
                doc.metadata.append((key, value, n))
                continue
            }

            if let b = bullet {
                let checkbox = b.1.map(String.init)
                if let i = item {
                    // Sub-bullets of a field (mitigation steps, dependencies) or notes.
                    if itemField == .dependencies {
                        doc.items[i].after.append(contentsOf: names(in: body))
                    } else if itemField == .mitigation {
                        doc.items[i].mitigation = [doc.items[i].mitigation, MarkdownVocabulary.plain(body)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
                    } else if checkbox != nil || doc.items[i].kind != .constraint && phase != nil && indent == 0 {
                        _ = activity(body, checkbox: checkbox, line: n, phase: phase, section: section, &doc)
                        noteSectionContent()
                    } else {
                        doc.items[i].notes.append(MarkdownVocabulary.plain(body))
                    }
                    continue
                }
                let workSection = section.map { !doc.sections[$0].isRisk && isWorkSection(doc.sections[$0].title) } ?? false
                if phase != nil || checkbox != nil || workSection {
                    if indent > 0, checkbox == nil, let last = lastActivity {
                        doc.items[last].notes.append(MarkdownVocabulary.plain(body))
                        continue
                    }
                    lastActivity = activity(body, checkbox: checkbox, line: n, phase: phase, section: section, &doc)
                    noteSectionContent()
                    continue
                }
                let inRisk = section.map { doc.sections[$0].isRisk } ?? false
                if inRisk, indent == 0, let s = MarkdownVocabulary.headingSeverity(body) {
                    // `- 🔴 **Vendor lock-in**: ...` in a risk section.
                    var it = MarkdownPlanDocument.Item(kind: .constraint, name: itemName(body), line: n, level: 7)
                    it.severity = s
                    it.section = section
                    doc.items.append(it)
                    noteSectionContent()
                    continue
                }
                unmapped(n, bulletHint(body, inRisk: inRisk))
                continue
            }
            if let i = item, doc.items[i].description == nil, !trimmed.hasPrefix(">") {
                doc.items[i].description = MarkdownVocabulary.plain(trimmed)
            }
        }
        closeGroup()
        return doc
    }

    /// `Phase 1: Foundation (Weeks 1-2) - 69 hours`, `Sprint 3`, `Wave 2 — Q1 2025`.
    static func phaseHeading(_ text: String, level: Int, line: Int) -> MarkdownPlanDocument.PhaseEntry? {
        // A heading that is only a quarter (`## Q1 2025`, `## Q3`) is a phase of roadmaps.
        if level <= 3, let q = text.wholeMatch(of: quarterHeading) {
            return .init(word: "Q\(q.1)", number: q.2.map(String.init) ?? "", name: "", line: line, level: level, windowText: text, windowLine: line)
        }
        guard let m = text.firstMatch(of: Self.phaseHeadingPattern1) else { return nil }
        var rest = String(m.3)
        var entry = MarkdownPlanDocument.PhaseEntry(word: String(m.1).capitalized, number: String(m.2), name: "", line: line, level: level,
                                                    windowText: rest.isEmpty ? nil : rest, windowLine: line)
        // What the heading states after its window: "- 69 hours", "(~40h)".
        if let w = rest.firstMatch(of: Self.phaseHeadingPattern2) {
            let after = String(rest[w.range.upperBound...])
            if let e = MarkdownVocabulary.estimate(after), e.unit != .weeks, e.unit != .months {
                entry.statedEffort = (e.estimate.mean, String(after[e.range]))
            }
        }
        // The name: the text with its window and effort removed.
        rest = rest.replacing(Self.phaseHeadingPattern3, with: "")
        rest = rest.replacing(Self.phaseHeadingPattern4, with: "")
        rest = rest.replacing(Self.phaseHeadingPattern5, with: "")
        rest = rest.replacing(Self.phaseHeadingPattern6, with: "")
        rest = rest.trimmingCharacters(in: CharacterSet(charactersIn: " -–—:|"))
        entry.name = rest
        return entry
    }

    /// An item heading, or nil: an id prefix (`R-001:`, `RISK-001`, `BLOCK-3`,
    /// `Task 1.1:`, `1.`, `1.2`), or any heading under a risk section or in a phase,
    /// or one marked with a severity.
    static func itemHeading(_ text: String, level: Int, line: Int, inRiskSection: Bool, inPhase: Bool) -> MarkdownPlanDocument.Item? {
        var label: String?
        var name = text
        var kindHint: MarkdownPlanDocument.Kind?
        if let m = text.firstMatch(of: Self.itemHeadingPattern1) {
            let prefix = m.1.lowercased()
            let riskPrefixes = ["r", "risk", "block", "blocker", "b", "c", "con", "constraint", "issue", "i", "threat", "ri"]
            let taskPrefixes = ["task", "t", "ticket", "item", "story", "epic", "feat", "feature", "action", "a", "deliverable", "d", "work", "wp", "initiative", "milestone", "m", "ms"]
            if riskPrefixes.contains(prefix) { kindHint = .constraint }
            else if taskPrefixes.contains(prefix) { kindHint = ["milestone", "m", "ms"].contains(prefix) ? .milestone : .task }
            else if m.1 == m.1.uppercased(), m.1.count >= 2 { kindHint = nil } // JIRA-12: a ticket
            else { return itemWithoutPrefix(text, level: level, line: line, inRiskSection: inRiskSection, inPhase: inPhase) }
            label = "\(m.1)\(text.contains("\(m.1)-") ? "-" : text.contains("\(m.1) ") ? " " : "")\(m.2)"
            name = String(m.3)
            if kindHint == nil { kindHint = inRiskSection ? .constraint : .task }
        } else if let m = text.firstMatch(of: Self.itemHeadingPattern2) {
            // `1. Title`, `2.3 Title`: an item in a risk section or a phase, else a section number.
            guard level >= 3 || inRiskSection || inPhase else { return nil }
            label = String(m.1)
            name = String(m.2)
        } else {
            return itemWithoutPrefix(text, level: level, line: line, inRiskSection: inRiskSection, inPhase: inPhase)
        }
        let severity = MarkdownVocabulary.headingSeverity(name)
        let kind = kindHint ?? (inRiskSection || severity != nil && !inPhase ? .constraint : .task)
        var item = MarkdownPlanDocument.Item(kind: kind, label: label, name: itemName(name), line: line, level: level)
        item.severity = severity
        if kind != .constraint, let e = MarkdownVocabulary.estimate(name) { item.estimate = e.estimate; item.estimateUnit = e.unit }
        return item
    }

    /// A heading with no id: an item under a risk section (a constraint) or marked
    /// with a severity emoji; a `###` in a phase is a group, not an item.
    static func itemWithoutPrefix(_ text: String, level: Int, line: Int, inRiskSection: Bool, inPhase: Bool) -> MarkdownPlanDocument.Item? {
        let severity = MarkdownVocabulary.headingSeverity(text)
        // `### Risk: Vendor lock-in`, `### Blocker — CAB approval`
        let named = text.firstMatch(of: namedRiskHeading)
        guard level >= 3, inRiskSection || named != nil || severity != nil && MarkdownVocabulary.emoji.contains(where: { text.contains($0.0) }) else { return nil }
        var item = MarkdownPlanDocument.Item(kind: .constraint, name: itemName(named.map { String(text[$0.range.upperBound...]) } ?? text), line: line, level: level)
        item.severity = severity
        return item
    }

    /// A heading's or bullet's name without its severity marks and trailing status words.
    static func itemName(_ text: String) -> String {
        var s = MarkdownVocabulary.plain(text)
        for (e, _) in MarkdownVocabulary.emoji { s = s.replacingOccurrences(of: e, with: "") }
        s = s.replacingOccurrences(of: "⚠️", with: "").replacingOccurrences(of: "✅", with: "").replacingOccurrences(of: "⚠", with: "")
        s = s.replacing(Self.itemNamePattern1, with: "")
        s = s.replacing(Self.itemNamePattern2, with: "")
        s = s.replacing(Self.itemNamePattern3, with: "")
        if let colon = s.firstIndex(of: ":"), s[..<colon].contains("**") == false, s.hasPrefix("**") { s = String(s[..<colon]) }
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " -–—:|*"))
    }

    /// `**Key**: value`, `**Key:** value`, or (outside bold, when allowed) `Key: value`
    /// for a known field name.
    static func field(_ text: String, requireBold: Bool) -> (String, String)? {
        if let m = text.wholeMatch(of: Self.fieldPattern1), m.0.contains(":") {
            return (String(m.1).trimmingCharacters(in: .whitespaces), String(m.2).trimmingCharacters(in: .whitespaces))
        }
        if !requireBold, let m = text.wholeMatch(of: Self.fieldPattern2), MarkdownVocabulary.field(String(m.1)) != nil {
            return (String(m.1), String(m.2).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Reads a field into an item; `Impact` is a severity only when it reads as one.
    static func apply(_ meaning: MarkdownVocabulary.Field, key: String, value: String, to item: inout MarkdownPlanDocument.Item) {
        let plainValue = MarkdownVocabulary.plain(value)
        switch meaning {
        case .severity:
            if let s = MarkdownVocabulary.severity(value) {
                // A stated Severity or Priority beats an Impact or Overall read before it.
                let strong = ["severity", "priority", "risk level"].contains(key.lowercased())
                if item.severity == nil || strong { item.severity = s }
            } else if key.lowercased() == "impact" { item.description = item.description ?? plainValue }
        case .owner:
            if !plainValue.isEmpty, !["tbd", "-", "—", "n/a", "none"].contains(plainValue.lowercased()) {
                item.owner = plainValue.replacingOccurrences(of: "@", with: "")
            }
        case .status:
            item.status = plainValue
            if isDone(plainValue) { item.done = true }
        case .target: item.due = plainValue
        case .estimate:
            if let e = MarkdownVocabulary.estimate(plainValue, defaultUnit: MarkdownVocabulary.unit(key.lowercased()) ?? (key.lowercased().contains("point") ? .points : key.lowercased().contains("hour") ? .hours : nil)) {
                item.estimate = e.estimate
                item.estimateUnit = e.unit
            }
        case .start: item.start = plainValue
        case .end: item.end = plainValue
        case .dependencies: item.after.append(contentsOf: names(in: value))
        case .mitigation: if !plainValue.isEmpty { item.mitigation = plainValue }
        case .description: if !plainValue.isEmpty { item.description = item.description ?? plainValue }
        case .likelihood, .phase, .id: break
        case .progress:
            if let v = Double(plainValue.replacingOccurrences(of: "%", with: "")), v >= 100 { item.done = true }
        }
    }

    static func isDone(_ status: String) -> Bool {
        let s = status.lowercased()
        return s.contains("✅") || ["done", "complete", "completed", "closed", "resolved", "mitigated", "finished", "shipped", "delivered"].contains { s.hasPrefix($0) || s.hasSuffix($0) } && !s.contains("not ") && !s.contains("in progress")
    }

    /// `Task 1.2, Task 1.3`, `R-001 and R-002`; "None" and "-" are none.
    static func names(in text: String) -> [String] {
        let plain = MarkdownVocabulary.plain(text)
        if ["none", "-", "—", "n/a", "", "tbd"].contains(plain.lowercased()) { return [] }
        return plain.split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap { $0.components(separatedBy: " and ") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .")).replacing(Self.namesPattern1, with: "") }
            .filter { !$0.isEmpty && !["none", "-", "n/a"].contains($0.lowercased()) }
    }

    static func isWorkSection(_ title: String) -> Bool {
        let t = title.lowercased()
        return ["task", "roadmap", "backlog", "todo", "to do", "to-do", "action", "deliverable", "milestone", "work", "plan", "implementation", "next step", "checklist"].contains { t.contains($0) }
    }

    /// A bullet or checkbox as a task: `[x] Set up CI (2 days) @ana after Build image`.
    @discardableResult
    static func activity(_ body: String, checkbox: String?, line: Int, phase: Int?, section: Int?, _ doc: inout MarkdownPlanDocument) -> Int {
        var text = body
        var item = MarkdownPlanDocument.Item(kind: .task, name: "", line: line, level: 7)
        item.phase = phase
        item.section = section
        item.done = checkbox == "x" || checkbox == "X" || text.contains("✅") || text.hasPrefix("~~")
        if let m = text.firstMatch(of: Self.activityPattern1) {
            item.owner = String(m.1).trimmingCharacters(in: .whitespaces)
            text.removeSubrange(m.range)
        } else if let m = text.firstMatch(of: Self.activityPattern2) {
            item.owner = String(m.1).trimmingCharacters(in: .whitespaces)
            text.removeSubrange(m.range)
        }
        if let m = text.firstMatch(of: Self.activityPattern3) {
            item.owner = item.owner ?? String(m.1)
            text.removeSubrange(m.range)
        }
        if let m = text.firstMatch(of: Self.activityPattern4) {
            item.after = names(in: String(m.1))
            text.removeSubrange(m.range)
        }
        if let e = MarkdownVocabulary.estimate(text) {
            item.estimate = e.estimate
            item.estimateUnit = e.unit
            // The estimate and the brackets or dash around it are not the name.
            var lower = e.range.lowerBound, upper = e.range.upperBound
            while lower > text.startIndex, "([~≈ ".contains(text[text.index(before: lower)]) { lower = text.index(before: lower) }
            while upper < text.endIndex, ")] ".contains(text[upper]) { upper = text.index(after: upper) }
            text.removeSubrange(lower..<upper)
        }
        if let d = MarkdownVocabulary.dates(text).first, text.lowercased().contains("due") || text.lowercased().contains("by ") {
            item.due = d.description
        }
        item.name = itemName(text.replacing(Self.activityPattern5, with: ""))
        if item.name.isEmpty { item.name = MarkdownVocabulary.plain(body) }
        doc.items.append(item)
        return doc.items.count - 1
    }

    /// What a bullet that was not mapped looks like, for the empty-import error.
    static func bulletHint(_ body: String, inRisk: Bool) -> String {
        if body.lowercased().contains("risk") { return "a bullet about a risk outside a risk heading or table" }
        return ""
    }

}


// Swift parses a regex literal each time it is evaluated (a third of the time of a
// large import went there): each pattern is built once. A `Regex` is immutable once
// built, so sharing one between threads is safe.
extension MarkdownPlanReader {
    nonisolated(unsafe) static let namedRiskHeading = /^(?i:risk|blocker|issue|constraint|threat)\s*[:\-–—]\s*/
    nonisolated(unsafe) static let quarterHeading = /\s*Q([1-4])(?:\s+(\d{4}))?\s*/
    nonisolated(unsafe) static let unmappedPattern1 = /(#{1,6})\s+(.*?)\s*#*/
    nonisolated(unsafe) static let unmappedPattern2 = /(?:[-*+]|\d+[.)])\s+(?:\[([ xX])\]\s*)?(.*)/
    nonisolated(unsafe) static let phaseHeadingPattern1 = /(?i)^[^\w]*\b(phase|wave|stage|sprint|milestone|step|iteration|release)\s+(\d+[a-z]?|[ivx]+)\b\s*(?:[:.\-–—]\s*)?(.*)/
    nonisolated(unsafe) static let phaseHeadingPattern2 = /(?i)(?:weeks?|months?|days?|sprints?)\s+\d+(?:\s*(?:-|–|—|to)\s*\d+)?\)?/
    nonisolated(unsafe) static let phaseHeadingPattern3 = /\s*[\(\[][^)\]]*[\)\]]/
    nonisolated(unsafe) static let phaseHeadingPattern4 = /(?i)\s*[-–—|:]?\s*(?:weeks?|months?|days?)\s+\d+(?:\s*(?:-|–|—|to)\s*\d+)?.*$/
    nonisolated(unsafe) static let phaseHeadingPattern5 = /\s*[-–—|:]\s*\d+(?:\.\d+)?\s*(?:hours?|h|days?|weeks?)\s*$/
    nonisolated(unsafe) static let phaseHeadingPattern6 = /(?:^|\s*[-–—|:]\s*)Q[1-4]\b.*$/
    nonisolated(unsafe) static let itemHeadingPattern1 = /^[^\w]*([A-Za-z]{1,12})[-_ ]?#?(\d+(?:\.\d+)*)\b\s*[:.\-–—)]?\s*(.*)/
    nonisolated(unsafe) static let itemHeadingPattern2 = /^(\d+(?:\.\d+)*)[.)]?\s+(.*)/
    nonisolated(unsafe) static let itemNamePattern1 = /\s*[\(\[]\s*(?i:critical|high|medium|low|p[0-3]|blocker|done|complete|completed)\s*[\)\]]/
    nonisolated(unsafe) static let itemNamePattern2 = /\s+(?:CRITICAL|HIGH|MEDIUM|LOW|BLOCKER|P[0-3])\s*$/
    nonisolated(unsafe) static let itemNamePattern3 = /\s*[\(\[][^)\]]*\b(?:\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|d|days?|w|weeks?|sp|points?|story points?))\b[^)\]]*[\)\]]/
    nonisolated(unsafe) static let fieldPattern1 = /\*\*([^*]{1,40}?):?\*\*\s*:?\s*(.*)/
    nonisolated(unsafe) static let fieldPattern2 = /([A-Za-z][A-Za-z %#\/.]{0,24}):\s+(.+)/
    nonisolated(unsafe) static let namesPattern1 = /(?i)^after\s+/
    nonisolated(unsafe) static let activityPattern1 = /(?i)\(\s*(?:owner|assignee|assigned to|responsible|lead)\s*:\s*([^)]+)\)/
    nonisolated(unsafe) static let activityPattern2 = /(?i)\s[-–—]\s*(?:owner|assignee)\s*:\s*(.+)$/
    nonisolated(unsafe) static let activityPattern3 = /(?:^|\s)@([A-Za-z][\w.\-]*)/
    nonisolated(unsafe) static let activityPattern4 = /(?i)[\(,;]?\s*\b(?:after|depends on|blocked by|requires)\s+([^)]+)\)?\s*$/
    nonisolated(unsafe) static let activityPattern5 = /\s*[-–—:]\s*$/
}
