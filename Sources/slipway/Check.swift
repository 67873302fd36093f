import ArgumentParser
import SlipwayCore
import SlipwayScheduling

extension Slipway {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a plan: print every problem and a one-line summary.",
            discussion: """
                Reports malformed YAML, unknown keys, missing or duplicate ids, unknown
                references, bad durations and dates, dependency cycles, and the schedule's
                warnings (deadline, due dates, targets, phase windows, budget).

                Example:
                  slipway check plans/aws-migration.yaml
                """)

        @OptionGroup var options: PlanOptions

        @Flag(help: "Exit with status 1 when the plan has warnings.")
        var strict = false

        func run() throws {
            let checked = CheckedPlan.load(path: options.plan)
            Console.report(checked.diagnostics, path: options.displayPath)
            let tasks = checked.plan?.tasks.count ?? 0
            Console.error("\(options.displayPath): \(checked.diagnostics.summary) (\(tasks) task\(tasks == 1 ? "" : "s"))")
            if checked.schedule == nil { throw ExitCode(2) }
            if strict && !checked.diagnostics.isEmpty { throw ExitCode(1) }
        }
    }
}
