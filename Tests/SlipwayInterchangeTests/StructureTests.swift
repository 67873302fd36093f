import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SlipwayEngine
import SlipwayCore
import SlipwayInterchange
import SlipwayScheduling
import Testing

@Suite struct StructureTests {
    @Test func mspdiIsProjectXMLWithOutlineLinksAndAssignments() throws {
        let (plan, schedule) = try Fixture.scheduled("links.yaml")
        let xml = try #require(MSPDIExport.render(plan: plan, schedule: schedule).text)
        let doc = try XMLDocument(xmlString: xml, options: [])
        let project = try #require(doc.rootElement())
        #expect(project.name == "Project")
        let tasks = project.elements(forName: "Tasks").first!.elements(forName: "Task")
        func task(_ name: String) -> XMLElement { tasks.first { $0.elements(forName: "Name").first?.stringValue == name }! }
        func value(_ e: XMLElement, _ n: String) -> String? { e.elements(forName: n).first?.stringValue }
        // Project summary, 2 phases, 8 tasks.
        #expect(tasks.count == 11)
        #expect(value(task("Phase 1: Build"), "Summary") == "1" && value(task("Phase 1: Build"), "OutlineLevel") == "1")
        #expect(value(task("Design"), "OutlineLevel") == "2")
        #expect(value(task("Add authentication, IAM roles"), "OutlineLevel") == "1")
        func links(_ name: String) -> [(String, String)] {
            task(name).elements(forName: "PredecessorLink").map { (value($0, "Type")!, value($0, "LinkLag")!) }
        }
        // Codes 0 FF, 1 FS, 2 SF, 3 SS; lags in tenths of a minute: 2d = 960 min, 1d = 480, 1w = 2400.
        #expect(links("Write docs").map(\.0) == ["3"] && links("Write docs").map(\.1) == ["9600"])
        #expect(links("Test the API").map(\.0) == ["0"] && links("Test the API").map(\.1) == ["4800"])
        #expect(links("Sign-off prepared").map(\.0) == ["2"] && links("Sign-off prepared").map(\.1) == ["24000"])
        #expect(links("Build the API").map(\.0) == ["1"])
        // deploy follows tests and the constraint, i.e. its mitigation 'auth'.
        #expect(links("Deploy").count == 2)
        #expect(value(task("Live"), "Milestone") == "1" && value(task("Live"), "Duration") == "PT0H0M0S")
        #expect(value(task("Build the API"), "Duration") == "PT80H0M0S")
        #expect(value(task("Deploy"), "ConstraintType") == "4" && value(task("Deploy"), "ConstraintDate") == "2025-02-03T08:00:00")
        let resources = project.elements(forName: "Resources").first!.elements(forName: "Resource")
        #expect(resources.count == 2)
        let assignments = project.elements(forName: "Assignments").first!.elements(forName: "Assignment")
        #expect(assignments.count == 5)  // auth, design, build-api, tests, deploy (2 units)
    }

    @Test func mspdiCarriesASavedBaseline() throws {
        let (plan, schedule) = try Fixture.scheduled("links.yaml")
        let baseline = Baseline(plan: plan, schedule: schedule, name: "default", planFile: "links.yaml",
                                planHash: "0", progressHash: nil, savedAt: "2025-01-10T00:00:00Z")
        let xml = try #require(Interchange.export(plan: plan, schedule: schedule, format: .mspdi, baseline: baseline).text)
        let doc = try XMLDocument(xmlString: xml, options: [])
        let tasks = try #require(doc.rootElement()).elements(forName: "Tasks").first!.elements(forName: "Task")
        let withBaseline = tasks.filter { !$0.elements(forName: "Baseline").isEmpty }
        #expect(withBaseline.count == plan.tasks.count, "every task, none of the phase summaries")
        let build = try #require(tasks.first { $0.elements(forName: "Name").first?.stringValue == "Build the API" })
        let saved = try #require(build.elements(forName: "Baseline").first)
        // The baseline is the schedule itself here, so its dates are the task's own.
        #expect(saved.elements(forName: "Start").first?.stringValue == build.elements(forName: "Start").first?.stringValue)
        #expect(saved.elements(forName: "Finish").first?.stringValue == build.elements(forName: "Finish").first?.stringValue)
        #expect(saved.elements(forName: "Number").first?.stringValue == "0")
    }

