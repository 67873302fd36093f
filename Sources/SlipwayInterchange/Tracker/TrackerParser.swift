import Foundation
import SlipwayCore

/// Reads the Markdown of a constraint tracker into a `TrackerDocument`.
///
/// The format: `# Title`, `**Key**: value` metadata, an Executive Summary with
/// "Key Statistics" bullets, numbered sections (`## 1. Technical Constraints`)
/// holding constraints (`### 1.1 Name 🔴 CRITICAL`, a `**Constraint**:` sentence
/// and `- **Key**: value` bullets with sub-bullets), phases
/// (`### Phase 1: Pre-Migration (Weeks 1-2)` with numbered groups of activity
/// bullets), a resolution table whose first column is `Constraint`, and "Next
/// Steps" (`1. **Immediate Actions** (This Week):` with bullets), which a plan has
/// no place for but which is read to check it against the phases.
/// Lines that fit none of these are recorded in `unmapped`, never dropped.
/// Windows line ends and a byte-order mark read as the same lines
/// (`MarkdownLines`); fenced code blocks are examples and are skipped.
public enum TrackerParser {
    /// - Complexity: O(*n*) in the length of the text.
    public static func parse(_ text: String) -> TrackerDocument {
        var doc = TrackerDocument()
        let lines = MarkdownLines.split(text)
        let code = MarkdownLines.fenced(lines)
        doc.lines = lines
        enum Block { case none, summary, statistics, constraint, phase, table, actions, other }
        var block = Block.none
        var section: (title: String, line: Int, mapped: Bool, firstContent: Int?) = ("", 0, true, nil)
        var sawSection = false
        var tableHeader: [String]?

        func closeSection() {
            if !section.mapped, let first = section.firstContent {
                doc.unmapped.append(("section '\(section.title)'", first))
            }
        }

        for (index, raw) in lines.enumerated() {
            let n = index + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || code[index] { continue }
            if raw.hasPrefix("# ") && doc.title.isEmpty {
                doc.title = String(raw.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                doc.titleLine = n
                continue
            }
            if raw.hasPrefix("## ") {
                closeSection()
                sawSection = true
                let title = String(raw.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                section = (title, n, false, nil)
                let lower = title.lowercased()
                block = lower.contains("summary") ? .summary : lower.contains("next steps") ? .actions : .other
                continue
            }
            if raw.hasPrefix("### ") {
                let heading = String(raw.dropFirst(4)).trimmingCharacters(in: .whitespaces)
                if let phase = phaseHeading(heading, line: n) {
                    doc.phases.append(phase)
                    block = .phase
                    section.mapped = true
                } else if let entry = constraintHeading(heading, line: n, category: section.title, categoryLine: section.line) {
                    doc.constraints.append(entry)
                    block = .constraint
                    section.mapped = true
                } else {
                    doc.unmapped.append(("heading '\(heading)'", n))
                    block = .other
                }
                continue
            }
            if trimmed.hasPrefix("|") {
                let cells = tableCells(trimmed)
                if tableHeader == nil {
                    guard cells.first?.lowercased() == "constraint" else {
                        doc.unmapped.append(("a table that does not start with a 'Constraint' column", n))
                        block = .other
                        continue
                    }
                    tableHeader = cells
                    doc.tableLine = n
                    section.mapped = true
                    block = .table
                } else if block == .table, let header = tableHeader {
                    if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
                    var row: [String: String] = [:]
                    for (i, title) in header.enumerated() { row[title] = i < cells.count ? cells[i] : "" }
                    doc.table.append(.init(cells: row, line: n))
                }
                continue
            }
            if !sawSection {
                if let (key, value) = boldField(trimmed) { doc.metadata.append((key, value, n)) } else { doc.unmapped.append(("preamble text", n)) }
                continue
            }
            switch block {
            case .summary, .statistics:
                if trimmed.lowercased().hasPrefix("**key statistics**") {
                    block = .statistics
                } else if block == .statistics, trimmed.hasPrefix("- "), let colon = trimmed.lastIndex(of: ":"),
                          let value = Int(trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)) {
                    let key = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<colon].trimmingCharacters(in: .whitespaces)
                    doc.statistics.append((key, value, n))
                } else if let (key, value) = boldField(trimmed) {
                    doc.metadata.append((key, value, n))
                } else {
                    doc.unmapped.append(("summary text", n))
                }
            case .constraint:
                var entry = doc.constraints.removeLast()
                if let (key, value) = boldField(trimmed), key.lowercased() == "constraint" {
                    entry.sentence = value
                } else if raw.hasPrefix("- "), let (key, value) = boldField(String(trimmed.dropFirst(2))) {
                    entry.fields.append(.init(key: key, value: value, items: [], line: n, itemLines: []))
                } else if raw.hasPrefix(" "), trimmed.hasPrefix("- "), !entry.fields.isEmpty {
                    entry.fields[entry.fields.count - 1].items.append(String(trimmed.dropFirst(2)))
                    entry.fields[entry.fields.count - 1].itemLines.append(n)
                } else {
                    doc.unmapped.append(("text in \(entry.section) '\(trimmed.prefix(40))'", n))
                }
                doc.constraints.append(entry)
            case .phase:
                var phase = doc.phases.removeLast()
                if let group = numberedBold(trimmed) {
                    phase.groups.append((group, [], n))
                } else if trimmed.hasPrefix("- ") {
                    if phase.groups.isEmpty { phase.groups.append(("Activities", [], n)) }
                    phase.groups[phase.groups.count - 1].activities.append((String(trimmed.dropFirst(2)), n))
                } else {
                    doc.unmapped.append(("text in phase \(phase.number) '\(trimmed.prefix(40))'", n))
                }
                doc.phases.append(phase)
            case .actions:
                // Still reported as not imported (closeSection): the plan does not hold it.
                if section.firstContent == nil { section.firstContent = n }
                if let group = actionGroup(trimmed, line: n) {
                    doc.actions.append(group)
                } else if trimmed.hasPrefix("- "), !doc.actions.isEmpty {
                    doc.actions[doc.actions.count - 1].items.append((String(trimmed.dropFirst(2)), n))
                }
            case .table, .none, .other:
                if section.firstContent == nil { section.firstContent = n }
                if section.mapped { doc.unmapped.append(("text '\(trimmed.prefix(40))'", n)) }
            }
        }
        closeSection()
        return doc
    }

