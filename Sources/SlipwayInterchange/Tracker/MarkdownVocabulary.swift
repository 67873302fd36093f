import Foundation
import SlipwayEngine
import SlipwayCore

/// The words with which hand-written Markdown plans state severities, estimates,
/// phase windows, dates and fields, read into the plan's terms. Every function is
/// O(*k*) in the length of the text it reads.
enum MarkdownVocabulary {
    /// What a `**Key**:` field, or a table column, means to a plan.
    enum Field: Equatable {
        case severity, owner, status, target, estimate, start, end, dependencies, mitigation, description, likelihood, phase, id, progress
    }

    /// Field names (lowercased, markup removed) by meaning. `impact` is a severity
    /// only when its value is one (`Impact: High`); otherwise it describes.
    static func field(_ key: String) -> Field? {
        let k = plain(key).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        switch k {
        case "severity", "risk level", "level", "overall", "priority", "risk rating", "rating", "criticality", "impact", "risk score": return .severity
        case "owner", "risk owner", "responsibility", "responsible", "assignee", "assigned to", "assigned", "lead", "who", "dri": return .owner
        case "status", "state": return .status
        case "target", "target date", "due", "due date", "deadline", "eta", "date", "when", "target week", "timeline": return .target
        case "effort", "estimate", "estimated effort", "estimation", "duration", "hours", "days", "weeks", "story points", "points", "sp", "size", "time", "est.", "est": return .estimate
        case "start", "start date", "begins", "from": return .start
        case "end", "end date", "finish", "finish date", "to": return .end
        case "depends on", "dependencies", "dependency", "blocked by", "after", "prerequisites", "predecessors", "requires": return .dependencies
        case "mitigation", "mitigations", "mitigation strategy", "mitigation plan", "response", "action", "actions", "resolution", "workaround", "contingency": return .mitigation
        case "description", "details", "summary", "notes", "note", "context", "problem", "issue", "risk", "consequence": return .description
        case "likelihood", "probability": return .likelihood
        case "phase", "sprint", "wave", "stage": return .phase
        case "id", "#", "ref", "key", "no.", "no": return .id
        case "progress", "% complete", "percent complete", "complete", "done": return .progress
        default:
            if k.hasPrefix("effort") || k.hasPrefix("estimate") || k.hasPrefix("hours") || k.hasPrefix("story point") { return .estimate }
            if k.hasPrefix("target") || k.hasPrefix("due") { return .target }
            if k.hasPrefix("depend") { return .dependencies }
            if k.hasPrefix("owner") || k.hasSuffix("owner") { return .owner }
            if k.hasPrefix("mitigation") { return .mitigation }
            if k.hasPrefix("severity") || k.hasPrefix("priority") { return .severity }
            return nil
        }
    }

    /// The word a table's name column is headed with, and whether its rows are
    /// constraints (risk, blocker, issue) or tasks (ticket, task, item, milestone,
    /// initiative, epic, ...).
    static func nameColumn(_ header: String) -> (isConstraint: Bool, isMilestone: Bool)? {
        let words = plain(header).lowercased().split { !$0.isLetter }.map(String.init)
        for word in words {
            switch word {
            case "risk", "risks", "blocker", "blockers", "issue", "issues", "threat", "threats", "constraint", "constraints": return (true, false)
            case "milestone", "milestones": return (false, true)
            case "task", "tasks", "ticket", "tickets", "item", "items", "initiative", "initiatives", "epic", "epics", "deliverable",
                 "deliverables", "activity", "activities", "feature", "features", "story", "stories", "work", "action", "workstream": return (false, false)
            default: continue
            }
        }
        return nil
    }

    /// Whether a section title announces risks or constraints (its items are
    /// constraints) rather than work.
    static func isRiskSection(_ title: String) -> Bool {
        // Whole words: "Issuer" or "Riskless" announce nothing.
        let words = Set(title.lowercased().split { !$0.isLetter }.map(String.init))
        return !words.isDisjoint(with: ["risk", "risks", "constraint", "constraints", "blocker", "blockers", "blocking", "issue", "issues",
                                        "threat", "threats", "concern", "concerns", "limitation", "limitations", "raid"])
    }

