import Testing
@testable import SlipwayCore

/// The composer's own rules: repeated keys, aliases and their expanded size.
struct YAMLComposerTests {
    static func compose(_ text: String, limit: Int = .max, fastPath: Bool) -> (diagnostics: [Diagnostic], failure: Diagnostic?) {
        var diagnostics: [Diagnostic] = []
        do {
            _ = try YAMLComposer.compose(text, diagnostics: &diagnostics, nodeLimit: limit, fastPath: fastPath)
            return (diagnostics, nil)
        } catch {
            return (diagnostics, error.diagnostic)
        }
    }

    /// A progress file reports its diagnostics in the order they are found, so
    /// the order is part of the output: a repeated key comes after those inside its value.
    @Test(arguments: [true, false])
    func repeatedKeyIsReportedAfterTheRepeatsInsideItsValue(fastPath: Bool) {
        let text = "updates:\n  - task: a\nupdates:\n  - task: b\n    as-of: week 1\n    as-of: week 2\n"
        let found = Self.compose(text, fastPath: fastPath).diagnostics
        #expect(found.map(\.message) == [
            "duplicate key 'as-of' in one mapping; each key may appear once (the first is used)",
            "duplicate key 'updates' in one mapping; each key may appear once (the first is used)",
        ])
        #expect(found.map { $0.location?.line } == [6, 3])
        #expect(found.flatMap(\.notes).map { $0.location?.line } == [5, 1])
    }

    @Test func manyKeysAreComparedAsStrings() {
        // Past 16 keys the kept keys are indexed by text; "é" written precomposed
        // and decomposed are the same string, so the second is a repeat.
        let keys = (0..<20).map { "k\($0): 1" } + ["\u{E9}: 1", "e\u{301}: 2"]
        let found = Self.compose(keys.joined(separator: "\n") + "\n", fastPath: false).diagnostics
        #expect(found.map(\.id) == ["duplicate-key"])
        #expect(found.first?.location == SourceLocation(line: 22, column: 1))
    }

    @Test func aliasBombIsRefusedWhereItsExpansionCrossesTheLimit() {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        // The limit is 2 nodes per byte and 1,000 more: 1,364. Before `d`'s list
        // the document counts 926 nodes, and each *c stands for 820: the first crosses.
        let refused = Self.compose(bomb, limit: 2 * bomb.utf8.count + 1_000, fastPath: true).failure
        #expect(refused?.id == "alias-expansion")
        #expect(refused?.location == SourceLocation(line: 4, column: 5))
        #expect(Self.compose(bomb, limit: .max, fastPath: true).failure == nil, "without a limit, nothing is counted")
    }

    @Test func aBombLaterOutweighsAnUndefinedAliasEarlier() {
        // As when the expansion was counted in a pass of its own before composing.
        let text = "x: *missing\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        #expect(Self.compose(text, limit: 2 * text.utf8.count + 1_000, fastPath: true).failure?.id == "alias-expansion")
        #expect(Self.compose(text, limit: .max, fastPath: true).failure?.message.contains("undefined alias '*missing'") == true)
    }
}
