import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayInterchange
import SlipwayScheduling
import SlipwayTestSupport

/// `slipway import psplib`: a PSPLIB instance becomes a plan that levels to the
/// instance's optimum, and a malformed file is reported at the line and column
/// of what is wrong.
struct PSPLIBImportTests {
    /// j301_1.sm of PSPLIB (Kolisch & Sprecher 1997), copied from
    /// ../shared/benchmarks/psplib/j30/; its optimum, 43, is from j30opt.sm.
    static func instanceText() throws -> String { try Fixture.text("psplib/j301_1.sm") }

    @Test func j301_1ImportsAsAPlanThatLevelsToItsOptimumAtTheDefaultEffort() throws {
        let imported = Interchange.importPSPLIB(text: try Self.instanceText(), source: "j301_1.sm")
        #expect(imported.diagnostics.isEmpty && imported.planDiagnostics.isEmpty)
        let yaml = try #require(imported.yaml)
        Golden.check(yaml, against: "j301_1.yaml")
        let checked = CheckedPlan.load(text: yaml)
        let plan = try #require(checked.plan)
        #expect(plan.tasks.count == 32)
        #expect(plan.owners.map(\.capacity) == [12, 13, 4, 12])
        let unleveled = try #require(checked.schedule)
        // The critical path without resources (the MPM time of the file's header).
        #expect(unleveled.finish == 38)
        let single = try #require(checked.leveled(.singlePass).schedule)
        let leveled = try #require(checked.leveled().schedule)
        #expect(leveled.finish == 43)
        #expect(single.finish > 43, "the single pass is no longer above the optimum: pick an instance where the search has work to do")
    }

    @Test func theInstanceReadsAsTheFileSaysJobByJob() throws {
        guard case .parsed(let instance) = PSPLIBInstance.parse(text: try Self.instanceText()) else {
            Issue.record("j301_1.sm did not parse"); return
        }
        #expect(instance.duration.count == 32)
        #expect(instance.successors[0] == [1, 2, 3])
        #expect(instance.successors[1] == [5, 10, 14])
        #expect(instance.duration[1] == 8 && instance.demand[1] == [4, 0, 0, 0])
        #expect(instance.duration[3] == 6 && instance.demand[3] == [0, 0, 0, 3])
        #expect(instance.successors[31] == [] && instance.duration[31] == 0)
        #expect(instance.capacity == [12, 13, 4, 12])
    }

    struct Broken: CustomTestStringConvertible, Sendable {
        var name: String
        /// The 1-based line replaced, and its new text (nil removes it; what is
        /// missing is then reported at the last line, 90).
        var line: Int
        var text: String?
        var expected: String
        var testDescription: String { name }
    }

    static let broken: [Broken] = [
        Broken(name: "multi-mode", line: 20, text: "   2        3          3           6  11  15",
               expected: "j301_1.sm:20:13: error: job 2 has 3 modes; only single-mode (.sm) files are supported"),
        Broken(name: "successor beyond the jobs", line: 21, text: "   3        1          3           7   8  99",
               expected: "j301_1.sm:21:43: error: successor 99 of job 3 is beyond the 32 jobs"),
        Broken(name: "successor count", line: 22, text: "   4        1          2           5   9  10",
               expected: "j301_1.sm:22:24: error: job 4 declares 2 successors but lists 3"),
        Broken(name: "job out of sequence", line: 21, text: "   5        1          3           7   8  13",
               expected: "j301_1.sm:21:4: error: expected job 3 here, not job 5"),
        Broken(name: "duration not a number", line: 57, text: "  3      1     4x     10    0    0    0",
               expected: "j301_1.sm:57:16: error: the duration should be a whole number, not '4x'"),
        Broken(name: "negative duration", line: 58, text: "  4      1    -6       0    0    0    3",
               expected: "j301_1.sm:58:15: error: the duration should be at least 0, not -6"),
        Broken(name: "request beyond the availability", line: 56, text: "  2      1     8      40    0    0    0",
               expected: "j301_1.sm:56:23: error: job 2 requests 40 of R 1, which has only 12 (line 90)"),
        Broken(name: "missing request", line: 58, text: "  4      1     6       0    0    0",
               expected: "j301_1.sm:58:34: error: expected job number, mode, duration and 4 requests; found 6 fields"),
        Broken(name: "job count not a number", line: 6, text: "jobs (incl. supersource/sink ):  thirty",
               expected: "j301_1.sm:6:34: error: the number of jobs should be a whole number, not 'thirty'"),
        Broken(name: "more jobs declared than listed", line: 6, text: "jobs (incl. supersource/sink ):  33",
               expected: "j301_1.sm:91:1: error: 33 jobs declared but 32 rows of PRECEDENCE RELATIONS"),
        Broken(name: "no availabilities", line: 90, text: nil,
               expected: "j301_1.sm:90:1: error: no RESOURCEAVAILABILITIES section"),
        Broken(name: "non-renewable resources", line: 10, text: "  - nonrenewable              :  2   N",
               expected: "j301_1.sm:10:1: error: only renewable resources are supported (the single-mode RCPSP); this file has others"),
    ]

    @Test(arguments: broken)
    func aMalformedFileIsReportedAtItsLineAndColumn(_ case_: Broken) throws {
        var lines = try Self.instanceText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let text = case_.text { lines[case_.line - 1] = text } else { lines.remove(at: case_.line - 1) }
        let imported = Interchange.importPSPLIB(text: lines.joined(separator: "\n"), source: "j301_1.sm")
        #expect(imported.yaml == nil)
        #expect(imported.diagnostics.map { $0.rendered(path: "j301_1.sm") } == [case_.expected])
        #expect(imported.diagnostics.first?.code == .malformedPSPLIB)
    }
}