    /// `1.1 Protocol Incompatibility 🔴 CRITICAL`
    static func constraintHeading(_ heading: String, line: Int, category: String, categoryLine: Int) -> TrackerDocument.Entry? {
        guard let space = heading.firstIndex(of: " ") else { return nil }
        let number = String(heading[..<space])
        guard number.contains("."), number.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        var words = heading[heading.index(after: space)...].split(separator: " ").map(String.init)
        var severity: Constraint.Severity?
        if let last = words.last, let s = Constraint.Severity(rawValue: last.lowercased()), last == last.uppercased() {
            severity = s
            words.removeLast()
        }
        if let last = words.last, TrackerNames.severityEmoji.values.contains(last) { words.removeLast() }
        return .init(section: number, name: words.joined(separator: " "), severity: severity, line: line,
                     category: category, categoryLine: categoryLine)
    }

    /// `Phase 1: Pre-Migration (Weeks 1-2)`
    static func phaseHeading(_ heading: String, line: Int) -> TrackerDocument.PhaseBlock? {
        // A phase number beyond Int (`Phase 99999999999999999999:`) is not a phase heading.
        guard let match = heading.wholeMatch(of: Self.phaseHeadingPattern), let number = Int(match.1) else { return nil }
        return .init(number: number, name: String(match.2),
                     weeks: match.3.map { $0.replacingOccurrences(of: " ", with: "") }, line: line)
    }

    /// `**Key**: value` (the value may be empty).
    static func boldField(_ text: String) -> (String, String)? {
        guard let match = text.wholeMatch(of: Self.boldFieldPattern) else { return nil }
        return (String(match.1).trimmingCharacters(in: .whitespaces), String(match.2).trimmingCharacters(in: .whitespaces))
    }

    /// `1. **Address CRITICAL blockers**:`
    static func numberedBold(_ text: String) -> String? {
        guard let match = text.wholeMatch(of: Self.numberedBoldPattern) else { return nil }
        return String(match.1).trimmingCharacters(in: .whitespaces)
    }

    /// `1. **Immediate Actions** (This Week):`, `2. **Week 2 Actions**:`; the week is
    /// read from the whole line: "this week" is week 1, "next week" week 2, "week N" N.
    static func actionGroup(_ text: String, line: Int) -> TrackerDocument.ActionGroup? {
        guard let match = text.wholeMatch(of: Self.actionGroupPattern) else { return nil }
        let lower = text.lowercased()
        var week: Double?
        if lower.contains("this week") {
            week = 1
        } else if lower.contains("next week") {
            week = 2
        } else if let m = lower.firstMatch(of: Self.weekNumber) {
            week = Double(m.1)
        }
        return .init(title: String(match.1).trimmingCharacters(in: .whitespaces), week: week, line: line)
    }

    static func tableCells(_ line: String) -> [String] {
        var body = Substring(line)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") { body = body.dropLast() }
        return body.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

// Swift parses a regex literal each time it is evaluated: built once here (see
// MarkdownPlanReader's patterns). A `Regex` is immutable once built.
extension TrackerParser {
    nonisolated(unsafe) static let phaseHeadingPattern = /Phase\s+(\d+):\s*(.*?)\s*(?:\(Weeks?\s+(\d+(?:\s*-\s*\d+)?)\))?/
    nonisolated(unsafe) static let boldFieldPattern = /\*\*([^*]+)\*\*\s*:\s*(.*)/
    nonisolated(unsafe) static let numberedBoldPattern = /\d+\.\s+\*\*([^*]+)\*\*:?/
    nonisolated(unsafe) static let actionGroupPattern = /\d+\.\s+\*\*([^*]+)\*\*\s*(?:\([^)]*\))?\s*:?/
    nonisolated(unsafe) static let weekNumber = /week\s+(\d+)/
}