    /// Markdown emphasis, code and link markup removed: `**[Name](url)**` -> `Name`.
    static func plain(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "").replacingOccurrences(of: "`", with: "")
        s = s.replacing(Self.plainPattern1) { String($0.1) }
        s = s.replacingOccurrences(of: "~~", with: "")
        return s.trimmingCharacters(in: .whitespaces)
    }

    static let emoji: [(String, Constraint.Severity)] = [("🔴", .critical), ("🟠", .high), ("🟡", .medium), ("🟢", .low), ("🔥", .critical)]

    /// A severity a heading marks: an emoji, an upper-case word (`CRITICAL`,
    /// `⚠️ HIGH`), a bracketed word (`[High]`) or a priority `P0`-`P3`. A title word
    /// such as "High Availability" is not one.
    static func headingSeverity(_ text: String) -> Constraint.Severity? {
        for (e, s) in emoji where text.contains(e) { return s }
        for token in text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "[" || $0 == "]" || $0 == ":" || $0 == "-" }) {
            let word = String(token)
            if let p = priority(word) { return p }
            if word == word.uppercased(), word.count > 2, let s = severityWord(word) { return s }
        }
        if let m = text.firstMatch(of: Self.headingSeverityPattern1), let s = severityWord(String(m.1)) { return s }
        return nil
    }

    /// A severity a field or cell states: `High`, `🔴 Critical`, `P1`, `High - blocks launch`.
    static func severity(_ text: String) -> Constraint.Severity? {
        for (e, s) in emoji where text.contains(e) { return s }
        for token in plain(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            if let p = priority(String(token)) { return p }
            if let s = severityWord(String(token)) { return s }
        }
        return nil
    }

    static func severityWord(_ word: String) -> Constraint.Severity? {
        switch word.lowercased() {
        case "critical", "blocker", "blocking", "showstopper", "urgent", "severe": return .critical
        case "high", "major": return .high
        case "medium", "moderate", "med": return .medium
        case "low", "minor": return .low
        default: return nil
        }
    }

    /// `P0`-`P3`: critical, high, medium, low.
    static func priority(_ word: String) -> Constraint.Severity? {
        guard word.count == 2, word.first == "P" || word.first == "p", let n = word.last?.wholeNumberValue, n <= 3 else { return nil }
        return [.critical, .high, .medium, .low][n]
    }

    /// The unit an estimate's number is in; story points are counted as days.
    enum Unit { case hours, days, weeks, months, points }

    static func unit(_ text: String) -> Unit? {
        switch text.lowercased() {
        case "h", "hr", "hrs", "hour", "hours": return .hours
        case "d", "day", "days": return .days
        case "w", "wk", "wks", "week", "weeks": return .weeks
        case "mo", "month", "months": return .months
        case "sp", "pt", "pts", "point", "points", "story point", "story points": return .points
        default: return nil
        }
    }

    /// Weeks of a number in a unit, at 8 hours a day, 5 days a week and 4 weeks a
    /// month (the seed's "3-month deadline" is 12 weeks); a story point is a day.
    static func weeks(_ value: Double, _ unit: Unit) -> Double {
        switch unit {
        case .hours: return value / 40
        case .days, .points: return value / 5
        case .weeks: return value
        case .months: return value * 4
        }
    }

    /// An estimate written in the text: `2 weeks`, `2-3w`, `8h`, `16 hours`,
    /// `5 story points`, `3 SP`; a bare number takes `defaultUnit`. Returns the
    /// estimate in weeks, its unit and the range of text it was read from.
    static func estimate(_ text: String, defaultUnit: Unit? = nil) -> (estimate: Estimate, unit: Unit, range: Range<String.Index>)? {
        var found: (Double, Double?, Unit, Range<String.Index>)?
        if let m = text.firstMatch(of: Self.estimatePattern), let a = Double(m.1), let u = unit(String(m.3).replacing(Self.estimatePattern1, with: " ")) {
            found = (a, m.2.flatMap { Double($0) }, u, m.range)
        } else if let defaultUnit, let m = text.firstMatch(of: Self.estimatePattern2), let a = Double(m.1) {
            found = (a, m.2.flatMap { Double($0) }, defaultUnit, m.range)
        }
        guard let (a, b, u, range) = found else { return nil }
        let low = weeks(a, u), high = weeks(b ?? a, u)
        guard low.isFinite, high.isFinite, low >= 0, high >= low, high <= 5200 else { return nil }
        return (Estimate(optimistic: low, mostLikely: (low + high) / 2, pessimistic: high), u, range)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func month(_ word: Substring) -> Int? {
        months.firstIndex(of: String(word.prefix(3)).lowercased()).map { $0 + 1 }
    }

    /// Every date written in the text, in order: `2025-01-13`, `2025/01/13`,
    /// `1/13/2025`, `Jan 13, 2025`, `13 January 2025`.
    static func dates(_ text: String) -> [CivilDate] {
        // A date has a four-digit year; most lines have none, and skip the patterns.
        var run = 0, hasYear = false
        for c in text.utf8 { run = (48...57).contains(c) ? run + 1 : 0; if run == 4 { hasYear = true; break } }
        guard hasYear else { return [] }
        var result: [(String.Index, CivilDate)] = []
        func add(_ y: Int?, _ m: Int?, _ d: Int?, at i: String.Index) {
            guard let y, let m, let d, (1900...2200).contains(y), (1...12).contains(m), (1...31).contains(d) else { return }
            let date = CivilDate(year: y, month: m, day: d)
            // February 30 does not come back from its day count: not a date.
            guard CivilDate(daysSinceEpoch: date.daysSinceEpoch) == date else { return }
            result.append((i, date))
        }
        for m in text.matches(of: Self.addPattern1) { add(Int(m.1), Int(m.2), Int(m.3), at: m.range.lowerBound) }
        for m in text.matches(of: Self.addPattern2) { add(Int(m.3), Int(m.1), Int(m.2), at: m.range.lowerBound) }
        for m in text.matches(of: Self.addPattern3) { add(Int(m.3), month(m.1), Int(m.2), at: m.range.lowerBound) }
        for m in text.matches(of: Self.addPattern4) { add(Int(m.3), month(m.2), Int(m.1), at: m.range.lowerBound) }
        for m in text.matches(of: Self.addPattern5) { add(Int(m.2), Int(m.1).map { ($0 - 1) * 3 + 1 }, 1, at: m.range.lowerBound) }
        return result.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A phase's window in plan weeks, `[start, end)`, from the text of its heading
    /// or its `**Duration**:` line: `(Weeks 1-2)`, `(Week 3)`, `Weeks 1–4`,
    /// `(Months 1-2)`, `Days 1-10`, `Q1 2025`, `Q2`, `Jul W1 - Sep W2`, or two dates.
    /// Dates need the calendar's start; a quarter or month without a year takes
    /// `year`. Returns the window and the range of text it was read from.
    static func window(_ text: String, calendar: WorkCalendar, year: Int?) -> (start: Double, end: Double, range: Range<String.Index>)? {
        if let m = text.firstMatch(of: Self.windowPattern1),
           let a = Double(m.2) {
            let b = m.3.flatMap { Double($0) } ?? a
            // Beyond a century a window is a typo, and its week numbers would not fit an Int.
            guard b >= a, a >= 1, b <= 5200 else { return nil }
            let word = m.1.lowercased()
            let size: Double = word.hasPrefix("month") ? 4 : word.hasPrefix("day") ? 0.2 : word.hasPrefix("sprint") ? 2 : 1
            return ((a - 1) * size, b * size, m.range)
        }
        if let m = text.firstMatch(of: Self.windowPattern2),
           let m1 = month(m.1), let w1 = Int(m.2), let m2 = month(m.3), let w2 = Int(m.4), let y = year ?? calendar.start?.year {
            let from = CivilDate(year: y, month: m1, day: 1).adding(days: (w1 - 1) * 7)
            let to = CivilDate(year: m2 < m1 ? y + 1 : y, month: m2, day: 1).adding(days: w2 * 7 - 1)
            if let s = calendar.time(of: from, as: .start), let e = calendar.time(of: to, as: .end), e > s { return (s, e, m.range) }
        }
        if let m = text.firstMatch(of: Self.windowPattern3), let q1 = Int(m.1) {
            let q2 = m.2.flatMap { Int($0) } ?? q1
            if let y = m.3.flatMap({ Int($0) }) ?? year, calendar.start != nil {
                let from = CivilDate(year: y, month: (q1 - 1) * 3 + 1, day: 1)
                let to = CivilDate(year: q2 == 4 ? y + 1 : y, month: q2 == 4 ? 1 : q2 * 3 + 1, day: 1).adding(days: -1)
                if let s = calendar.time(of: from, as: .start), let e = calendar.time(of: to, as: .end), e > s { return (max(0, s), e, m.range) }
            }
            return (Double(q1 - 1) * 13, Double(q2) * 13, m.range)
        }
        let ds = dates(text)
        if ds.count >= 2, let s = calendar.time(of: ds[0], as: .start), let e = calendar.time(of: ds[1], as: .end), e > s,
           let r = text.firstMatch(of: Self.windowPattern4)?.range {
            return (s, e, r)
        }
        return nil
    }
}


// Swift parses a regex literal each time it is evaluated (a third of the time of a
// large import went there): each pattern is built once. A `Regex` is immutable once
// built, so sharing one between threads is safe.
extension MarkdownVocabulary {
    nonisolated(unsafe) static let plainPattern1 = /\[([^\]]*)\]\([^)]*\)/
    nonisolated(unsafe) static let headingSeverityPattern1 = /[\[(]\s*([A-Za-z]+)\s*[\])]/
    nonisolated(unsafe) static let estimatePattern1 = /\s+/
    nonisolated(unsafe) static let estimatePattern2 = /\b(\d+(?:\.\d+)?)(?:\s*(?:-|–)\s*(\d+(?:\.\d+)?))?(?![\w.])/
    nonisolated(unsafe) static let addPattern1 = /(\d{4})[-\/](\d{1,2})[-\/](\d{1,2})/
    nonisolated(unsafe) static let addPattern2 = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})/
    nonisolated(unsafe) static let addPattern3 = /(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/
    nonisolated(unsafe) static let addPattern4 = /(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})/
    nonisolated(unsafe) static let addPattern5 = /\bQ([1-4])\s+(\d{4})/
    nonisolated(unsafe) static let windowPattern1 = /(?i)\b(weeks?|wks?|months?|days?|sprints?)\s+(\d+)(?:\s*(?:-|–|—|to|through)\s*(?:(?:weeks?|months?|days?|sprints?)\s+)?(\d+))?/
    nonisolated(unsafe) static let windowPattern2 = /(?i)\b([a-z]{3,9})\s+W(\d)\s*(?:-|–|—|to)\s*([a-z]{3,9})\s+W(\d)/
    nonisolated(unsafe) static let windowPattern3 = /\bQ([1-4])(?:\s*(?:-|–)\s*Q([1-4]))?(?:\s+(\d{4}))?/
    nonisolated(unsafe) static let windowPattern4 = /\d/
}

// Swift parses a regex literal each time it is evaluated: built once here (see
// MarkdownPlanReader's patterns). A `Regex` is immutable once built.
extension MarkdownVocabulary {
    nonisolated(unsafe) static let estimatePattern = /(?i)\b(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(story\s+points?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo|sp|pts?|points?)(?![\w])/
}
