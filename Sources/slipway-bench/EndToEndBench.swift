import Foundation
import SlipwayCore
import SlipwayReports
import SlipwayScheduling
import Yams

/// `slipway schedule big.yaml --format json` on a generated plan file, as a user
/// runs it, then the same steps in process to show where the time goes.
enum EndToEndBench {
    /// A plan of `tasks` tasks in 4 phases, 20 owners, ~2 links each.
    static func planText(tasks: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var out = "plan: Generated benchmark plan\nstart: 2025-01-13\ndeadline: 52w\nowners:\n"
        for o in 0..<20 { out += "  - id: team-\(o)\n    rate: 1000\n" }
        out += "phases:\n"
        for p in 0..<4 { out += "  - id: phase-\(p)\n    weeks: \(p * 10 + 1)-\(p * 10 + 10)\n" }
        out += "tasks:\n"
        for i in 0..<tasks {
            out += "  - id: t\(i)\n    title: Task number \(i)\n    duration: \(1 + rng.next() % 4)-\(5 + rng.next() % 4)d\n"
            out += "    owner: team-\(rng.next() % 20)\n    phase: phase-\(i * 4 / tasks)\n"
            if i > 0 {
                let a = i - 1 - Int(rng.next() % UInt64(min(i, 500)))
                let b = i - 1 - Int(rng.next() % UInt64(min(i, 500)))
                out += a == b ? "    after: [t\(a)]\n" : "    after: [t\(a), \"t\(b) SS+1d\"]\n"
            }
        }
        return out
    }

    static func run(slipway: String, tasks: Int = 100_000) throws {
        print("\n== End to end: slipway schedule big.yaml --format json, \(tasks) tasks ==")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.yaml").path
        let text = planText(tasks: tasks, seed: 7)
        try AtomicFile.write(text, to: path)
        print("plan file: \(text.utf8.count / 1024) KiB")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: slipway)
        process.arguments = ["schedule", path, "--format", "json", "-o", directory.appendingPathComponent("big.json").path]
        process.standardError = FileHandle.nullDevice
        let (_, wall) = try Measure.time {
            try process.run()
            process.waitUntilExit()
        }
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let childPeak = Double(usage.ru_maxrss) / 1024
        print("exit status \(process.terminationStatus); wall \(Measure.format(wall))   target <= 5.000 s   \(wall <= 5 ? "MET" : "MISSED")")
        print("peak memory of slipway: \(Int(childPeak)) MiB   target < 2048 MiB   \(childPeak < 2048 ? "MET" : "MISSED")")

        print("where the time goes (in process):")
        let (loaded, load) = Measure.time { PlanLoader.load(text: text) }
        print("  load (compose + walk + checks): \(Measure.format(load))")
        let (outcome, scheduling) = Measure.time { Scheduler.schedule(loaded.plan!) }
        print("  schedule (graph, order, passes, checks): \(Measure.format(scheduling))")
        guard case .scheduled(let schedule) = outcome else { fatalError("generated plan is cyclic") }
        let (json, rendering) = Measure.time { ScheduleJSON.render(plan: loaded.plan!, schedule: schedule) }
        print("  render JSON (\(json.utf8.count / 1024) KiB): \(Measure.format(rendering))")
        // Why the loader streams libyaml events itself: Yams' own node tree costs this much alone.
        let (_, compose) = Measure.time { _ = try? Yams.compose(yaml: text) }
        print("  for comparison, Yams.compose of the same text (not used): \(Measure.format(compose))")
    }
}
