import Foundation
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayRendering
import Testing
import SlipwayTestSupport

/// Buffers in the Gantt chart and the fever chart, on the plan whose buffers
/// `CriticalChainBuffersTests` checks by hand: chain a 0-4, b 4-6, e 6-11; project
/// buffer 3 weeks (11-14); c-d's buffer 0.5 (5.5-6), f's 2 (4-6).
@Suite struct BufferChartsTests {
    static let plan = SharedPlans.buffers

    static func node(_ spec: GraphSpec, _ name: String) -> GraphSpec.Node? { spec.nodes.first { $0.name == name } }

    static func text(_ node: GraphSpec.Node?, _ name: String) -> String? {
        guard let value = node?.attributes.last(where: { $0.name == name })?.value, case .text(let text) = value else { return nil }
        return text
    }

    /// A pinned node's left, right, top and bottom edges in points (y up).
    static func edges(_ node: GraphSpec.Node?) -> (left: Double, right: Double, bottom: Double, top: Double)? {
        guard let pos = text(node, "pos")?.dropLast().split(separator: ","), pos.count == 2,
              let x = Double(pos[0]), let y = Double(pos[1]),
              let w = text(node, "width").flatMap(Double.init), let h = text(node, "height").flatMap(Double.init) else { return nil }
        return (x - w * 36, x + w * 36, y - h * 36, y + h * 36)
    }

    @Test func buffersAreHatchedRowsPlacedOnTheWeekScale() throws {
        let (plan, schedule) = try Fixtures.scheduled(text: Self.plan)
        let buffers = CriticalChainBuffers.compute(plan: plan, schedule: schedule, method: .rsse)
        let spec = GanttChart.graph(plan: plan, schedule: Scheduler.level(plan, schedule: schedule), buffers: buffers)
        let names = spec.nodes.map(\.name).filter { $0.hasPrefix("buffer:") }
        #expect(names == ["buffer:project", "buffer:feeding:d", "buffer:feeding:f"])
        for name in names { #expect(Self.text(Self.node(spec, name), "style") == "striped", "\(name) is not hatched") }
        // The project buffer starts where e ends and is 3/5 of e's 5 weeks.
        let e = try #require(Self.edges(Self.node(spec, "bar:e"))), project = try #require(Self.edges(Self.node(spec, "buffer:project")))
        #expect(abs(project.left - e.right) < 0.05)
        #expect(abs((project.right - project.left) / (e.right - e.left) - 3.0 / 5) < 1e-3)
        // f's buffer (4-6) ends where e starts.
        let f = try #require(Self.edges(Self.node(spec, "buffer:feeding:f")))
        #expect(abs(f.right - e.left) < 0.05)
        #expect(GanttChart.graph(plan: plan, schedule: schedule).nodes.allSatisfy { !$0.name.hasPrefix("buffer:") })
    }

    /// With the progress of `CriticalChainBuffersTests`' consumption test (as of
    /// week 5): the project buffer is a third used with 4 of 11 weeks of the chain done.
    @Test func theFeverChartPlacesTheProjectBufferByCompletionAndUse() throws {
        let tracked = Self.plan.replacingOccurrences(of: "deadline: 13w\n", with: "deadline: 13w\nstatus-date: week 5\n")
            .replacingOccurrences(of: "{id: a, duration: 2-6w}", with: "{id: a, duration: 2-6w, actual-start: week 1, actual-finish: week 5}")
            .replacingOccurrences(of: "{id: c, duration: 1-2w}", with: "{id: c, duration: 1-2w, actual-start: week 1, actual-finish: week 2}")
            .replacingOccurrences(of: "{id: d, duration: 2w, after: [c]}", with: "{id: d, duration: 2w, after: [c], actual-start: 2, progress: 10}")
            .replacingOccurrences(of: "after: [\"a SS+2.5w\"]}", with: "after: [\"a SS+2.5w\"], actual-start: 2.5, progress: 50}")
        let (plan, schedule) = try Fixtures.scheduled(text: tracked)
        let buffers = CriticalChainBuffers.compute(plan: plan, schedule: schedule, method: .rsse)
        let spec = FeverChart.graph(plan: plan, buffers: buffers)
        let marker = spec.nodes.first { Self.text($0, "class") == "buffer project" }
        let centre = try #require(Self.edges(marker))
        let green = try #require(Self.edges(spec.nodes.first { Self.text($0, "class") == "zone green" }))
        let x = (centre.left + centre.right) / 2, y = (centre.bottom + centre.top) / 2
        #expect(abs((x - green.left) / (green.right - green.left) - 4.0 / 11) < 1e-3)
        // A third used: on the line between the green and the yellow zones.
        #expect(abs(y - green.top) < 0.05)
        // Nothing but the plan file's progress: the trail is that one status date.
        #expect(buffers.projectTrail(plan: plan).map(\.time) == [5])
    }
}
