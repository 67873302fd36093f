import ArgumentParser
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension Slipway {
    struct Slip: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What if tasks slip? Reschedule without touching the plan.",
            discussion: """
                A slip of task X by B makes X take B longer (its remaining work, when it
                has started); with --start, X starts B later instead. B may be negative.
                Shows how far the finish moves, every task that moves, which deadline,
                constraint targets and phase windows now fail, and the new critical path.

                Examples:
                  slipway slip plans/aws-migration.yaml nats-replacement 1w
                  slipway slip plans/aws-migration.yaml nats-replacement=1w auth-framework=-2d
                  slipway slip plans/aws-migration.yaml poc 3d --start --format json
                """)

        @OptionGroup var options: PlanOptions

        // Unrecognized words are taken too, so that a negative slip (`-1w`) is read
        // as a slip, not as an unknown option.
        @Argument(parsing: .allUnrecognized,
                  help: "TASK BY (one task), or TASK=BY pairs (several at once); BY is a duration such as 1w, -2d.")
        var slips: [String]

        @Flag(help: "Move the tasks' starts by BY instead of lengthening them.")
        var start = false

        @Option(help: "Output format: table or json.")
        var format: ReportFormat = .table

        @Flag(help: "Exit with status 1 when the slipped plan finishes after its deadline.")
        var failLate = false

        func validate() throws {
            if slips.isEmpty { throw ValidationError("name a task and a slip, like 'nats-replacement 1w'") }
        }

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(showWarnings: false)
            let whatIf = WhatIf(plan: plan, schedule: schedule)
            let parsed = try WhatIfArguments.slips(slips, start: start, in: plan)
            switch SlipAnalysis.analyze(parsed, whatIf: whatIf, base: schedule.timing) {
            case .failure(.finished(let j)):
                Console.error("error: '\(plan.tasks[j].id)' is finished (it has an actual finish); a finished task cannot slip")
                throw ExitCode(2)
            case .success(let result):
                Console.write(format == .json ? SlipReport.renderJSON(plan: plan, result: result) : SlipReport.render(plan: plan, result: result))
                if failLate, result.after.lateBy != nil { throw ExitCode(1) }
            }
        }
    }
}
