import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

struct DiagnosticTests {
    @Test func rendersCompilerStyleWithNotes() {
        let d = Diagnostic.error(.dependencyCycle, at: SourceLocation(line: 12, column: 5), "dependency cycle: 'a' -> 'a'",
                                 notes: [.init("'a' comes after 'a'", at: SourceLocation(line: 13, column: 7))])
        #expect(d.rendered(path: "plan.yaml") == "plan.yaml:12:5: error: dependency cycle: 'a' -> 'a'\nplan.yaml:13:7: note: 'a' comes after 'a'")
    }

    @Test func floodsOfOneKindAreCountedNotListed() {
        let many = (1...5).map { Diagnostic.warning(.phaseOverrun, at: SourceLocation(line: $0, column: 1), "late \($0)") }
            + [Diagnostic.warning(.deadlineMissed, at: nil, "late plan")]
        let limited = many.limitedPerID(2)
        #expect(limited.map(\.message) == ["late 1", "late 2", "late plan", "... and 3 more 'phase-overrun' warnings like the ones above"])
    }

    @Test func sortsByPlaceKeepingTheOrderOfFindingsAtOnePlace() {
        let a = Diagnostic.error(DiagnosticCode("x"), at: SourceLocation(line: 3, column: 1), "a")
        let b = Diagnostic.error(DiagnosticCode("y"), at: SourceLocation(line: 1, column: 9), "b")
        let c = Diagnostic.error(DiagnosticCode("z"), at: SourceLocation(line: 3, column: 1), "c")
        #expect([a, b, c].sortedByLocation().map(\.message) == ["b", "a", "c"])
    }
}

struct FilePathTests {
    @Test(arguments: [
        ("plans/x.yaml", "plans", "x.yaml", "x"), ("x.yml", "", "x.yml", "x"), ("-", "", "-", "-"),
        ("/x", "/", "x", "x"), ("a/b/c.json", "a/b", "c.json", "c.json"), (".yaml", "", ".yaml", ".yaml"),
    ])
    func splitsPathsWithoutFoundation(_ path: String, _ directory: String, _ name: String, _ stem: String) {
        #expect(FilePath.directory(of: path) == directory)
        #expect(FilePath.name(of: path) == name)
        #expect(FilePath.stem(of: path) == stem)
    }
}
