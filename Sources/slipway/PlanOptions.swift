import ArgumentParser
import Foundation
import SlipwayCore
import SlipwayScheduling
import SlipwayEngine

/// The plan argument every command takes, and the shared way of reporting on it.
struct PlanOptions: ParsableArguments {
    @Argument(help: "The plan file (YAML), or - to read standard input.")
    var plan: String

    var displayPath: String { plan == "-" ? "<stdin>" : plan }

    /// The plan's progress sidecar (none for standard input).
    var sidecar: ProgressLog.Source? { plan == "-" ? nil : PlanLoader.sidecar(forPlan: plan) }

    /// Loads and schedules the plan (leveled when `leveling` is given), prints
    /// every diagnostic to stderr, and exits with status 2 when the plan is invalid.
    /// `source` is the plan's text and sidecar when the command has read them
    /// already: standard input can be read only once.
    func loadScheduled(showWarnings: Bool = true, leveling: LevelingOptions? = nil,
                       source: (text: String, sidecar: ProgressLog.Source?)? = nil) throws -> (Plan, Schedule) {
        let loaded = source.map { CheckedPlan.from(PlanLoader.load(text: $0.text, progress: $0.sidecar)) } ?? CheckedPlan.load(path: plan)
        let checked = leveling.map { loaded.leveled($0) } ?? loaded
        Console.report(checked.diagnostics, path: displayPath, warnings: showWarnings)
        guard let plan = checked.plan, let schedule = checked.schedule else {
            Console.error("\(displayPath): \(checked.diagnostics.summary); nothing scheduled")
            throw ExitCode(2)
        }
        return (plan, schedule)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown
}

/// The formats of the analysis commands (critical, slip, recover).
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// The formats of `variance`.
enum VarianceFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, markdown
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic], path: String, warnings: Bool = true) {
        for d in diagnostics where warnings || d.severity == .error {
            error(d.rendered(path: path))
        }
    }

    /// Writes to a file atomically, or to standard output when there is no path;
    /// never over the input the text was made from.
    static func emit(_ text: String, to path: String?, sparing input: String? = nil) throws {
        guard let path else { return write(text) }
        try refuseOverwriting(input, with: path)
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
    }

    /// Exits with status 2 when `output` is the input file itself: `-o plan.yaml`
    /// would replace the plan with its own schedule.
    static func refuseOverwriting(_ input: String?, with output: String) throws {
        guard let input, InputFile.sameFile(input, output) else { return }
        error("error: -o \(output) is the input file; refusing to write over it. Choose another path")
        throw ExitCode(2)
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
    static var useColor: Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
