import Foundation
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayRendering
import Testing

/// The earned value chart of a hand-checked case (the one of `EarnedValueTests`):
/// a: 4 weeks for 40,000, b: 6 weeks for 60,000; at week 5 a is done for 45,000
/// after 18,000 at week 2. History: t = 0, 2, 4 (no news), 5.
@Suite struct EarnedValueChartTests {
    static let plan = """
        plan: EV
        owners:
          - {id: crew, rate: 10000}
        tasks:
          - {id: a, duration: 4w, cost: 40000}
          - {id: b, duration: 6w, owner: crew, after: [a]}
        """

    static func earned() throws -> (Plan, EarnedValue) {
        let (plain, schedule) = try Fixtures.scheduled(text: plan)
        let baseline = Baseline(plan: plain, schedule: schedule, name: "default", planFile: "ev.yaml", planHash: "", progressHash: nil,
                                savedAt: "2025-01-06T09:00:00Z")
        let sidecar = """
            updates:
              - {task: a, as-of: 2, progress: 50, spent: 18000}
              - {task: a, as-of: 5, actual-finish: 4, progress: 100, spent: 45000}
            """
        let tracked = try #require(PlanLoader.load(text: plan, progress: .init(path: "ev.progress.yaml", text: sidecar)).plan)
        return (tracked, try EarnedValue.compute(plan: tracked, baseline: baseline, path: "b").get())
    }

    static func text(_ node: GraphSpec.Node, _ name: String) -> String? {
        guard let value = node.attributes.last(where: { $0.name == name })?.value, case .text(let text) = value else { return nil }
        return text
    }

    /// The centre of a pinned node, in points.
    static func centre(_ node: GraphSpec.Node) -> (x: Double, y: Double)? {
        guard let pos = text(node, "pos")?.dropLast().split(separator: ","), pos.count == 2,
              let x = Double(pos[0]), let y = Double(pos[1]) else { return nil }
        return (x, y)
    }

    @Test func pointsSitAtTheStatusDatesAndTheirValues() throws {
        let (plan, v) = try Self.earned()
        #expect(v.history.map(\.time) == [0, 2, 5])
        let spec = Diagram.graph(.earned, plan: plan, schedule: try #require(CheckedPlan.load(text: Self.plan).schedule), earned: v)
        let points = spec.nodes.filter { Self.text($0, "class") == "ev point" }.compactMap(Self.centre)
        try #require(points.count == 3)
        // x is linear in time and y in money from the same origin: EV is 0, 20,000
        // and 40,000, at t = 0, 2 and 5.
        let origin = points[0]
        #expect(abs((points[1].x - origin.x) / (points[2].x - origin.x) - 2.0 / 5) < 1e-3)
        #expect(abs((points[1].y - origin.y) / (points[2].y - origin.y) - 0.5) < 1e-3)
        let costs = spec.nodes.filter { Self.text($0, "class") == "ac point" }.compactMap(Self.centre)
        // AC: 0, 18,000, 45,000 on the same scale.
        #expect(costs.count == 3 && abs((costs[2].y - origin.y) / (points[2].y - origin.y) - 45.0 / 40) < 1e-3)
        let labels = spec.nodes.compactMap { Self.text($0, "label") }
        for expected in ["BAC 100,000", "EAC 112,500 (BAC / CPI)", "ES 4", "IEAC(t) 12.5", "PD 10", "status week 5"] {
            #expect(labels.contains { $0.hasPrefix(expected) }, "no label \(expected)")
        }
    }

    @Test func withoutFiguresTheChartSaysWhatItNeeds() throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let spec = Diagram.graph(.earned, plan: plan, schedule: schedule)
        let labels = spec.nodes.compactMap { Self.text($0, "label") }
        #expect(labels.contains { $0.contains("It needs a saved baseline (slipway baseline save)") })
    }
}
