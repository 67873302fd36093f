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

    func validate() throws {
        if let effort, effort < 0 { throw ValidationError("--effort must be a number of schedules, 0 or more") }
    }

    /// The options when `level` is on, nil otherwise.
    func options(level: Bool) -> LevelingOptions? { level ? options : nil }
}
