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
        guard let match = title.wholeMatch(of: Self.numberedTitle) else { return title }
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
        guard let m = text.wholeMatch(of: Self.estimateSuffix) else { return (text, nil) }
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
            guard let m = text.wholeMatch(of: TrackerNames.optionBullet), let number = Int(m.1) else { return nil }
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

    /// `wordMatches` on the bytes of words made by `tokens` (ASCII letters and
    /// digits, so a byte is a character): `match` calls it in its inner loop.
    static func wordMatches(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        if a.count >= 4 && b.count >= 4 && (a.starts(with: b) || b.starts(with: a)) { return true }
        guard a.count >= 2, a.count < b.count, a.first == b.first else { return false }
        var k = 0
        for ch in a {
            while k < b.count && b[k] != ch { k += 1 }
            guard k < b.count else { return false }
            k += 1
        }
        return true
    }

    /// How well a table label names a constraint: 2 per label word found in its
    /// heading name, 1 per word found in its constraint sentence. The reference for
    /// `match`, which computes the same scores through an index.
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
    /// The scores are those of `score(label:name:sentence:)`, found without comparing
    /// every row with every constraint (that made a 2,000-section tracker take a
    /// minute): each text is split into words once, the constraints' distinct words
    /// are indexed by their first character (a word can only match one that begins
    /// alike), and each distinct label word is compared once with that bucket.
    ///
    /// - Returns: for each label, the index of its constraint or nil.
    /// - Complexity: O(*W* + *D* *B* + *P* log *P*) for *W* words in all texts, *D*
    ///   distinct label words, buckets of at most *B* distinct constraint words, and
    ///   *P* ≤ *r* *c* row-constraint pairs that share a word.
    static func match(labels: [String], to entries: [(name: String, sentence: String)]) -> [Int?] {
        // The constraints' distinct words, each with the constraints holding it in
        // their name and in their sentence (ascending, without repeats).
        var vocabulary: [String: Int] = [:], vocabularyWords: [[UInt8]] = []
        var inName: [[Int]] = [], inSentence: [[Int]] = []
        var bucket: [Character: [Int]] = [:]
        func add(_ word: String, _ e: Int, toName: Bool) {
            let v: Int
            if let known = vocabulary[word] { v = known } else {
                v = vocabularyWords.count
                vocabulary[word] = v
                vocabularyWords.append(Array(word.utf8))
                inName.append([]); inSentence.append([])
                if let first = word.first { bucket[first, default: []].append(v) }
            }
            if toName { if inName[v].last != e { inName[v].append(e) } } else if inSentence[v].last != e { inSentence[v].append(e) }
        }
        for (e, entry) in entries.enumerated() {
            for w in tokens(entry.name) { add(w, e, toName: true) }
            for w in tokens(entry.sentence) { add(w, e, toName: false) }
        }
        // For each distinct label word, the constraints it scores 2 and 1 in.
        var holders: [String: (name: [Int], sentence: [Int])] = [:]
        func holding(_ w: String) -> (name: [Int], sentence: [Int]) {
            if let known = holders[w] { return known }
            var name = Set<Int>(), sentence = Set<Int>()
            let bytes = Array(w.utf8)
            for v in w.first.flatMap({ bucket[$0] }) ?? [] where wordMatches(bytes, vocabularyWords[v]) {
                name.formUnion(inName[v])
                sentence.formUnion(inSentence[v])
            }
            let found = (name: name.sorted(), sentence: sentence.sorted())
            holders[w] = found
            return found
        }
        var pairs: [(score: Int, row: Int, entry: Int)] = []
        var score = [Int](repeating: 0, count: entries.count)
        var touched: [Int] = []
        for (r, label) in labels.enumerated() {
            for w in tokens(label) {
                let (name, sentence) = holding(w)
                for e in name { if score[e] == 0 { touched.append(e) }; score[e] += 2 }
                for e in sentence { if score[e] == 0 { touched.append(e) }; score[e] += 1 }
            }
            for e in touched {
                if score[e] >= 2 { pairs.append((score[e], r, e)) }
                score[e] = 0
            }
            touched.removeAll(keepingCapacity: true)
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

// Swift parses a regex literal each time it is evaluated: built once here (see
// MarkdownPlanReader's patterns). A `Regex` is immutable once built.
extension TrackerNames {
    nonisolated(unsafe) static let numberedTitle = /\d+\.\s+(.*)/
    nonisolated(unsafe) static let estimateSuffix = /(.*?)\s*\(estimate\s+([^)]+)\)/
    nonisolated(unsafe) static let optionBullet = /Option\s+(\d+):\s*(.*)/
}
