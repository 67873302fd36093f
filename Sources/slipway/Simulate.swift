import ArgumentParser
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension Slipway {
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How likely is the deadline? Monte Carlo simulation of the estimates.",
            discussion: """
                Each iteration draws every estimated duration from its PERT-Beta
                distribution (2-3w, 1w/2w/4w; fixed durations do not vary) and whether
                each risk event occurs (and by how much), then schedules the plan; with
                --level it also levels it by owner capacity, keeping the sequence of
                'schedule --level'. Prints the finish percentiles, the chance of meeting
                the deadline, each risk's share and contribution, the top drivers
                (cruciality and schedule sensitivity index) and how often each task was
                critical. The same seed gives the same numbers, on any number of cores.

                Examples:
                  slipway simulate plans/aws-migration.yaml
                  slipway simulate plans/aws-migration.yaml --level --iterations 10000 --seed 7
                  slipway simulate plans/aws-migration.yaml --level --without-risks all
                  slipway simulate plans/aws-migration.yaml --without-risks eventbridge-load-failure --format json
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "How many schedules to draw.")
        var iterations: Int = 10_000

        @Option(help: "The random seed: the same seed gives the same numbers.")
        var seed: UInt64 = 1

        @Option(help: "Output format: table or json.")
        var format: ReportFormat = .table

        @Flag(help: "Level every iteration by owner capacity (the chance of the deadline with who does the work).")
        var level = false

        @Option(name: .customLong("without-risks"), parsing: .upToNextOption,
                help: "Leave these risk events out (ids, or 'all'): the plan after mitigation.")
        var withoutRisks: [String] = []

        func validate() throws {
            if iterations < 2 || iterations > 10_000_000 { throw ValidationError("--iterations must be from 2 to 10,000,000") }
        }

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(showWarnings: false)
            var excluded = Set<Int>()
            for id in withoutRisks {
                if id == "all" { excluded.formUnion(plan.risks.indices); continue }
                guard let q = plan.referent(of: id)?.risk else {
                    Console.error("error: --without-risks: '\(id)' is not a risk of '\(plan.title)'\(Suggestion.hint(for: id, in: plan.risks.map(\.id)))")
                    throw ExitCode(2)
                }
                excluded.insert(q)
            }
            let result = RiskSimulation.run(plan: plan, schedule: schedule,
                                            settings: .init(iterations: iterations, seed: seed, leveled: level, excludedRisks: excluded))
            Console.write(format == .json ? SimulationReport.renderJSON(plan: plan, schedule: schedule, result: result)
                                          : SimulationReport.render(plan: plan, schedule: schedule, result: result))
        }
    }
}
