import Foundation
import Testing
@testable import SlipwayCore
import SlipwayEngine

/// `YAMLFastPath` must give the tree libyaml gives, node for node (marks, text,
/// dropped keys) with the same diagnostics, or give up: never read differently.
struct YAMLFastPathTests {
    struct Reading: Equatable {
        var nodes: [YAMLTree.Node]
        var text: [UInt8]
        var root: Int
        var diagnostics: [Diagnostic]
    }

    /// The fast path's reading of `text`, nil when it gives up.
    static func fast(_ text: String) -> Reading? {
        var text = text
        var diagnostics: [Diagnostic] = []
        let root = text.withUTF8 { buffer in
            YAMLFastPath.compose(buffer, builder: YAMLComposer.Builder(bytes: buffer.count, nodeLimit: .max, counting: false),
                                 diagnostics: &diagnostics)
        }
        return root.map { Reading(nodes: $0.tree.nodes, text: $0.tree.text.array, root: $0.index, diagnostics: diagnostics) }
    }

    /// libyaml's reading of `text`, nil when it has no document or is malformed.
    static func libyaml(_ text: String) -> Reading? {
        var diagnostics: [Diagnostic] = []
        guard let root = try? YAMLComposer.compose(text, diagnostics: &diagnostics, nodeLimit: .max, fastPath: false) else { return nil }
        return Reading(nodes: root.tree.nodes, text: root.tree.text.array, root: root.index, diagnostics: diagnostics)
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let awsPlan = (try? String(contentsOf: directory.appendingPathComponent("../../plans/aws-migration.yaml"), encoding: .utf8)) ?? ""

    /// Plans as people write them, and the invalid fixtures.
    static var corpus: [String] {
        let fixtures = PlanValidationTests.fixtures.compactMap {
            try? String(contentsOf: PlanValidationTests.directory.appendingPathComponent($0), encoding: .utf8)
        }
        return [awsPlan, PlanLoaderTests.fullPlan, SyntheticPlan.mixed(tasks: 600, seed: 3), SyntheticPlan.layered(tasks: 60),
                SyntheticPlan.withOwners(tasks: 60, seed: 4)] + fixtures
    }

    @Test func readsThePlansItIsFor() throws {
        for text in [Self.awsPlan, PlanLoaderTests.fullPlan, SyntheticPlan.mixed(tasks: 600, seed: 3), SyntheticPlan.layered(tasks: 60)] {
            let fast = try #require(Self.fast(text), "gave up on \(text.prefix(60))")
            #expect(fast == Self.libyaml(text))
        }
        #expect(!Self.awsPlan.isEmpty)
    }

    @Test(arguments: [
        "a: 1\nb:\n  - x\n  - 'y z'\n  - {k: -2d, l: \"m # n\"}\n  - [p, q r, []]\n",
        "a: 1\na: 2\nb: {c: 1, c: 2}\n",
        "k: v # comment\n# a: 1\n  # indented comment\n\nl:   w  \n",
        "t: caf\u{E9} \u{2192} na\u{EF}ve\nu: [\u{E9}, \"\u{2192}\", {\u{E9}: x}]\n",
        "list:\n  - id: a\n    after:\n      - b\n      - {id: c, type: FF}\n  - id: d\n",
        "url: http://x.y/z?a=b#frag\ntime: 12:30\nneg: -1\n",
    ])
    func readsTheSubsetAsLibyamlDoes(_ text: String) throws {
        let fast = try #require(Self.fast(text))
        #expect(fast == Self.libyaml(text))
    }

    @Test(arguments: [
        "a: b\n  c\n",                       // a plain scalar on two lines
        "a:\n- b\n",                         // a sequence not indented under its key
        "a:\nb: 1\n",                        // an empty value
        "a: &x 1\nb: *x\n",                  // anchor and alias
        "a: !!str 1\n",                      // tag
        "a: |\n  text\n",                    // block scalar
        "a: \"x\\ty\"\n",                    // escape
        "a: 'it''s'\n",                      // escaped quote
        "a:\tb\n",                           // tab
        "a: b\r\nc: d\r\n",                  // CR
        "---\na: b\n",                       // document marker
        "\u{FEFF}a: b\n",                    // byte-order mark
        "a: [b,\n  c]\n",                    // flow collection on two lines
        "? a\n: b\n",                        // explicit key
        "a: [b: c]\n",                       // single-pair mapping in a flow sequence
        "- a\n- b\n",                        // root sequence
        "a: b: c\n",                         // mapping value where none may be
        "a: x\u{2028}y\n",                   // line separator
    ])
    func givesUpOutsideTheSubset(_ text: String) {
        #expect(Self.fast(text) == nil)
    }

    /// Thousands of mutations of the corpus (cut, insert YAML punctuation,
    /// repeat or swap lines): wherever the fast path reads one, it reads it as libyaml does.
    @Test func agreesWithLibyamlOnMutatedPlans() {
        var rng = SplitMix64(seed: 2027)
        let corpus = Self.corpus
        let tokens = [":", ": ", "-", "- ", "#", " #", "[", "]", "{", "}", ",", "'", "\"", "\n", "\n  ", "  ", "?", "&a ", "*a", "!",
                      "|", ">", "%", "@", "`", "\u{E9}", "\u{2192}", "\t", "\\", "---", "x: y", "- id: t", "{id: a, type: SS}", "[a, b]"]
        var read = 0, agreed = 0
        for round in 0..<3_000 {
            var lines = corpus[round % corpus.count].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.count > 80 {
                let start = Int(rng.next() % UInt64(lines.count - 80))
                lines = Array(lines[start..<start + 80])
            }
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let i = Int(rng.next() % UInt64(lines.count))
                var chars = Array(lines[i])
                switch rng.next() % 5 {
                case 0 where !chars.isEmpty:
                    let at = Int(rng.next() % UInt64(chars.count))
                    chars.removeSubrange(at..<min(chars.count, at + 1 + Int(rng.next() % 4)))
                case 1:
                    let at = chars.isEmpty ? 0 : Int(rng.next() % UInt64(chars.count + 1))
                    chars.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: at)
                case 2:
                    lines.insert(lines[Int(rng.next() % UInt64(lines.count))], at: i)
                case 3:
                    lines.swapAt(i, Int(rng.next() % UInt64(lines.count)))
                default:
                    if !chars.isEmpty { chars[Int(rng.next() % UInt64(chars.count))] = " " }
                }
                if i < lines.count { lines[i] = String(chars) }
            }
            let text = lines.joined(separator: "\n")
            guard let fast = Self.fast(text) else { continue }
            read += 1
            let slow = Self.libyaml(text)
            #expect(fast == slow, "differs on:\n\(text)")
            if fast == slow { agreed += 1 }
        }
        // The mutations must leave many texts inside the subset, or the test proves little.
        #expect(read > 1_000)
        #expect(agreed == read)
    }
}
