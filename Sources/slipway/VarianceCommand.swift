import ArgumentParser
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension Slipway {
    struct VarianceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "variance",
            abstract: "Compare the forecast with a saved baseline.",
            discussion: """
                Variance is forecast minus baseline (positive = later). Shows per task the
                start and finish variance, the plan finish and deadline, the constraint
                targets missed now, and the tasks that became or stopped being critical.

                Examples:
                  slipway variance plans/aws-migration.yaml
                  slipway variance plans/aws-migration.yaml --baseline kickoff --format json
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "The baseline's name (default: the plan's default baseline).")
        var baseline: String?

        @Option(help: "Output format: table, json or markdown.")
        var format: VarianceFormat = .table

        @Flag(help: "List every task in the table, not only those that moved.")
        var all = false

        func validate() throws {
            if let baseline, !BaselineStore.isValidName(baseline) { throw ValidationError("--baseline '\(baseline)' is not a baseline name") }
            if options.plan == "-" { throw ValidationError("'variance' compares with a baseline saved beside the plan file; give the file, not standard input") }
        }

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(showWarnings: false)
            let path = BaselineStore.path(forPlan: options.plan, name: baseline)
            let saved: Baseline
            switch Baseline.load(path: path) {
            case .success(let b): saved = b
            case .failure(let problem): Console.error(problem.description); throw ExitCode(2)
            }
            switch Variance.compute(plan: plan, schedule: schedule, baseline: saved, path: path, planHash: ContentHash.ofFile(options.plan),
                                    progressHash: ContentHash.ofFile(ProgressLog.sidecarPath(forPlan: options.plan))) {
            case .failure(let problem):
                Console.error(problem.description)
                throw ExitCode(2)
            case .success(let v):
                switch format {
                case .json: Console.write(VarianceReport.renderJSON(plan: plan, variance: v))
                case .markdown: Console.write(VarianceReport.renderMarkdown(plan: plan, variance: v, all: all))
                default: Console.write(VarianceReport.render(plan: plan, variance: v, all: all))
                }
            }
        }
    }
}