    @Test func trackerTableMarksConstraintsWhoseMitigationIsCritical() throws {
        // a (3w) mitigates k and drives t (1w): a is critical (F = 4), while k's resolution
        // at 3 feeds nothing and so floats 1 -- k is still on the critical path through a.
        // m2 (1w) of k2 floats 3: k2 is not.
        let (plan, schedule) = try Fixture.scheduled(text: """
            plan: Table
            constraints:
              - {id: k, title: K one, severity: high, target: week 3, mitigations: [{id: a, duration: 3w}]}
              - {id: k2, title: K two, severity: low, target: week 3, mitigations: [{id: m2, duration: 1w}]}
            tasks:
              - {id: t, duration: 1w, after: [a]}
            """)
        #expect(!schedule.isCritical(.resolution(0)))
        let text = try #require(TrackerExport.render(plan: plan, schedule: schedule).text)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| K ") }
        #expect(rows.count == 2)
        #expect(rows.first { $0.hasPrefix("| K one") }?.contains("| Yes |") == true)
        #expect(rows.first { $0.hasPrefix("| K two") }?.contains("| No |") == true)
    }

    @Test func icsFollowsRFC5545FoldingAndEscaping() throws {
        let (plan, schedule) = try Fixture.scheduled("links.yaml")
        let text = try #require(ICSExport.render(plan: plan, schedule: schedule).text)
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 3)  // milestone, target, deadline
        // Unfolded, the constraint's title keeps its quotes and has its ';' and ',' escaped.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:auth-missing: No authentication\\; \"auth\" blocks rollout\\nTarget: end of week 2."))
        #expect(unfolded.contains("SUMMARY:Target: No authentication\\; \"auth\" blocks rollout (critical)"))
        // Live is at t = 3.8: Thursday 2025-02-06.
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20250206\r\nDTEND;VALUE=DATE:20250207"))
    }

    @Test func icsFoldsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = ICSExport.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 2 && parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts[1].hasPrefix(" "))
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ICSExport.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func icsNeedsAStartDate() throws {
        let (plan, schedule) = try Fixture.scheduled(text: "plan: P\ntasks:\n  - id: a\n    duration: 1w\n")
        let exported = ICSExport.render(plan: plan, schedule: schedule)
        #expect(exported.text == nil && exported.diagnostics.first?.id == "no-start")
    }

    /// Three chained tasks of the longest duration a plan allows (521,775 weeks): the
    /// third starts at week 1,043,550, beyond the million weeks that have dates. The
    /// export trapped on the missing date; it is refused at the task's line.
    @Test func mermaidRefusesAStartBeyondTheCalendar() throws {
        let text = "plan: P\ntasks:\n  - {id: a, duration: 521775w}\n  - {id: b, duration: 521775w, after: [a]}\n  - {id: c, duration: 521775w, after: [b]}\n"
        let (plan, schedule) = try Fixture.scheduled(text: text)
        let exported = MermaidExport.render(plan: plan, schedule: schedule)
        let error = try #require(exported.diagnostics.first)
        #expect(exported.text == nil && error.id == "no-date" && error.location?.line == 5)
        #expect(error.message == "'c' starts at week 1043550, beyond the dates a Mermaid chart can show (a million weeks from the start)")
        // Two of them still fit: b starts at week 521,775.
        let (near, nearSchedule) = try Fixture.scheduled(text: "plan: P\ntasks:\n  - {id: a, duration: 521775w}\n  - {id: b, duration: 521775w, after: [a]}\n")
        #expect(MermaidExport.render(plan: near, schedule: nearSchedule).text != nil)
    }

    @Test func mermaidTagsCriticalTasksInPhaseSections() throws {
        let (plan, schedule) = try Fixture.scheduled("links.yaml")
        let text = try #require(MermaidExport.render(plan: plan, schedule: schedule).text)
        #expect(text.hasPrefix("```mermaid\ngantt\n") && text.hasSuffix("```\n"))
        #expect(text.contains("    section Phase 1 - Build\n    Design :crit, design, 2025-01-13, 5d\n"))
        // Mermaid draws a milestone at its date's midnight: Friday 00:00 is where the 3-day deploy (Tue-Thu) ends.
        #expect(text.contains("    Live :milestone, crit, live, 2025-02-07, 0d"))
        #expect(text.contains("Write docs :docs, "))
    }

    @Test func tjpHasTasksDependenciesAndAllocations() throws {
        let (plan, schedule) = try Fixture.scheduled("links.yaml")
        let exported = TJPExport.render(plan: plan, schedule: schedule)
        let text = try #require(exported.text)
        #expect(text.contains("task build \"Phase 1: Build\" {"))
        #expect(text.contains("    depends build.build_api { onstart gaplength 16h }"))
        #expect(text.contains("    length 10d\n    depends build.design\n    allocate core_team"))
        // FF and SF links become the start-to-start links they equal for fixed lengths:
        // tests (1w) FF+1d after build-api (2w) is SS + (2 + 0.2 - 1)w = 1.2w = 48h;
        // sign-off (2d) SF+1w after tests is SS + (1 - 0.4)w = 0.6w = 24h.
        #expect(text.contains("depends build.build_api { onstart gaplength 48h }"))
        #expect(text.contains("depends build.tests { onstart gaplength 24h }"))
        #expect(!exported.diagnostics.contains { $0.message.contains("FF links") || $0.message.contains("SF links") })
    }
}
