import Foundation
import SlipwayEngine
import SlipwayRendering
import Testing

@Suite struct GanttChartTests {
    @Test func everyTaskHasABarOrADiamondAndCriticalOnesAreMarked() throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let document = try SVGDocument(Diagram.render(.gantt, format: .svg, plan: plan, schedule: schedule).data)
        let bars = document.nodes.filter { $0.classes.contains("bar") || $0.classes.contains("milestone") }
        #expect(Set(bars.map(\.title)) == ["bar:api-freeze", "bar:write-docs", "bar:backend", "bar:frontend", "bar:release",
                                           "milestone:done"])
        let critical = Set(document.nodes.filter { $0.classes.contains(DiagramStyle.criticalClass) }.map(\.title))
        #expect(critical == ["bar:backend", "bar:release", "milestone:done"])
        // Float trails the tasks that have some: api-freeze 1w, write-docs 3w, frontend 1w.
        #expect(Set(document.groups(withClass: "float").map(\.title)) == ["float:api-freeze", "float:write-docs", "float:frontend"])
        #expect(document.groups(withClass: "deadline").count == 1)
    }

    /// The chart is pinned: x = left columns + t × week width. With a 6-week axis
    /// the week is 60 points wide, so backend (0–3) is 180 points and frontend (1–2) 60.
    @Test func barsArePlacedOnTheWeekScale() throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let spec = GanttChart.graph(plan: plan, schedule: schedule)
        func attribute(_ node: String, _ name: String) -> String? {
            spec.nodes.first { $0.name == node }?.attributes.last { $0.name == name }.map {
                if case .text(let text) = $0.value { return text }
                return nil
            } ?? nil
        }
        #expect(attribute("bar:backend", "width") == DiagramStyle.inches(180))
        #expect(attribute("bar:frontend", "width") == DiagramStyle.inches(60))
        let backendX = attribute("bar:backend", "pos")?.split(separator: ",").first.flatMap { Double($0) }
        let frontendX = attribute("bar:frontend", "pos")?.split(separator: ",").first.flatMap { Double($0) }
        // Centres: backend at left + 90, frontend at left + 60 + 30.
        #expect(backendX != nil && frontendX != nil && backendX == frontendX)
    }

    /// A holiday is a column behind the rows, one day wide: Mon 2025-01-20 is
    /// t in [1.0, 1.2), so with a 2-week axis of 60-point weeks it is 12 points wide.
    @Test func holidaysAreShadedColumns() throws {
        let (plan, schedule) = try Fixtures.scheduled(text: """
            plan: Holiday
            start: 2025-01-13
            holidays: [{date: 2025-01-20, name: MLK Day}]
            tasks:
              - {id: a, duration: 1w}
              - {id: b, duration: 3d, after: [a]}
            """)
        let spec = GanttChart.graph(plan: plan, schedule: schedule)
        let holiday = try #require(spec.nodes.first { $0.name == "holiday:1" })
        let width = holiday.attributes.last { $0.name == "width" }.flatMap { attribute -> String? in
            if case .text(let text) = attribute.value { return text }
            return nil
        }
        #expect(width == DiagramStyle.inches(12))
        let document = try SVGDocument(Diagram.render(.gantt, format: .svg, plan: plan, schedule: schedule).data)
        #expect(document.nodes.contains { $0.classes.contains("holiday") })
    }

    /// A plan of 1,043,550 weeks drew an axis label and a grid line per week (over
    /// a million elements) and did not finish; the chart now stops at 20,000
    /// points wide, so weeks narrow and the axis thins to one label in 40 points.
    @Test func aPlanOfTenThousandYearsKeepsItsChartSmall() throws {
        let text = "plan: P\ntasks:\n  - {id: a, duration: 521775w}\n  - {id: b, duration: 521775w, after: [a]}\n"
        let (plan, schedule) = try Fixtures.scheduled(text: text)
        let spec = GanttChart.graph(plan: plan, schedule: schedule)
        let axis = spec.nodes.filter { $0.name.hasPrefix("axis:W") }.count
        let grid = spec.nodes.filter { $0.name.hasPrefix("grid:") }.count
        // 1,043,550 weeks over 20,000 points: 40 points are 2,087.1 weeks, so a label
        // every 2,088 weeks: 500 labels (0, 2088, ..., 1,041,912) and 500 grid lines.
        #expect(axis == 500 && grid == 500, "\(axis) labels, \(grid) grid lines")
        // A short plan keeps a line per week: review.yaml's axis has 6 weeks, 7 lines.
        let (short, shortSchedule) = try Fixtures.scheduled("review.yaml")
        #expect(GanttChart.graph(plan: short, schedule: shortSchedule).nodes.filter { $0.name.hasPrefix("grid:") }.count == 7)
    }

    @Test func baselineBarsAreDrawnWhenGiven() throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let backend = plan.taskIndex(of: "backend")!
        let spec = GanttChart.graph(plan: plan, schedule: schedule, baseline: [backend: .init(start: 0, finish: 2)])
        #expect(spec.nodes.filter { $0.name.hasPrefix("baseline:") }.map(\.name) == ["baseline:backend"])
        #expect(GanttChart.graph(plan: plan, schedule: schedule).nodes.allSatisfy { !$0.name.hasPrefix("baseline:") })
    }

    @Test func workDoneIsDrawnAlongStartedAndFinishedBars() throws {
        // a is finished (all done), b is 25% done, c has not started: bands on a and b only,
        // b's a quarter of its bar.
        let (plan, schedule) = try Fixtures.scheduled(text: """
            plan: Status
            status-date: week 2
            tasks:
              - {id: a, duration: 1w, actual-start: week 1, actual-finish: week 1}
              - {id: b, duration: 4w, after: [a], actual-start: week 2, progress: 25}
              - {id: c, duration: 1w, after: [b]}
            """)
        let spec = GanttChart.graph(plan: plan, schedule: schedule)
        let done = spec.nodes.filter { $0.name.hasPrefix("done:") }
        #expect(done.map(\.name) == ["done:a", "done:b"])
        func width(_ node: String) -> Double? {
            guard let value = spec.nodes.first(where: { $0.name == node })?.attributes.last(where: { $0.name == "width" })?.value,
                  case .text(let text) = value else { return nil }
            return Double(text)
        }
        let bar = try #require(width("bar:b")), band = try #require(width("done:b"))
        #expect(abs(band - bar / 4) < 0.01)
    }
}
