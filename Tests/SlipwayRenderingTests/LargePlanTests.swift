import Foundation
import SlipwayEngine
import SlipwayRendering
import Testing

@Suite struct LargePlanTests {
    @Test func aPlanOfTwoThousandTasksRendersEveryTask() throws {
        let (plan, schedule) = try Fixtures.scheduled(text: Fixtures.generatedPlan(tasks: 2_000))
        #expect(plan.tasks.count == 2_000)
        let spec = NetworkDiagram.graph(plan: plan, schedule: schedule)
        #expect(LayoutBudget.excess(of: spec, engine: .dot) == nil)
        let document = try SVGDocument(GraphvizRenderer.render(spec, engine: .dot, format: .svg).data)
        let tasks = document.nodes.filter { $0.title.hasPrefix("t") }
        #expect(tasks.count == 2_000)
        #expect(document.clusters.count == 5)
    }

    @Test func ganttPNGsBeyondCairosBitmapLimitAreRefused() {
        #expect(LayoutBudget.pngExcess(ganttRows: 800) == nil)
        #expect(LayoutBudget.pngExcess(ganttRows: 801)?.hasPrefix("801 task rows") == true)
    }

    @Test func theGanttChartOfTwoThousandTasksHasABarEach() throws {
        let (plan, schedule) = try Fixtures.scheduled(text: Fixtures.generatedPlan(tasks: 2_000))
        let spec = GanttChart.graph(plan: plan, schedule: schedule)
        #expect(spec.nodes.filter { $0.name.hasPrefix("bar:") }.count == 2_000)
        #expect(LayoutBudget.excess(of: spec, engine: .pinned) == nil)
    }
}
