import Foundation
@testable import SlipwayInterchange
import SlipwayEngine
import Testing

/// The tracker importer's matchers find words through indexes (issue 13: a
/// 2,000-section tracker took a minute when every row was compared with every
/// constraint). These tests hold the indexed answers to the all-pairs definitions
/// on random texts over a small vocabulary, where prefixes, abbreviations and
/// repeats are frequent.
@Suite struct TrackerMatchingIndexTests {
    /// Words that begin one another (`conn`, `connection`), abbreviate one another
    /// (`db`, `database`; `mgmt`, `management`), repeat, and numbers.
    static let vocabulary = ["db", "database", "data", "mgmt", "management", "manage", "conn", "connection",
                             "connections", "auth", "authentication", "aurora", "nats", "queue", "quota",
                             "12", "102", "1200", "ecs", "service", "services", "the", "limits", "limit"]

    static func text(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...5, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }.joined(separator: " ")
    }

    /// `TrackerNames.match` pairs rows as the greedy matching over
    /// `score(label:name:sentence:)` of every row and constraint does.
    @Test(arguments: 1...60) func rowMatchingEqualsTheAllPairsDefinition(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let labels = (0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.text(&rng) }
        let entries = (0..<Int.random(in: 0...8, using: &rng)).map { _ in (name: Self.text(&rng), sentence: Self.text(&rng)) }
        // The definition: every pair scored, best first, each constraint once.
        var pairs: [(score: Int, row: Int, entry: Int)] = []
        for (r, label) in labels.enumerated() {
            for (e, entry) in entries.enumerated() {
                let s = TrackerNames.score(label: label, name: entry.name, sentence: entry.sentence)
                if s >= 2 { pairs.append((s, r, e)) }
            }
        }
        pairs.sort { ($0.score, -$0.row, -$0.entry) > ($1.score, -$1.row, -$1.entry) }
        var expected = [Int?](repeating: nil, count: labels.count)
        var taken = Set<Int>()
        for p in pairs where expected[p.row] == nil && !taken.contains(p.entry) {
            expected[p.row] = p.entry
            taken.insert(p.entry)
        }
        #expect(TrackerNames.match(labels: labels, to: entries) == expected, "labels \(labels), entries \(entries)")
    }

    /// The byte form of `wordMatches` agrees with the string form on every pair of
    /// the vocabulary.
    @Test func byteWordMatchEqualsTheStringOne() {
        for a in Self.vocabulary {
            for b in Self.vocabulary {
                #expect(TrackerNames.wordMatches(Array(a.utf8), Array(b.utf8)) == TrackerNames.wordMatches(a, b), "\(a) \(b)")
            }
        }
    }

    /// The word index gives, for any word, exactly the candidates holding a word
    /// `same` as it, and which of them hold it in their identity and their work.
    @Test(arguments: 1...40) func wordIndexFindsTheCandidatesAScanFinds(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let candidates = (0..<Int.random(in: 0...8, using: &rng)).map { _ in
            WordOverlapMatcher.Candidate(identity: [Self.text(&rng)], work: [Self.text(&rng)], other: [Self.text(&rng)])
        }
        let index = WordOverlapMatcher.WordIndex(candidates)
        func has(_ texts: [String], _ w: String) -> Bool {
            texts.flatMap(WordOverlapMatcher.words).contains { WordOverlapMatcher.same($0, w) }
        }
        for w in Self.vocabulary + ["conne", "authenticationx", "x"] {
            let found = index.holders(of: w)
            #expect(found.all == candidates.indices.filter { has(candidates[$0].identity + candidates[$0].work + candidates[$0].other, w) }, "\(w)")
            #expect(found.identity == Set(candidates.indices.filter { has(candidates[$0].identity, w) }), "\(w)")
            #expect(found.work == Set(candidates.indices.filter { has(candidates[$0].work, w) }), "\(w)")
        }
    }

    /// `Phase 99999999999999999999:` trapped converting its number to an Int; a
    /// number beyond Int is no phase heading, and the heading is reported unmapped.
    @Test func aPhaseNumberBeyondIntIsNotAPhase() {
        let text = "# Tracker\n\n## 5. Migration Phases\n\n### Phase 99999999999999999999: Foo (Weeks 1-2)\n\n- Do it\n\n| Constraint | Status |\n|---|---|\n| a | b |\n"
        let imported = Interchange.importTracker(text: text, source: "t.md")
        #expect(imported.plan?.phases.isEmpty == true)
        #expect(imported.diagnostics.contains { $0.message.contains("heading 'Phase 99999999999999999999: Foo (Weeks 1-2)' has no place in a plan") })
    }
}
