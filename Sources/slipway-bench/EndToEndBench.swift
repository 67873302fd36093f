import Foundation
import SlipwayCore
import SlipwayReports
import SlipwayScheduling
import Yams

/// `slipway schedule big.yaml --format json` on a generated plan file, as a user
/// runs it, then the same steps in process to show where the time goes.
enum EndToEndBench {

    static func run(slipway: String, tasks: Int = 100_000) throws {
        print("\n== End to end: slipway schedule big.yaml --format json, \(tasks) tasks ==")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.yaml").path
        let text = SyntheticPlan.withOwners(tasks: tasks, seed: 7)
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
