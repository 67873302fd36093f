import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayRendering
import SlipwayScheduling

extension DiagramKind: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}

extension Slipway {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the plan for a review: network, constraint map or Gantt chart.",
            discussion: """
                Renders in process through Graphviz's C library (no 'dot' program needed).
                Without -o the file goes to output/, named after the plan:
                output/aws-migration-network.svg. --all writes every diagram in every format.
                Large plans: --phase and --critical-only draw a part of the network.

                Examples:
                  slipway render plans/aws-migration.yaml --diagram network --format svg
                  slipway render plans/aws-migration.yaml --diagram gantt --format png -o gantt.png
                  slipway render plans/aws-migration.yaml --all
                """)

        @OptionGroup var options: PlanOptions

        @Flag(help: "Level the schedule by owner capacity first (as 'schedule --level').")
        var level = false

        @OptionGroup var leveling: LevelingArguments

        @Option(help: "The diagram: network, constraints or gantt.")
        var diagram: DiagramKind = .network

        @Option(help: "The file format: svg, png, pdf or dot.")
        var format: RenderFormat = .svg

        @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of output/PLAN-DIAGRAM.FORMAT.")
        var output: String?

        @Flag(help: "Write every diagram in every format into output/.")
        var all = false

        @Option(help: "Draw only the tasks of this phase (by id).")
        var phase: String?

        @Flag(help: "Draw only the critical tasks (zero total float).")
        var criticalOnly = false

        @Flag(help: "Lay out a network even when it is larger than the size that lays out in seconds.")
        var force = false

        @Option(help: "Draw this saved baseline's bars under the Gantt bars (default: the plan's default baseline, when it exists).")
        var baseline: String?

        @Flag(help: "Draw no baseline bars in the Gantt chart.")
        var noBaseline = false

        func validate() throws {
            if all && output != nil { throw ValidationError("--all writes several files into output/; it cannot be combined with -o") }
            if let baseline, !BaselineStore.isValidName(baseline) { throw ValidationError("--baseline '\(baseline)' is not a baseline name") }
            if baseline != nil && noBaseline { throw ValidationError("--baseline and --no-baseline contradict each other") }
            if baseline != nil && options.plan == "-" { throw ValidationError("--baseline needs a plan file: baselines are saved beside it, and standard input has none") }
        }

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(showWarnings: false, leveling: leveling.options(level: level))
            let filter = DiagramFilter(phase: phase, criticalOnly: criticalOnly)
            if let problem = filter.problem(in: plan) {
                Console.error("error: --phase: \(problem)")
                throw ExitCode(2)
            }
            let baselineSpans = try loadBaseline(plan: plan)
            let jobs: [(DiagramKind, RenderFormat)] = all
                ? DiagramKind.allCases.flatMap { kind in RenderFormat.allCases.map { (kind, $0) } }
                : [(diagram, format)]
            for (kind, format) in jobs {
                let spec = Diagram.graph(kind, plan: plan, schedule: schedule, filter: filter, baseline: baselineSpans)
                if !force, format != .dot, let warning = LayoutBudget.excess(of: spec, engine: Diagram.engine(for: kind)) {
                    Console.error("error: the \(kind.rawValue) diagram has \(warning); draw a part of it with "
                                  + "--phase ID or --critical-only, or pass --force to wait for it")
                    throw ExitCode(2)
                }
                if !force, kind == .gantt, format == .png,
                   let warning = LayoutBudget.pngExcess(ganttRows: filter.mask(plan: plan, schedule: schedule).filter { $0 }.count) {
                    Console.error("error: the Gantt chart has \(warning); write it as svg or pdf, draw a part with "
                                  + "--phase ID or --critical-only, or pass --force for a shrunken PNG")
                    throw ExitCode(2)
                }
                let path = output ?? Diagram.defaultPath(plan: options.plan, kind: kind, format: format, filter: filter)
                try Console.refuseOverwriting(options.plan, with: path)
                do {
                    let rendered = try GraphvizRenderer.render(spec, engine: Diagram.engine(for: kind), format: format)
                    try AtomicFile.write(rendered.data, to: path)
                } catch {
                    Console.error("error: \(path): \(error)")
                    throw ExitCode(2)
                }
                Console.error("wrote \(path)")
            }
        }

        /// The baseline named by --baseline (an error when missing or damaged), else
        /// the plan's default baseline when one has been saved.
        private func loadBaseline(plan: Plan) throws -> [Int: GanttChart.Span]? {
            // A plan read from standard input has no file beside which a baseline lives.
            if noBaseline || options.plan == "-" { return nil }
            let path = BaselineStore.path(forPlan: options.plan, name: baseline)
            if baseline == nil && !FileManager.default.fileExists(atPath: path) { return nil }
            switch Baseline.load(path: path) {
            case .success(let saved): return GanttChart.spans(of: saved, in: plan)
            case .failure(let problem):
                Console.error(problem.description)
                throw ExitCode(2)
            }
        }
    }
}
