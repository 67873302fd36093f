import ArgumentParser
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension Slipway {
    struct Earned: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Earned value and earned schedule against a saved baseline.",
            discussion: """
                PV, EV, AC (from the 'spent' recorded on tasks), SV, CV, SPI, CPI, BAC, EAC
                (= BAC / CPI), ETC, VAC and TCPI in money; earned schedule (Lipke 2003): ES,
                SV(t), SPI(t) and IEAC(t) = PD / SPI(t) in weeks. Each task's budget is what
                the plan's rates and costs give it at the baseline's duration, spread evenly
                over its baseline dates. Needs a baseline (slipway baseline save) and
                progress (slipway progress ... --percent N --spent AMOUNT).

                Examples:
                  slipway earned plans/aws-migration.yaml
                  slipway earned plans/aws-migration.yaml --as-of "week 4" --format json
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "The baseline's name (default: the plan's default baseline).")
        var baseline: String?

        @Option(help: "Measure as of this time ('week N' is its end, a date, or weeks from t = 0); progress recorded for later times is left out. Default: the status date.")
        var asOf: String?

        @Option(help: "Output format: table, json or markdown.")
        var format: VarianceFormat = .table

        func validate() throws {
            if let baseline, !BaselineStore.isValidName(baseline) { throw ValidationError("--baseline '\(baseline)' is not a baseline name") }
            if options.plan == "-" { throw ValidationError("'earned' measures against a baseline saved beside the plan file; give the file, not standard input") }
        }

        func run() throws {
            let (plan, _) = try options.loadScheduled(showWarnings: false)
            let path = BaselineStore.path(forPlan: options.plan, name: baseline)
            let saved: Baseline
            switch Baseline.load(path: path) {
            case .success(let b): saved = b
            case .failure(let problem): Console.error(problem.description); throw ExitCode(2)
            }
            var at: Double?
            if let asOf {
                switch TimeSyntax(unit: plan.unit, calendar: plan.calendar).point(asOf, as: .end) {
                case .success(let t) where t >= 0: at = t
                case .success: Console.error("error: --as-of '\(asOf)' is before the plan starts"); throw ExitCode(2)
                case .failure(let f): Console.error("error: --as-of: \(f.message)"); throw ExitCode(2)
                }
            }
            switch EarnedValue.compute(plan: plan, baseline: saved, path: path, asOf: at) {
            case .failure(.baseline(let problem)):
                Console.error(problem.description)
                throw ExitCode(2)
            case .failure(let problem):
                Console.error("error: " + EarnedValueReport.message(problem, plan: plan))
                throw ExitCode(2)
            case .success(let v):
                switch format {
                case .json: Console.write(EarnedValueReport.renderJSON(plan: plan, earned: v))
                case .markdown: Console.write(EarnedValueReport.renderMarkdown(plan: plan, earned: v))
                case .table: Console.write(EarnedValueReport.render(plan: plan, earned: v))
                }
            }
        }
    }
}
