import ArgumentParser
import SlipwayEngine

/// How hard `--level` searches, shared by the commands that level (schedule,
/// critical, render, recover).
struct LevelingArguments: ParsableArguments {
    @Option(help: "With --level: schedules the leveling search may generate (default 5,000; fewer beyond 1,000 tasks, at most 5 million placements); 0 keeps the single pass.")
    var effort: Int?

    @Option(help: "With --level: the search's random seed; the same seed gives the same schedule on any machine.")
    var seed: UInt64 = LevelingOptions.defaultSeed

    var options: LevelingOptions { LevelingOptions(effort: effort, seed: seed) }

    static let mostSchedules = 10_000_000

    func validate() throws {
        // The same bound as --iterations: beyond ten million schedules a search runs
        // for hours (`--effort 9223372036854775807` never finished), which is a typo.
        if let effort, effort < 0 || effort > Self.mostSchedules {
            throw ValidationError("--effort must be a number of schedules from 0 to 10,000,000")
        }
    }

    /// The options when `level` is on, nil otherwise.
    func options(level: Bool) -> LevelingOptions? { level ? options : nil }
}
