import Foundation
import SlipwayCore

/// The vocabulary of tracker documents: severity marks, section titles, kebab-case
/// ids, and how a short name in the resolution table finds its constraint.
public enum TrackerNames {
    public static let severityEmoji: [Constraint.Severity: String] = [.critical: "🔴", .high: "🟠", .medium: "🟡", .low: "🟢"]

    /// Section titles of the seed and the categories the plan format names for them.
    static let categories: [(title: String, category: String)] = [
        ("Technical Constraints", "technical"), ("AWS Service Limits", "service-limit"),
        ("Migration Blockers", "migration-blocker"), ("Operational Constraints", "operational"),
    ]

    /// `## 1. Technical Constraints` -> `technical`; unknown titles in kebab case.
    static func category(ofSection title: String) -> String {
        let bare = stripNumber(title)
        return categories.first { $0.title.lowercased() == bare.lowercased() }?.category ?? kebab(bare)
    }

    static func sectionTitle(ofCategory category: String) -> String {
        categories.first { $0.category == category }?.title ?? titleCase(category)
    }

    /// `1. Technical Constraints` -> `Technical Constraints`.
    static func stripNumber(_ title: String) -> String {
        guard let match = title.wholeMatch(of: /\d+\.\s+(.*)/) else { return title }
        return String(match.1)
    }

    /// `Process Spawning Model` -> `process-spawning-model`; at most `maxWords` words.
    public static func kebab(_ text: String, maxWords: Int = 6) -> String {
        var words: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { current.append(ch) } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let id = words.prefix(maxWords).joined(separator: "-")
        return id.isEmpty ? "item" : id
    }

    /// `in-design` -> `In Design`; `devops` stays as its owner name says elsewhere.
    static func titleCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// `Set up VPC (estimate 1w)` -> (`Set up VPC`, `1w`); text without one is returned whole.
    static func splitEstimate(_ text: String) -> (text: String, estimate: String?) {
        guard let m = text.wholeMatch(of: /(.*?)\s*\(estimate\s+([^)]+)\)/) else { return (text, nil) }
        return (String(m.1), String(m.2))
    }

    /// A Mitigation bullet that offers a way out: `Option 2: Self-managed NATS on ECS`,
    /// optionally followed by `(estimate 1-2w)` and `(chosen)` (the two marks the
    /// export writes when an option's estimate or the choice needs saying).
    struct OptionBullet: Equatable {
        var number: Int
        var title: String
        var estimate: String?
        var chosen: Bool

        init?(_ text: String) {
            guard let m = text.wholeMatch(of: /Option\s+(\d+):\s*(.*)/), let number = Int(m.1) else { return nil }
            var rest = String(m.2).trimmingCharacters(in: .whitespaces)
            chosen = false
            if rest.lowercased().hasSuffix("(chosen)") {
                chosen = true
                rest = String(rest.dropLast("(chosen)".count)).trimmingCharacters(in: .whitespaces)
            }
            (title, estimate) = TrackerNames.splitEstimate(rest)
            self.number = number
        }
    }

    private static let stopWords: Set<String> = ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "no", "is", "with", "not", "by"]

    static func tokens(_ text: String) -> [String] {
        kebab(text, maxWords: 100).split(separator: "-").map(String.init).filter { !stopWords.contains($0) }
    }

    /// Whether a word of a table label stands for a word of a title: equal, a
    /// plural or prefix (`connections`/`connection`), or an abbreviation whose
    /// letters appear in order (`mgmt` in `management`, `db` in `database`).
    static func wordMatches(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if a.count >= 4 && b.count >= 4 && (a.hasPrefix(b) || b.hasPrefix(a)) { return true }
        guard a.count >= 2, a.count < b.count, a.first == b.first else { return false }
        var rest = Substring(b)
        for ch in a {
            guard let i = rest.firstIndex(of: ch) else { return false }
            rest = rest[rest.index(after: i)...]
        }
        return true
    }

    /// How well a table label names a constraint: 2 per label word found in its
    /// heading name, 1 per word found in its constraint sentence.
    static func score(label: String, name: String, sentence: String) -> Int {
        let nameWords = tokens(name), sentenceWords = tokens(sentence)
        var score = 0
        for w in tokens(label) {
            if nameWords.contains(where: { wordMatches(w, $0) }) { score += 2 }
            if sentenceWords.contains(where: { wordMatches(w, $0) }) { score += 1 }
        }
        return score
    }

    /// Pairs table rows with constraints, best scores first, each constraint at most
    /// once. A row needs a score of at least 2 (a heading word, or two sentence words).
    ///
    /// - Returns: for each label, the index of its constraint or nil.
    /// - Complexity: O(*r* *c* log(*r* *c*)) for *r* rows and *c* constraints.
    static func match(labels: [String], to entries: [(name: String, sentence: String)]) -> [Int?] {
        var pairs: [(score: Int, row: Int, entry: Int)] = []
        for (r, label) in labels.enumerated() {
            for (e, entry) in entries.enumerated() {
                let s = score(label: label, name: entry.name, sentence: entry.sentence)
                if s >= 2 { pairs.append((s, r, e)) }
            }
        }
        pairs.sort { ($0.score, -$0.row, -$0.entry) > ($1.score, -$1.row, -$1.entry) }
        var result = [Int?](repeating: nil, count: labels.count)
        var taken = Set<Int>()
        for p in pairs where result[p.row] == nil && !taken.contains(p.entry) {
            result[p.row] = p.entry
            taken.insert(p.entry)
        }
        return result
    }
}
