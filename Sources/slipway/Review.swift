import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayReview
import SlipwayScheduling

extension ReviewFormat: ExpressibleByArgument {}

extension Slipway {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the review pack: one HTML page for Friday's review, or a Markdown summary.",
            discussion: """
                The page holds, in order: the headline (finish by the links and leveled
                against the deadline, the chance of the deadline and P80, cost against
                budget, status date, each with its change since the baseline; SPI, CPI,
                EAC and earned schedule against the baseline, as 'slipway earned' gives
                them; the project buffer's use and zone and the feeding buffers in red or
                yellow, as 'slipway buffers' gives them), the decisions (options and
                scenarios compared, gates and their criteria, constraints late against
                their target), the constraint register with the chain that drives each
                resolution, the critical path and near-critical work with the risk chart,
                the critical chain buffers with the fever chart, the changes since the
                baseline or the last update with a slip-trend chart, the next two weeks
                by owner, the schedule health scorecard, and the Gantt chart, network and
                constraint map as inline SVG. Nothing is fetched: no network, no web
                fonts; it prints with a page per section. Large diagrams show their
                critical part, and say so.

                --format markdown writes a summary for a pull request or a wiki page: the
                headline, decisions, late constraints, buffers, health scorecard and a
                Mermaid gantt block that GitHub draws.

                Without -o the file goes to output/PLAN-review.html (or .md); -o - writes
                to standard output. The same inputs, iterations and seed give the same bytes.

                Examples:
                  slipway review plans/aws-migration.yaml
                  slipway review plans/aws-migration.yaml --baseline kickoff --seed 7
                  slipway review plans/aws-migration.yaml --format markdown -o review.md
                """)

        @OptionGroup var options: PlanOptions

        @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of output/PLAN-review.html; - for standard output.")
        var output: String?

        @Option(help: "Compare with this saved baseline (default: the plan's default baseline, when saved).")
        var baseline: String?

        @Option(help: "Simulation iterations, for the plan and for each option or scenario compared (default: 10,000; fewer for a plan too large to level 10,000 times in seconds, as the pack says).")
        var iterations: Int?

        @Option(help: "The random seed: the same seed gives the same pack.")
        var seed: UInt64 = 1

        @Option(help: "html (the pack) or markdown (the summary).")
        var format: ReviewFormat = .html

        func validate() throws {
            if let iterations, iterations < 2 || iterations > 10_000_000 { throw ValidationError("--iterations must be from 2 to 10,000,000") }
            if let baseline, !BaselineStore.isValidName(baseline) { throw ValidationError("--baseline '\(baseline)' is not a baseline name") }
            if baseline != nil && options.plan == "-" { throw ValidationError("--baseline needs a plan file: baselines are saved beside it, and standard input has none") }
        }

        func run() throws {
            let inputs: ReviewPack.Inputs
            switch ReviewPack.Inputs.read(planPath: options.plan, baseline: baseline) {
            case .success(let (read, skipped)):
                inputs = read
                for problem in skipped { Console.error(problem.description.replacingOccurrences(of: ": error: ", with: ": warning: ") + " (left out of the slip trend)") }
            case .failure(.plan(let failure)):
                Console.error("error: cannot read the plan: \(failure)")
                throw ExitCode(2)
            case .failure(.notText):
                Console.error("\(options.displayPath): error: the plan file is not UTF-8 text")
                throw ExitCode(2)
            case .failure(.baseline(let problem)):
                Console.error(problem.description)
                throw ExitCode(2)
            }
            let checked = CheckedPlan.from(PlanLoader.load(text: inputs.text, progress: inputs.sidecar))
            Console.report(checked.diagnostics, path: options.displayPath, warnings: false)
            guard let plan = checked.plan, let schedule = checked.schedule else {
                Console.error("\(options.displayPath): \(checked.diagnostics.summary); nothing reviewed")
                throw ExitCode(2)
            }
            let pack: ReviewPack
            let settings = iterations.map { ReviewPack.Settings(iterations: $0, seed: seed) } ?? .default(for: plan, seed: seed)
            switch ReviewPack.build(plan: plan, schedule: schedule, inputs: inputs, settings: settings) {
            case .success(let built): pack = built
            case .failure(let problem):
                Console.error(problem.description)
                throw ExitCode(2)
            }
            let text = format.render(pack)
            if output == "-" { return Console.write(text) }
            let path = output ?? format.defaultPath(plan: options.plan)
            try Console.emit(text, to: path, sparing: options.plan)
            Console.error("wrote \(path)")
        }
    }
}
