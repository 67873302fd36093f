import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayInterchange
import SlipwayScheduling

extension ExportFormat: ExpressibleByArgument {}

extension Slipway {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a plan and its schedule in another tool's format.",
            discussion: """
                Formats: tracker (the constraint tracker Markdown, with the resolution table
                brought up to date), mspdi (Microsoft Project XML, for MS Project, ProjectLibre
                and GanttProject), tjp (TaskJuggler), mermaid (a gantt block GitHub renders),
                csv, ics (iCalendar: milestones, constraint targets and holidays; needs 'start').

                Example:
                  slipway export plans/aws-migration.yaml --format mspdi -o output/aws-migration.xml
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "tracker, mspdi, tjp, mermaid, csv or ics.")
        var format: ExportFormat

        @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
        var output: String?

        @Option(help: "For mspdi: the saved baseline to include (default: the plan's default baseline, when it exists).")
        var baseline: String?

        func validate() throws {
            if let baseline, !BaselineStore.isValidName(baseline) { throw ValidationError("--baseline '\(baseline)' is not a baseline name") }
        }

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(showWarnings: false)
            let exported = Interchange.export(plan: plan, schedule: schedule, format: format, baseline: try savedBaseline())
            Console.report(exported.diagnostics, path: options.displayPath)
            guard let text = exported.text else { throw ExitCode(2) }
            try Console.emit(text, to: output, sparing: options.plan)
        }

        /// The baseline named by --baseline (an error when missing or damaged), else
        /// the plan's default baseline when one has been saved.
        private func savedBaseline() throws -> Baseline? {
            guard format == .mspdi, options.plan != "-" else { return nil }
            let path = BaselineStore.path(forPlan: options.plan, name: baseline)
            if baseline == nil && !FileManager.default.fileExists(atPath: path) { return nil }
            switch Baseline.load(path: path) {
            case .success(let saved): return saved
            case .failure(let problem):
                Console.error(problem.description)
                throw ExitCode(2)
            }
        }
    }
}
