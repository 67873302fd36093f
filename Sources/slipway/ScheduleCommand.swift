import SlipwayEngine
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
                  slipway schedule plans/aws-migration.yaml --level
                  slipway schedule plans/aws-migration.yaml --level --effort 50000 --seed 2
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "Output format: table, json, csv or markdown.")
        var format: OutputFormat = .table

        @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
        var output: String?

        @Flag(help: "Level the schedule by owner capacity: no owner works on more than its capacity at once.")
        var level = false

        @OptionGroup var leveling: LevelingArguments

        @Flag(help: "Exit with status 1 when the plan finishes after its deadline.")
        var failLate = false

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(leveling: leveling.options(level: level))
            let text: String
            switch format {
            case .table: text = ScheduleTable.render(plan: plan, schedule: schedule, color: output == nil && Console.useColor,
                                                  headline: Headline.compute(plan: plan, schedule: schedule))
            case .json: text = ScheduleJSON.render(plan: plan, schedule: schedule)
            case .csv: text = ScheduleCSV.render(plan: plan, schedule: schedule)
            case .markdown: text = ScheduleMarkdown.render(plan: plan, schedule: schedule)
            }
            try Console.emit(text, to: output, sparing: options.plan)
            if failLate, let deadline = plan.deadline, schedule.finish - deadline > Timing.criticalTolerance {
                throw ExitCode(1)
            }
        }
    }
}
