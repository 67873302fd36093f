import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

extension Slipway {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a plan: print every problem and a one-line summary.",
            discussion: """
                Reports malformed YAML, unknown keys, missing or duplicate ids, unknown
                references, bad durations and dates, dependency cycles, and the schedule's
                warnings (deadline, due dates, targets, phase windows, budget).

                With --health, also the schedule health check: the DCMA 14-point
                assessment adapted to the plan (missing logic, leads, lags, link types,
                hard constraints, high float, negative float, high duration, invalid
                dates, tasks without owners, missed tasks, critical path test, CPLI,
                BEI), each with its count, threshold, pass or fail and failing tasks.

                Examples:
                  slipway check plans/aws-migration.yaml
                  slipway check plans/aws-migration.yaml --health
                  slipway check plans/aws-migration.yaml --health --format json
                """)

        @OptionGroup var options: PlanOptions

        @Flag(help: "Exit with status 1 when the plan has warnings (with --health: or a check fails).")
        var strict = false

        @Flag(help: "Also run the schedule health check (DCMA 14-point, adapted).")
        var health = false

        @Option(help: "With --health: the baseline to judge missed tasks and BEI against (default: the plan's default baseline, when saved).")
        var baseline: String?

        @Option(help: "With --health: table or json.")
        var format: ReportFormat = .table

        func validate() throws {
            if !health && (baseline != nil || format != .table) { throw ValidationError("--baseline and --format go with --health") }
            if let baseline, !BaselineStore.isValidName(baseline) { throw ValidationError("--baseline '\(baseline)' is not a baseline name") }
        }

        func run() throws {
            let checked = CheckedPlan.load(path: options.plan)
            Console.report(checked.diagnostics, path: options.displayPath)
            let tasks = checked.plan?.tasks.count ?? 0
            Console.error("\(options.displayPath): \(checked.diagnostics.summary) (\(tasks) task\(tasks == 1 ? "" : "s"))")
            guard let plan = checked.plan, let schedule = checked.schedule else { throw ExitCode(2) }
            var failed = false
            if health {
                var saved: Baseline?
                if options.plan != "-" {
                    let path = BaselineStore.path(forPlan: options.plan, name: baseline)
                    if baseline != nil || FileManager.default.fileExists(atPath: path) {
                        switch Baseline.load(path: path) {
                        case .success(let b): saved = b
                        case .failure(let problem):
                            Console.error(problem.description)
                            throw ExitCode(2)
                        }
                    }
                }
                let results = HealthCheck.run(plan: plan, schedule: schedule, baseline: saved)
                Console.write(format == .json ? HealthReport.renderJSON(plan: plan, results: results) : HealthReport.render(plan: plan, results: results))
                failed = results.contains { $0.passed == false }
            }
            if strict && (!checked.diagnostics.isEmpty || failed) { throw ExitCode(1) }
        }
    }
}
