import Foundation
import SlipwayEngine
import SlipwayRendering
import Testing

@Suite struct ConstraintMapTests {
    @Test func constraintsLeadToMitigationsAndOwnersGroupedByCategory() throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let document = try SVGDocument(Diagram.render(.constraints, format: .svg, plan: plan, schedule: schedule).data)
        let names = Set(document.nodes.map(\.title).filter { !$0.hasPrefix("legend:") })
        #expect(names == ["api-risk", "api-freeze", "docs-gap", "write-docs", "team"])
        #expect(Set(document.edges.map(\.title)) == ["api-risk->api-freeze", "api-freeze->team", "docs-gap->write-docs", "write-docs->team"])
        #expect(Set(document.clusters.map(\.title)) == ["cluster_technical", "cluster_operational", "cluster_legend"])
    }

    @Test func lateConstraintsShowTheirLatenessInRed() throws {
        // Moving api-risk's target to week 1 makes its resolution at 2 one week late.
        let text = try String(contentsOf: Fixtures.url("review.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "target: week 2", with: "target: week 1")
        let (plan, schedule) = try Fixtures.scheduled(text: text)
        let spec = ConstraintMap.graph(plan: plan, schedule: schedule)
        let label = spec.nodes.first { $0.name == "api-risk" }?.attributes.first { $0.name == "label" }?.value
        guard case .html(let html) = label else { Issue.record("api-risk has no HTML label"); return }
        #expect(html.contains("target 1w (2025-01-10) · forecast 2w (2025-01-17)"))
        #expect(html.contains("<FONT COLOR=\"\(DiagramStyle.lateColor)\"><B>1w late</B></FONT>"))
        let onTime = spec.nodes.first { $0.name == "docs-gap" }?.attributes.first { $0.name == "label" }?.value
        guard case .html(let other) = onTime else { Issue.record("docs-gap has no HTML label"); return }
        #expect(!other.contains("late"))
    }
}
