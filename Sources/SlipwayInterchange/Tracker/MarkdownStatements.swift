import SlipwayCore

/// What a Markdown plan states about itself, read line by line to be checked
/// against what it holds (`MarkdownPlanConsistency`): counts ("24 risks",
/// "Total Tasks: 40"), a total length ("Total duration: 12 weeks", "12-week
/// timeline") and a total effort ("Total effort: 320 hours").
extension MarkdownPlanReader {
    /// Counts, lengths and totals the document states about itself.
    static func readStatements(_ line: String, line n: Int, into doc: inout MarkdownPlanDocument) {
        guard line.contains(where: \.isNumber) else { return }
        // Swift parses a regex literal each time it is evaluated: cheap word tests keep
        // the patterns off the lines that cannot match them.
        let rough = line.lowercased()
        let nouns = ["risk", "constraint", "blocker", "issue", "task", "ticket", "item", "phase", "milestone"]
        let hasNoun = nouns.contains { rough.contains($0) }
        let hasLength = rough.contains("week") || rough.contains("month")
        let hasTotal = rough.contains("total")
        guard hasNoun || hasLength || hasTotal else { return }
        let text = MarkdownVocabulary.plain(line)
        let lower = text.lowercased()
        // "Total Risks: 24", "Total Tasks | 40"
        if !hasNoun {
        } else if let m = lower.firstMatch(of: Self.readStatementsPattern1), let v = Double(m.2), v < 1e9 {
            doc.statements.append(.init(what: .count(noun: noun(String(m.1)), severity: nil), value: v, text: String(text[m.range]), line: n))
        } else {
            for m in lower.matches(of: Self.readStatementsPattern2) {
                let before = lower[..<m.range.lowerBound]
                if before.hasSuffix("phase") || before.hasSuffix("week") || before.hasSuffix("sprint") || before.hasSuffix("wave") || before.hasSuffix("stage") { continue }
                guard let v = Double(m.1), v >= 2, v < 1e9 else { continue }
                let severity = m.2.flatMap { MarkdownVocabulary.severityWord(String($0)) }
                doc.statements.append(.init(what: .count(noun: noun(String(m.3)), severity: severity), value: v, text: String(m.0).trimmingCharacters(in: .whitespaces), line: n))
            }
            // "Critical Risks: 3", "- High: 4" under a risk summary is too loose: only "<severity> risks: N".
            for m in lower.matches(of: Self.readStatementsPattern3) {
                if let v = Double(m.3), v < 1e9 { doc.statements.append(.init(what: .count(noun: noun(String(m.2)), severity: MarkdownVocabulary.severityWord(String(m.1))), value: v, text: String(m.0), line: n)) }
            }
        }
        // "Total duration: 12 weeks", "12-week timeline", "Timeline: 6 months"
        if hasLength, let m = lower.firstMatch(of: Self.readStatementsPattern4) ?? lower.firstMatch(of: Self.readStatementsPattern5),
           let v = Double(m.1), v < 1e9 {
            doc.statements.append(.init(what: .length, value: m.2.hasPrefix("month") ? v * 4 : v, text: String(text[m.range]), line: n))
        }
        // "Total effort: 320 hours", "Total: 69 hours"
        if hasTotal, let m = lower.firstMatch(of: Self.readStatementsPattern6), let v = Double(m.1), v < 1e9 {
            let unit = MarkdownVocabulary.unit(m.2.hasPrefix("person") ? "days" : m.2.hasPrefix("story") ? "story points" : String(m.2)) ?? .hours
            doc.statements.append(.init(what: .effort, value: MarkdownVocabulary.weeks(v, unit), text: String(text[m.range]), line: n))
        }
    }

    static func noun(_ plural: String) -> String {
        ["risks": "risk", "constraints": "risk", "blockers": "risk", "issues": "risk", "tasks": "task", "tickets": "task", "items": "task", "phases": "phase", "milestones": "milestone"][plural] ?? plural
    }
}

// Each pattern is built once (see MarkdownPlanReader).
extension MarkdownPlanReader {
    nonisolated(unsafe) static let readStatementsPattern1 = /total\s+(?:number of\s+)?(risks|constraints|blockers|issues|tasks|tickets|items|phases|milestones)\s*[:|=]?\s*\|?\s*(\d+)/
    nonisolated(unsafe) static let readStatementsPattern2 = /(?:^|[^\w.])(\d+)\s+(?:(critical|high|medium|low|open|identified|key|major|active|total)\s+)?(?:-?\s*(?:severity|priority)\s+)?(risks|constraints|blockers|issues|phases)\b/
    nonisolated(unsafe) static let readStatementsPattern3 = /(critical|high|medium|low)\s+(?:severity\s+)?(risks|constraints|blockers)\s*[:|]\s*\|?\s*(\d+)/
    nonisolated(unsafe) static let readStatementsPattern4 = /(?:total\s+(?:duration|timeline|length)|(?:overall|estimated|project)\s+(?:duration|timeline)|^timeline|^duration)\s*[:|]?\s*\|?\s*~?(\d+(?:\.\d+)?)\s*(weeks?|months?)/
    nonisolated(unsafe) static let readStatementsPattern5 = /(\d+(?:\.\d+)?)[-\s](weeks?|months?)\s+(?:total|timeline|programme|program|project|roadmap|plan)\b/
    nonisolated(unsafe) static let readStatementsPattern6 = /total(?:\s+(?:effort|estimate|estimated effort|hours|work))?\s*[:|=]?\s*\|?\s*~?(\d+(?:\.\d+)?)\s*(hours?|h|days?|person-days|story points?|sp|points)\b/
}
