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
                distribution (2-3w, 1w/2w/4w; fixed durations do not vary) and schedules
                the plan. Prints the finish percentiles, the chance of meeting the
                deadline, and how often each task was critical. The same seed gives the
                same numbers.

                Examples:
                  slipway simulate plans/aws-migration.yaml
                  slipway simulate plans/aws-migration.yaml --iterations 10000 --seed 7 --format json
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "How many schedules to draw.")
        var iterations: Int = 10_000

        @Option(help: "The random seed: the same seed gives the same numbers.")
        var seed: UInt64 = 1

        @Option(help: "Output format: table or json.")
        var format: ReportFormat = .table

        func validate() throws {
            if iterations < 2 || iterations > 10_000_000 { throw ValidationError("--iterations must be from 2 to 10,000,000") }
        }

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(showWarnings: false)
            let result = RiskSimulation.run(plan: plan, schedule: schedule, iterations: iterations, seed: seed)
            Console.write(format == .json ? SimulationReport.renderJSON(plan: plan, schedule: schedule, result: result)
                                          : SimulationReport.render(plan: plan, schedule: schedule, result: result))
        }
    }
}
