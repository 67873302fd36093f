import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
@testable import SlipwayInterchange

/// Mermaid gantt charts into plans, by hand, and Slipway's own export back.
struct MermaidImportTests {
    @Test func readsSectionsIdsAfterLinksDurationsAndStatus() throws {
        let text = """
            # Roadmap

            ```mermaid
            gantt
                title Launch
                dateFormat YYYY-MM-DD
                excludes weekends
                section Build
                Design :done, design, 2025-01-13, 5d
                Implement :active, impl, after design, 2w
                section Ship
                Release :milestone, rel, after impl, 0d
                Docs :docs, 2025-01-20, 2025-01-24
            ```
            """
        let imported = Interchange.importMermaid(text: text, source: "roadmap.md")
        #expect(imported.planDiagnostics.isEmpty, "\(imported.planDiagnostics)")
        let plan = try #require(imported.plan)
        #expect(plan.title == "Launch" && plan.phases.map(\.name) == ["Build", "Ship"])
        #expect(plan.tasks.map(\.id) == ["design", "impl", "rel", "docs"])
        #expect(plan.calendar.start == CivilDate(year: 2025, month: 1, day: 13) && plan.calendar.daysPerWeek == 5)
        let design = plan.tasks[0], impl = plan.tasks[1], rel = plan.tasks[2], docs = plan.tasks[3]
        // 5 working days = 1 week, done in week 1: the status date is its end.
        #expect(design.duration == 1 && design.progress.actualFinish == 1 && plan.statusDate == 1)
        #expect(impl.after.map(\.id) == ["design"] && impl.duration == 2)
        #expect(rel.isMilestone && rel.after.map(\.id) == ["impl"])
        // 2025-01-20 (Monday of week 2) to Friday 2025-01-24: t = 1 to 2.
        #expect(docs.notBefore == 1 && docs.duration == 1)
        let yaml = try #require(imported.yaml)
        let schedule = try #require(CheckedPlan.load(text: yaml).schedule)
        #expect(schedule.finish == 3, "design 0-1, impl 1-3, release at 3")
        #expect(imported.diagnostics.contains { $0.message.contains("'Implement' is active") })
    }

    /// The AWS plan exported to Mermaid and imported again: every task at the
    /// same start and finish.
    @Test func slipwaysOwnExportReadsBackToTheSameSchedule() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("plans/aws-migration.yaml").path
        let checked = CheckedPlan.load(path: path)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let text = try #require(MermaidExport.render(plan: plan, schedule: schedule).text)
        let imported = Interchange.importMermaid(text: text, source: "aws.md")
        let yaml = try #require(imported.yaml)
        let back = CheckedPlan.load(text: yaml)
        let plan2 = try #require(back.plan), schedule2 = try #require(back.schedule)
        #expect(abs(schedule2.finish - schedule.finish) < 1e-6)
        for (j, task) in plan.tasks.enumerated() {
            let k = try #require(plan2.tasks.firstIndex { $0.id == task.id.replacingOccurrences(of: ".", with: "-") })
            #expect(abs(schedule2.start(k) - schedule.start(j)) < 1e-6, "\(task.id) start")
            #expect(abs(schedule2.finish(k) - schedule.finish(j)) < 1e-6, "\(task.id) finish")
        }
    }

    /// Windows line endings and a BOM read as the same chart (CRLF is one Character in Swift).
    @Test func crlfAndABOMReadTheSame() throws {
        let text = "# R\n\n```mermaid\ngantt\n    title Launch\n    dateFormat YYYY-MM-DD\n    section Build\n    Design :design, 2025-01-13, 5d\n    Ship :ship, after design, 2d\n```\n"
        let plain = Interchange.importMermaid(text: text, source: "r.md")
        let windows = Interchange.importMermaid(text: "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"), source: "r.md")
        #expect(try #require(plain.plan).tasks.count == 2)
        #expect(windows.yaml == plain.yaml)
    }

    @Test func aFileWithoutAGanttChartIsAnError() {
        let imported = Interchange.importMermaid(text: "# Notes\nnothing here\n", source: "notes.md")
        #expect(imported.yaml == nil && imported.diagnostics.first?.code == .notMermaidGantt)
    }
}
