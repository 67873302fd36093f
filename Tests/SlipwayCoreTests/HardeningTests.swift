import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// Regressions of issue 13's smaller cases, each on its minimal input.
struct HardeningTests {
    /// A non-UTF-8 byte is reported at its line and column.
    @Test func nonUTF8IsLocatedAtItsFirstBadByte() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-utf8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("p.yaml").path
        try Data("plan: caf".utf8 + [0xE9] + Array("\ntasks: []\n".utf8)).write(to: URL(fileURLWithPath: path))
        let loaded = PlanLoader.load(path: path)
        let d = try #require(loaded.diagnostics.first)
        #expect(d.code == .notUtf8 && d.location == SourceLocation(line: 1, column: 10))
        #expect(UTF8Check.firstInvalid(in: Array("ok\né\n".utf8)) == nil)
        #expect(UTF8Check.firstInvalid(in: [0x61, 0x0A, 0x62, 0xED, 0xA0, 0x80]) == SourceLocation(line: 2, column: 2), "a surrogate")
        #expect(UTF8Check.firstInvalid(in: [0xC0, 0xAF]) == SourceLocation(line: 1, column: 1), "an overlong form")
    }

    /// 200,000 copies of one link: one warning with the count.
    @Test func duplicateLinksAreOneWarning() {
        let text = "plan: dup\ntasks:\n  - {id: a, duration: 1w}\n  - id: b\n    duration: 1w\n    after: [" + Array(repeating: "a", count: 2_000).joined(separator: ", ") + ", \"a SS\"]\n"
        let warnings = PlanLoader.load(text: text).diagnostics.filter { $0.code == .duplicateLink }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message == "'b' follows 'a' 2000 times with the same type and lag; the 1999 copies add nothing: remove them")
    }

    /// A loop of 5,000 tasks is told by its ends and its length.
    @Test func aLongCycleIsCapped() throws {
        let n = 5_000
        let text = "plan: cycle\ntasks:\n" + (0..<n).map { "  - {id: t\($0), duration: 1w, after: [t\(($0 + 1) % n)]}" }.joined(separator: "\n") + "\n"
        let checked = CheckedPlan.load(text: text)
        let cycle = try #require(checked.diagnostics.first { $0.code == .dependencyCycle })
        #expect(cycle.message.contains("... (5000 tasks in all) ..."))
        #expect(cycle.message.count < 600)
        #expect(cycle.notes.count == 21)
        #expect(cycle.notes[10].message == "... 4980 more links of the loop ...")
    }

    /// A sidecar of comments alone takes an update (it used to be refused).
    @Test func aSidecarOfCommentsTakesAnUpdate() throws {
        let text = ProgressLog.appending(ProgressLog.Update(task: "a", asOf: 1, percent: 50), to: "# notes\n", planFile: "p.yaml",
                                         calendar: WorkCalendar(start: nil))
        #expect(text.hasPrefix("# notes\nupdates:\n  - task: a\n"))
        let plan = PlanLoader.load(text: "plan: p\ntasks:\n  - {id: a, duration: 2w}\n", progress: ProgressLog.Source(path: "p.progress.yaml", text: text))
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics)")
        #expect(plan.plan?.tasks.first?.progress.percent == 50)
    }
}
