import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
@testable import SlipwayInterchange

/// `slipway import mspdi --lenient` (issue 15, point 5): a well-formed file with
/// elements that cannot be read imports without them, each dropped item a warning
/// at its line and counted on the summary line; without the flag the same faults
/// refuse the file, each an error at its line. One fixture per kind of fault
/// (Fixtures/mspdi-lenient): its counts worked out by hand in its opening comment,
/// its expected summary and diagnostics inline in the `<?expect ... ?>` processing
/// instruction after it (an XML comment cannot hold the `--` of `--lenient`).
struct MSPDILenientTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mspdi-lenient")
    static let fixtures = ["unreadable-task.xml", "unreadable-link.xml", "unknown-assignment.xml", "impossible-date.xml", "bad-number.xml"]

    /// A fixture's text and the expectations of its `<?expect` instruction.
    struct Expected {
        var text: String
        var summary: String
        /// `LINE message` lines: the warnings with --lenient.
        var lenient: [String]
        /// `LINE severity: message` lines: the diagnostics without it.
        var strict: [String]

        init(_ name: String) throws {
            text = try String(contentsOf: MSPDILenientTests.directory.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            summary = lines.first { $0.hasPrefix("lenient-summary: ") }.map { String($0.dropFirst("lenient-summary: ".count)) } ?? ""
            lenient = lines.filter { $0.hasPrefix("lenient: ") }.map { String($0.dropFirst("lenient: ".count)) }
            strict = lines.filter { $0.hasPrefix("strict: ") }.map { String($0.dropFirst("strict: ".count)) }
        }
    }

    static func lenient(_ d: Diagnostic) -> String { "\(d.location?.line ?? 0) \(d.message)" }
    static func strict(_ d: Diagnostic) -> String { "\(d.location?.line ?? 0) \(d.severity == .error ? "error" : "warning"): \(d.message)" }

    @Test(arguments: fixtures)
    func leniently(_ name: String) throws {
        let expected = try Expected(name)
        #expect(!expected.lenient.isEmpty && !expected.summary.isEmpty, "the fixture states what it expects")
        let imported = Interchange.importMSPDI(text: expected.text, source: name, lenient: true)
        #expect(imported.yaml != nil, "\(imported.planDiagnostics.map { $0.rendered(path: "plan") })")
        #expect(imported.diagnostics.map(Self.lenient) == expected.lenient)
        #expect(imported.diagnostics.allSatisfy { $0.severity == .warning && $0.id == DiagnosticCode.mspdiDropped.rawValue })
        #expect(imported.summary == expected.summary)
    }

    @Test(arguments: fixtures)
    func strictly(_ name: String) throws {
        let expected = try Expected(name)
        let imported = Interchange.importMSPDI(text: expected.text, source: name)
        #expect(imported.diagnostics.map(Self.strict) == expected.strict)
        // Refused, nothing to write, when a fault is an error; no summary either way.
        #expect((imported.yaml == nil) == imported.diagnostics.contains { $0.severity == .error })
        #expect(imported.yaml == nil && imported.summary == nil)
    }

    func plan(_ name: String) throws -> (Plan, Schedule) {
        let imported = Interchange.importMSPDI(text: try Expected(name).text, source: name, lenient: true)
        return try Fixture.scheduled(text: try #require(imported.yaml))
    }

    /// Cutover and Report are gone with their links; Verify keeps its link from
    /// Design (weeks 1-1.4: 16 hours is 0.4 of a 40-hour week), Close its link from Verify.
    @Test func aDroppedTaskTakesItsLinksAndAssignmentWithIt() throws {
        let (plan, schedule) = try plan("unreadable-task.xml")
        #expect(plan.tasks.map(\.id) == ["design", "verify", "close"])
        #expect(plan.tasks[1].after.map(\.id) == ["design"] && plan.tasks[2].after.map(\.id) == ["verify"])
        #expect(plan.tasks[0].owner == "ana")
        #expect(abs(schedule.finish(1) - 1.4) < 1e-9 && abs(schedule.finish(2) - 1.6) < 1e-9)
    }

    @Test func anUnreadableLinkIsDroppedAndItsTasksStay() throws {
        let (plan, _) = try plan("unreadable-link.xml")
        #expect(plan.tasks.map(\.id) == ["a", "b", "c"])
        #expect(plan.tasks.map { $0.after.map(\.id) } == [[], ["a"], []])
    }

    @Test func anAssignmentToNothingIsDroppedAndTheGoodOneKept() throws {
        let (plan, _) = try plan("unknown-assignment.xml")
        #expect(plan.tasks.map(\.owner) == ["ana"] && plan.tasks[0].needs.isEmpty)
    }

    /// Without its deadline, start-no-earlier-than and actual start, Build is an
    /// unstarted week after Design: week 1 to 2.
    @Test func anImpossibleDateIsLeftOutAndItsTaskStays() throws {
        let (plan, schedule) = try plan("impossible-date.xml")
        let build = plan.tasks[1]
        #expect(build.due == nil && build.notBefore == nil && build.progress.actualStart == nil)
        #expect(schedule.start(1) == 1 && schedule.finish(1) == 2)
    }

    /// Build: 80 hours is 2 weeks, no percent, no fixed cost, no link (its lag was
    /// unreadable): weeks 0-2; Ana keeps capacity 1 and is its one-unit owner.
    @Test func anUnreadableNumberIsLeftOut() throws {
        let (plan, schedule) = try plan("bad-number.xml")
        let build = plan.tasks[1]
        #expect(build.progress.percent == nil && build.cost == nil && build.after.isEmpty)
        #expect(build.owner == "ana" && build.needs.isEmpty && plan.owners[0].capacity == 1)
        #expect(schedule.start(1) == 0 && schedule.finish(1) == 2)
    }

    /// Not well-formed XML is refused with --lenient too: nothing to drop, no tree to read.
    @Test func malformedXMLIsRefusedEvenLeniently() {
        guard case .failed(let d) = MSPDIImport.run(xml: "<?xml version=\"1.0\"?>\n<Project><Tasks><Task>", lenient: true) else {
            Issue.record("a truncated file was imported")
            return
        }
        #expect(d.severity == .error && d.id == DiagnosticCode.malformedXml.rawValue)
        #expect(Interchange.importMSPDI(text: "<Project><Tasks>", source: "cut.xml", lenient: true).yaml == nil)
    }

    /// A file without faults imports the same plan with or without the flag, and
    /// the lenient summary says nothing was dropped.
    @Test func aCleanFileImportsTheSameEitherWay() throws {
        let xml = try Expected("unreadable-link.xml").text
            .replacingOccurrences(of: "<PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink>", with: "")
            .replacingOccurrences(of: "<Type>7</Type>", with: "<Type>3</Type>")
            .replacingOccurrences(of: "<LinkLag>ten</LinkLag>", with: "<LinkLag>4800</LinkLag>")
        let strict = Interchange.importMSPDI(text: xml, source: "clean.xml")
        let lenient = Interchange.importMSPDI(text: xml, source: "clean.xml", lenient: true)
        #expect(strict.diagnostics.isEmpty && lenient.diagnostics.isEmpty)
        let body = { (yaml: String?) in yaml?.split(separator: "\n").dropFirst().joined(separator: "\n") }
        #expect(body(strict.yaml) != nil && body(strict.yaml) == body(lenient.yaml))
        #expect(lenient.summary == "imported 3 tasks, 3 links; dropped nothing")
    }
}
