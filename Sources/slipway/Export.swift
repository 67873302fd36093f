import ArgumentParser
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
                csv, ics (iCalendar: milestones and constraint targets; needs 'start').

                Example:
                  slipway export plans/aws-migration.yaml --format mspdi -o output/aws-migration.xml
                """)

        @OptionGroup var options: PlanOptions

        @Option(help: "tracker, mspdi, tjp, mermaid, csv or ics.")
        var format: ExportFormat

        @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
        var output: String?

        func run() throws {
            let (plan, schedule) = try options.loadScheduled(showWarnings: false)
            let exported = Interchange.export(plan: plan, schedule: schedule, format: format)
            Console.report(exported.diagnostics, path: options.displayPath)
            guard let text = exported.text else { throw ExitCode(2) }
            try Console.emit(text, to: output)
        }
    }
}
