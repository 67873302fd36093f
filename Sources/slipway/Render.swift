import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayEngine
import SlipwayRendering
import SlipwayReports
import SlipwayScheduling

extension DiagramKind: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}

extension Slipway {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the plan for a review: network, constraints, Gantt, risk, earned value or fever chart.",
            discussion: """
                Renders in process through Graphviz's C library (no 'dot' program needed).
                Without -o the file goes to output/, named after the plan:
                output/aws-migration-network.svg. --all writes every diagram in every format
                (the earned value chart only when a baseline has been saved).
                --buffers adds the critical chain buffers to the Gantt chart as hatched rows,
                and draws it leveled by owner capacity, the schedule they are sized on.
                Large plans: --phase and --critical-only draw a part of the network.

                Examples:
                  slipway render plans/aws-migration.yaml --diagram network --format svg
                  slipway render plans/aws-migration.yaml --diagram gantt --format png -o gantt.png
                  slipway render plans/aws-migration.yaml --diagram risk --level --iterations 10000 --seed 7
                  slipway render plans/aws-migration.yaml --diagram earned --format png
                  slipway render plans/aws-migration.yaml --diagram gantt --buffers --format png
                  slipway render plans/aws-migration.yaml --diagram fever --method half
                  slipway render plans/aws-migration.yaml --all
                """)

        @OptionGroup var options: PlanOptions

        @Flag(help: "Level the schedule by owner capacity first (as 'schedule --level').")
        var level = false

        // Not LevelingArguments: its --seed would clash with the risk chart's; the
        // leveling search keeps its default seed, so the Gantt matches 'schedule --level'.
        @Option(help: "With --level: schedules the leveling search may generate (as 'schedule --level --effort'); 0 keeps the single pass.")
        var effort: Int?

        @Option(help: "The diagram: network, constraints, gantt, risk (finish distribution and top drivers), compare (options and scenarios), earned (PV, EV and AC against the baseline) or fever (buffer used against chain done).")
        var diagram: DiagramKind = .network

        @Option(help: "The file format: svg, png, pdf or dot.")
        var format: RenderFormat = .svg

        @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of output/PLAN-DIAGRAM.FORMAT.")
        var output: String?

        @Flag(help: "Draw the critical chain buffers in the Gantt chart, as hatched rows (the chart is then leveled).")
        var buffers = false

        @Option(help: "For buffers and the fever chart: how buffers are sized, rsse or half.")
        var method: CriticalChainBuffers.Method = .rsse

        @Flag(help: "Write every diagram in every format into output/.")
        var all = false

        @Option(help: "Draw only the tasks of this phase (by id).")
        var phase: String?

        @Flag(help: "Draw only the critical tasks (zero total float).")
        var criticalOnly = false

        @Flag(help: "Lay out a network even when it is larger than the size that lays out in seconds.")
        var force = false

        @Option(help: "Draw this saved baseline's bars under the Gantt bars, and measure earned value against it (default: the plan's default baseline, when it exists).")
        var baseline: String?

        @Flag(help: "Draw no baseline bars in the Gantt chart.")
        var noBaseline = false

        @Option(help: "For the risk chart: how many schedules to draw.")
        var iterations: Int = 10_000

        @Option(help: "For the risk chart: the random seed (the same seed gives the same chart).")
        var seed: UInt64 = 1

        func validate() throws {
            if all && output != nil { throw ValidationError("--all writes several files into output/; it cannot be combined with -o") }
            if iterations < 2 || iterations > 10_000_000 { throw ValidationError("--iterations must be from 2 to 10,000,000") }
            if let baseline, !BaselineStore.isValidName(baseline) { throw ValidationError("--baseline '\(baseline)' is not a baseline name") }
            if baseline != nil && noBaseline { throw ValidationError("--baseline and --no-baseline contradict each other") }
            if diagram == .earned && noBaseline && !all { throw ValidationError("the earned value chart measures against a baseline; leave out --no-baseline") }
            if baseline != nil && options.plan == "-" { throw ValidationError("--baseline needs a plan file: baselines are saved beside it, and standard input has none") }
        }

        func run() throws {
            let (plan, unleveled) = try options.loadScheduled(showWarnings: false)
            let schedule = level ? Scheduler.level(plan, schedule: unleveled, options: LevelingOptions(effort: effort, seed: LevelingOptions.defaultSeed)) : unleveled
            let filter = DiagramFilter(phase: phase, criticalOnly: criticalOnly)
            if let problem = filter.problem(in: plan) {
                Console.error("error: --phase: \(problem)")
                throw ExitCode(2)
            }
            let saved = try loadBaseline()
            let baselineSpans = noBaseline ? nil : saved.map { GanttChart.spans(of: $0, in: plan) }
            var jobs: [(DiagramKind, RenderFormat)] = all
                ? DiagramKind.allCases.flatMap { kind in RenderFormat.allCases.map { (kind, $0) } }
                : [(diagram, format)]
            // Earned value against the baseline, once for every format.
            var earned: EarnedValue?
            if jobs.contains(where: { $0.0 == .earned }) {
                let path = BaselineStore.path(forPlan: options.plan, name: baseline)
                switch saved.map({ EarnedValue.compute(plan: plan, baseline: $0, path: path) }) {
                case .success(let v)?: earned = v
                case .failure(let problem)?:
                    let message = EarnedValueReport.message(problem, plan: plan)
                    guard all else { Console.error("error: " + message); throw ExitCode(2) }
                    Console.error("skipped the earned value chart: \(message)")
                case nil:
                    let advice = "save one with 'slipway baseline save \(options.displayPath)'"
                    guard all else { Console.error("error: the earned value chart measures against a baseline, and there is none; \(advice)"); throw ExitCode(2) }
                    Console.error("skipped the earned value chart: no baseline saved (\(advice))")
                }
                if earned == nil { jobs.removeAll { $0.0 == .earned } }
            }
            // One simulation for every format of the risk chart (leveled when the schedule is).
            let risk = jobs.contains { $0.0 == .risk }
                ? RiskSimulation.run(plan: plan, schedule: schedule, settings: .init(iterations: iterations, seed: seed, leveled: level))
                : nil
            // The options and scenarios of the plan, compared once for every format.
            var comparison: [Comparison.Outcome]?
            if jobs.contains(where: { $0.0 == .compare }) {
                guard options.plan != "-", case .success(let data) = InputFile.read(options.plan) else {
                    Console.error("error: the compare chart needs the plan file (it loads the plan once per alternative)")
                    throw ExitCode(2)
                }
                let outcomes = Comparison.run(text: String(decoding: data, as: UTF8.self), sidecar: PlanLoader.sidecar(forPlan: options.plan),
                                              alternatives: Comparison.alternatives(of: plan),
                                              settings: .init(iterations: iterations, seed: seed))
                for o in outcomes where !o.errors.isEmpty { Console.report(o.errors, path: options.displayPath) }
                comparison = outcomes
            }
            // Buffers are sized on the plan leveled, whatever --level says; the Gantt
            // chart that shows them is leveled too, so that they sit at its chain's end.
            let drawsBuffers = jobs.contains { $0.0 == .fever } || (buffers && jobs.contains { $0.0 == .gantt })
            let chainBuffers = drawsBuffers ? CriticalChainBuffers.compute(plan: plan, schedule: unleveled, method: method) : nil
            let trail = jobs.contains { $0.0 == .fever } ? chainBuffers?.projectTrail(plan: plan) : nil
            let ganttSchedule = buffers && !level && jobs.contains { $0.0 == .gantt } ? Scheduler.level(plan, schedule: unleveled, options: LevelingOptions(effort: effort, seed: LevelingOptions.defaultSeed)) : schedule
            for (kind, format) in jobs {
                let bufferedGantt = kind == .gantt && buffers
                let spec = Diagram.graph(kind, plan: plan, schedule: bufferedGantt ? ganttSchedule : schedule, filter: filter,
                                         baseline: baselineSpans, risk: risk, comparison: comparison, earned: earned,
                                         buffers: kind == .fever || bufferedGantt ? chainBuffers : nil, bufferTrail: trail)
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
        private func loadBaseline() throws -> Baseline? {
            // A plan read from standard input has no file beside which a baseline lives.
            if options.plan == "-" { return nil }
            let path = BaselineStore.path(forPlan: options.plan, name: baseline)
            if baseline == nil && !FileManager.default.fileExists(atPath: path) { return nil }
            switch Baseline.load(path: path) {
            case .success(let saved): return saved
            case .failure(let problem):
                Console.error(problem.description)
                throw ExitCode(2)
            }
        }
    }
}
