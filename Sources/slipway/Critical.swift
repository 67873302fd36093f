import ArgumentParser
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension Slipway {
    struct Critical: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the critical path, then the near-critical tasks.",
            discussion: """
                Near-critical tasks have a total float above zero and at most --near.

                Example:
                  slipway critical plans/aws-migration.yaml --near 1w
                """)

        @OptionGroup var options: PlanOptions

        @Flag(help: "Level the schedule by owner capacity first (as 'schedule --level').")
        var level = false

        @OptionGroup var leveling: LevelingArguments

        @Option(help: "Also list tasks with at most this much total float (a duration: 1w, 3d).")
        var near: String = "0w"

        @Option(help: "Output format: table or json.")
        var format: ReportFormat = .table

        func validate() throws {
            if case .failure(let f) = TimeSyntax().duration(near) { throw ValidationError("--near: \(f.message)") }
        }

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(leveling: leveling.options(level: level))
            let syntax = TimeSyntax(unit: plan.unit, calendar: plan.calendar)
            guard case .success(let weeks) = syntax.duration(near) else { throw ExitCode(2) }
            if format == .json {
                Console.write(CriticalReport.renderJSON(plan: plan, schedule: schedule, near: weeks))
            } else {
                Console.write(CriticalReport.render(plan: plan, schedule: schedule, near: weeks, color: Console.useColor,
                                                    headline: Headline.compute(plan: plan, schedule: schedule)))
            }
        }
    }
}
