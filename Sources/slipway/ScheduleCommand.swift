import ArgumentParser
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension Slipway {
    struct ScheduleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "Compute the critical-path schedule of a plan.",
            discussion: """
                Every time is in weeks from t = 0, the start of week 1; with a plan
                'start' date the table also shows dates. Critical tasks are marked '*'.

                Examples:
                  slipway schedule plans/aws-migration.yaml
                  slipway schedule plans/aws-migration.yaml --format json > schedule.json
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "Output format: table, json, csv or markdown.")
        var format: OutputFormat = .table

        @Flag(help: "Exit with status 1 when the plan finishes after its deadline.")
        var failLate = false

        func run() throws {
            let (plan, schedule) = try options.loadScheduled()
            switch format {
            case .table: Console.write(ScheduleTable.render(plan: plan, schedule: schedule, color: Console.useColor))
            case .json: Console.write(ScheduleJSON.render(plan: plan, schedule: schedule))
            case .csv: Console.write(ScheduleCSV.render(plan: plan, schedule: schedule))
            case .markdown: Console.write(ScheduleMarkdown.render(plan: plan, schedule: schedule))
            }
            if failLate, let deadline = plan.deadline, schedule.finish - deadline > Timing.criticalTolerance {
                throw ExitCode(1)
            }
        }
    }
}
