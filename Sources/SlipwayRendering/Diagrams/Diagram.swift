import Foundation
import SlipwayCore
import SlipwayScheduling

/// The diagrams Slipway draws for reviews.
public enum DiagramKind: String, Sendable, CaseIterable {
    /// Tasks and links, by phase, with the critical path.
    case network
    /// The constraint tracker: constraint, mitigations, owners.
    case constraints
    /// Bars on a week axis.
    case gantt
    /// The finish distribution (histogram and S-curve) and the top risk drivers.
    case risk
    /// The S-curves of the plan's options and scenarios on one axis.
    case compare
    /// Cumulative planned value, earned value and actual cost over the weeks.
    case earned
    /// Critical chain buffers: the share used against the share of the chain done.
    case fever
}

/// Builds and renders diagrams of a scheduled plan.
public enum Diagram {
    /// The graph of a diagram, before layout.
    ///
    /// - Parameter baseline: for the Gantt chart, dates of another schedule by task
    ///   index, drawn as thin bars under the forecast bars.
    /// - Parameter risk: for the risk chart, the simulation to draw (one is run
    ///   with `RiskChart.defaultSettings` when none is given).
    /// - Parameter earned: for the earned value chart, the figures to draw (it
    ///   says what it needs when there are none).
    /// - Parameter buffers: critical chain buffers, for the Gantt chart (drawn when
    ///   given) and the fever chart (computed by `rsse` from `schedule`, then the
    ///   unleveled schedule, when none are given).
    /// - Parameter bufferTrail: the project buffer's trail for the fever chart
    ///   (`CriticalChainBuffers.projectTrail`, computed when not given).
    public static func graph(_ kind: DiagramKind, plan: Plan, schedule: Schedule, filter: DiagramFilter = .all,
                             baseline: [Int: GanttChart.Span]? = nil, risk: RiskSimulation.Result? = nil,
                             comparison: [Comparison.Outcome]? = nil, earned: EarnedValue? = nil,
                             buffers: CriticalChainBuffers? = nil, bufferTrail: [CriticalChainBuffers.TrailPoint]? = nil) -> GraphSpec {
        switch kind {
        case .network: return NetworkDiagram.graph(plan: plan, schedule: schedule, filter: filter)
        case .constraints: return ConstraintMap.graph(plan: plan, schedule: schedule, filter: filter)
        case .gantt: return GanttChart.graph(plan: plan, schedule: schedule, filter: filter, baseline: baseline, buffers: buffers)
        case .risk:
            let result = risk ?? RiskSimulation.run(plan: plan, schedule: schedule, settings: RiskChart.defaultSettings)
            return RiskChart.graph(plan: plan, result: result)
        case .compare:
            let outcomes = comparison ?? []
            let curves = outcomes.compactMap { o in o.simulation.map { (label: o.alternative.label + (o.isBest ? " (best)" : ""), result: $0) } }
            let iterations = outcomes.first?.simulation?.iterations ?? 0
            return RiskChart.graph(plan: plan, curves: curves,
                                   title: "\(plan.title): options and scenarios compared — chance of finishing by each week (\(iterations) iterations each\(outcomes.first?.simulation?.leveled == true ? ", leveled" : ""))")
        case .earned: return EarnedValueChart.graph(plan: plan, earned: earned)
        case .fever:
            let measured = buffers ?? CriticalChainBuffers.compute(plan: plan, schedule: schedule, method: .rsse)
            return FeverChart.graph(plan: plan, buffers: measured, trail: bufferTrail ?? measured.projectTrail(plan: plan))
        }
    }

    public static func engine(for kind: DiagramKind) -> LayoutEngine {
        kind == .network || kind == .constraints ? .dot : .pinned
    }

    /// Renders one diagram in one format.
    ///
    /// - Throws: `GraphvizRenderer.Failure` when Graphviz fails.
    public static func render(_ kind: DiagramKind, format: RenderFormat, plan: Plan, schedule: Schedule,
                              filter: DiagramFilter = .all, baseline: [Int: GanttChart.Span]? = nil,
                              earned: EarnedValue? = nil, buffers: CriticalChainBuffers? = nil) throws -> RenderedGraph {
        let spec = graph(kind, plan: plan, schedule: schedule, filter: filter, baseline: baseline, earned: earned, buffers: buffers)
        return try GraphvizRenderer.render(spec, engine: engine(for: kind), format: format)
    }

    /// `output/aws-migration-network.svg` for `plans/aws-migration.yaml`.
    public static func defaultPath(plan path: String, kind: DiagramKind, format: RenderFormat,
                                   filter: DiagramFilter = .all, directory: String = "output") -> String {
        let base = path == "-" ? "plan" : URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return "\(directory)/\(base)-\(kind.rawValue)\(filter.fileSuffix).\(format.fileExtension)"
    }
}
