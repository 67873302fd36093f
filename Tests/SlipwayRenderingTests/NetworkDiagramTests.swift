import Foundation
import SlipwayEngine
import SlipwayCore
import SlipwayRendering
import SlipwayScheduling
import Testing

/// The review fixture's schedule, checked by hand (see Fixtures/review.yaml).
private let criticalTasks: Set<String> = ["backend", "release", "done"]
private let criticalLinks: Set<String> = ["backend->release", "release->done"]

@Suite struct NetworkDiagramTests {
    func svg(filter: DiagramFilter = .all) throws -> SVGDocument {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let rendered = try Diagram.render(.network, format: .svg, plan: plan, schedule: schedule, filter: filter)
        return try SVGDocument(rendered.data)
    }

    @Test func everyTaskAndResolutionHasItsNode() throws {
        let names = Set(try svg().nodes.map(\.title).filter { !$0.hasPrefix("legend:") })
        #expect(names == ["api-freeze", "write-docs", "backend", "frontend", "release", "done", "api-risk", "docs-gap"])
    }

    @Test func everyPhaseHasItsClusterLabelledWithItsWeeks() throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let spec = NetworkDiagram.graph(plan: plan, schedule: schedule)
        let labels = spec.clusters.filter { $0.name != "cluster_legend" }.map { cluster in
            cluster.attributes.first { $0.name == "label" }.map { "\($0.value)" } ?? ""
        }
        #expect(labels.count == 2)
        #expect(labels[0].contains("Build · weeks 1-3 (2025-01-06 to 2025-01-24)"))
        #expect(labels[1].contains("Ship · weeks 4-6 (2025-01-27 to 2025-02-14)"))
        let clusters = Set(try svg().clusters.map(\.title))
        #expect(clusters == ["cluster_build", "cluster_ship", "cluster_legend"])
    }

    @Test func onlyCriticalNodesCarryTheCriticalStyle() throws {
        let document = try svg()
        let plannedNodes = document.nodes.filter { !$0.title.hasPrefix("legend:") }
        let styled = Set(plannedNodes.filter { $0.classes.contains(DiagramStyle.criticalClass) }.map(\.title))
        #expect(styled == criticalTasks)
        let red = Set(plannedNodes.filter { $0.strokes.contains(DiagramStyle.criticalColor) }.map(\.title))
        #expect(red == criticalTasks)
        for node in plannedNodes where criticalTasks.contains(node.title) {
            #expect(node.strokeWidths.contains(DiagramStyle.criticalPenWidth))
        }
    }

    @Test func onlyCriticalLinksCarryTheCriticalStyle() throws {
        let edges = try svg().edges
        // backend -> frontend is SS+1w and sets frontend's start, but frontend has
        // float: a driving link into a non-critical task is not critical.
        #expect(edges.contains { $0.title == "backend->frontend" })
        let styled = Set(edges.filter { $0.classes.contains(DiagramStyle.criticalClass) }.map(\.title))
        #expect(styled == criticalLinks)
        let red = Set(edges.filter { $0.strokes.contains(DiagramStyle.criticalColor) }.map(\.title))
        #expect(red == criticalLinks)
    }

    @Test func linksThatAreNotPlainFinishToStartAreLabelled() throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let spec = NetworkDiagram.graph(plan: plan, schedule: schedule)
        let labelled = spec.edges.compactMap { edge in
            edge.attributes.first { $0.name == "label" }.map { "\(edge.tail)->\(edge.head) \($0.value)" }
        }
        #expect(labelled == ["backend->frontend text(\"SS +1w\")"])
    }

    @Test func nodesAreColouredByTheSeverityTheyMitigate() throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let spec = NetworkDiagram.graph(plan: plan, schedule: schedule)
        func fill(_ name: String) -> String? {
            spec.nodes.first { $0.name == name }?.attributes.last { $0.name == "fillcolor" }.map { "\($0.value)" }
        }
        #expect(fill("api-freeze") == "\(GraphSpec.Value.text(DiagramStyle.fill(for: .critical)))")
        #expect(fill("write-docs") == "\(GraphSpec.Value.text(DiagramStyle.fill(for: .low)))")
        #expect(fill("backend") == "\(GraphSpec.Value.text(DiagramStyle.fill(for: nil)))")
    }

    @Test func phaseFilterDrawsOnlyThatPhase() throws {
        let names = Set(try svg(filter: DiagramFilter(phase: "ship")).nodes.map(\.title).filter { !$0.hasPrefix("legend:") })
        #expect(names == ["release"])
    }

    @Test func criticalOnlyFilterDrawsTheCriticalTasks() throws {
        let document = try svg(filter: DiagramFilter(criticalOnly: true))
        #expect(Set(document.nodes.map(\.title).filter { !$0.hasPrefix("legend:") }) == criticalTasks)
        #expect(Set(document.edges.map(\.title)) == criticalLinks)
    }

    @Test func unknownPhaseIsReportedWithASuggestion() throws {
        let (plan, _) = try Fixtures.scheduled("review.yaml")
        let problem = DiagramFilter(phase: "shipp").problem(in: plan)
        #expect(problem == "'shipp' is not a phase of the plan; did you mean 'ship'? (phases: build, ship)")
    }
}
