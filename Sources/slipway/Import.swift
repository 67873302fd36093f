import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayInterchange
import SlipwayScheduling

extension Slipway {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn another tool's document into a plan file.",
            discussion: """
                Examples:
                  slipway import tracker ../shared/seed/aws-migration-constraint-tracker.md -o plans/tracker.yaml
                  slipway import mspdi project.xml -o plans/project.yaml
                  slipway import mermaid roadmap.md -o plans/roadmap.yaml
                  slipway import psplib ../shared/benchmarks/psplib/j30/j301_1.sm -o plans/j301_1.yaml
                """,
            subcommands: [TrackerDocument.self, MSPDI.self, Mermaid.self, PSPLIB.self])
    }
}

extension Slipway.Import {
    struct TrackerDocument: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tracker",
            abstract: "Import a constraint tracker (Markdown) and report where it disagrees with itself.",
            discussion: """
                Warnings name each line that could not be mapped or got a default, and each
                phase activity taken for a constraint's mitigation (planned once, in its
                phase); then the tracker's own inconsistencies (statistics, severities, table
                rows) and the contradictions between its sections (a target the phases cannot
                meet, a next step due before its phase, an open-ended timeline with a target
                week), each with a note at the statement it contradicts. "Option N:" bullets
                become options, the first chosen. The plan is checked and scheduled before it
                is written.

                Example:
                  slipway import tracker ../shared/seed/aws-migration-constraint-tracker.md -o plans/tracker.yaml
                """)

        @Argument(help: "The tracker document (Markdown).")
        var file: String

        @OptionGroup var destination: ImportDestination

        @Flag(help: "Write the plan even when nothing in the document was recognised as a risk or a task.")
        var allowEmpty = false

        func run() throws {
            try ImportInput.run(file, to: destination) { Interchange.importTracker(text: $0, source: file, allowEmpty: allowEmpty) }
        }
    }

    struct MSPDI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mspdi",
            abstract: "Import a Microsoft Project XML (MSPDI) file.",
            discussion: """
                Summary tasks become phases, tasks keep their predecessor links (the four
                types and lags), resources become owners and assignments their needs.
                An element that cannot be read (a duration, date or number that is not
                one, a link or an assignment to something not in the file) is an error
                at its line, and nothing is written; --lenient imports the rest, drops
                each such item with a warning at its line (a task with its links) and
                says what it imported and dropped. A file that is not well-formed XML
                is refused either way.

                Examples:
                  slipway import mspdi project.xml -o plans/project.yaml
                  slipway import mspdi project.xml --lenient -o plans/project.yaml
                """)

        @Argument(help: "The Microsoft Project XML file.")
        var file: String

        @OptionGroup var destination: ImportDestination

        @Flag(help: "Drop what cannot be read (a task, link, assignment or value), with a warning at its line, and import the rest.")
        var lenient = false

        func run() throws {
            try ImportInput.run(file, to: destination) { Interchange.importMSPDI(text: $0, source: file, lenient: lenient) }
        }
    }
}

extension Slipway.Import {
    struct Mermaid: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mermaid",
            abstract: "Import a Mermaid gantt chart (.mmd, or the ```mermaid block of a Markdown file).",
            discussion: """
                Sections become phases; tasks keep their ids, 'after' links, start dates
                (as not-before dates) and durations or end dates; done and active tasks
                become progress at their dates. Slipway's own Mermaid export reads back
                to the same schedule.

                Example:
                  slipway import mermaid roadmap.md -o plans/roadmap.yaml
                """)

        @Argument(help: "The Mermaid file, or a Markdown file holding a ```mermaid gantt block.")
        var file: String

        @OptionGroup var destination: ImportDestination

        func run() throws {
            try ImportInput.run(file, to: destination) { Interchange.importMermaid(text: $0, source: file) }
        }
    }

    struct PSPLIB: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "psplib",
            abstract: "Import a PSPLIB single-mode project scheduling instance (.sm).",
            discussion: """
                Each renewable resource becomes an owner (r1, r2, ...) with its availability as
                capacity, each job a task (j1 ... jN) with its duration in weeks (one period is
                one week), its requests as needs and its predecessors as finish-to-start links;
                the dummy source and sink are milestones. Level it with 'schedule --level'.

                Example:
                  slipway import psplib ../shared/benchmarks/psplib/j30/j301_1.sm -o plans/j301_1.yaml
                  slipway schedule plans/j301_1.yaml --level
                """)

        @Argument(help: "The PSPLIB instance file (single-mode, .sm).")
        var file: String

        @OptionGroup var destination: ImportDestination

        func run() throws {
            try ImportInput.run(file, to: destination) { Interchange.importPSPLIB(text: $0, source: file) }
        }
    }
}

/// Where an import writes the plan it made.
struct ImportDestination: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the plan to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "Replace the -o file when it exists.")
    var force = false
}

enum ImportInput {
    /// Reads the input, imports it, and writes the plan (see `finish`).
    static func run(_ file: String, to destination: ImportDestination, _ importer: (String) -> Interchange.Imported) throws {
        let imported = importer(try read(file))
        try finish(imported, file: file, output: destination.output, force: destination.force)
    }

    static func read(_ file: String) throws -> String {
        switch InputFile.read(file) {
        case .failure(let failure):
            Console.error("error: cannot read the input: \(failure)")
            throw ExitCode(2)
        case .success(let data):
            guard let text = String(data: data, encoding: .utf8) else {
                Console.error("\(file): error: the file is not UTF-8 text")
                throw ExitCode(2)
            }
            return text
        }
    }

    /// Prints the diagnostics against the input, then writes the plan unless the
    /// import failed or the plan it made does not check.
    static func finish(_ imported: Interchange.Imported, file: String, output: String?, force: Bool) throws {
        Console.report(imported.diagnostics, path: file == "-" ? "<stdin>" : file)
        Console.report(imported.planDiagnostics, path: output ?? "<plan>")
        if let summary = imported.summary { Console.error("\(file == "-" ? "<stdin>" : file): \(summary)") }
        guard let yaml = imported.yaml else { throw ExitCode(2) }
        // A plan file holds hand-written comments and choices: replace one only when asked.
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            Console.error("error: \(output) exists; pass --force to replace it, or choose another -o path")
            throw ExitCode(2)
        }
        try Console.emit(yaml, to: output, sparing: file)
    }
}
