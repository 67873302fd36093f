import Foundation
import SlipwayCore
import SlipwayEngine

/// `slipway schedule PLAN --level` as a user runs it, whole process, at the
/// default effort: the AWS plan and a generated plan of 1,000 tasks over 20 owners.
enum LevelingSpeedBench {
    static func run(slipway: String, awsPlan: String = "plans/aws-migration.yaml") throws {
        print("\n== slipway schedule PLAN --level, whole process, default effort (\(LevelingOptions.defaultEffort) schedules up to \(LevelingOptions.defaultPlacements / LevelingOptions.defaultEffort) nodes) ==")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-bench-level-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = directory.appendingPathComponent("tasks-1000.yaml").path
        try AtomicFile.write(SyntheticPlan.withOwners(tasks: 1_000, seed: 7), to: generated)
        for (name, path, target) in [("AWS plan", awsPlan, 0.3), ("1,000 tasks, 20 owners", generated, 2.0)] {
            let runs = try (0..<3).map { _ in try time(slipway, ["schedule", path, "--level", "-o", directory.appendingPathComponent("out.txt").path]) }
            let wall = runs.map(\.wall).min()!, cpu = runs.map(\.cpu).min()!
            // On a busy machine the wall time includes waiting for a core; the CPU time
            // (user + system, all threads) does not.
            print("\(name): wall \(Measure.format(wall)), CPU \(Measure.format(cpu)) (best of 3)   target < \(String(format: "%.1f", target)) s   \(wall < target ? "MET" : "MISSED")")
        }
    }

    /// The wall time of one run and the CPU time it used (from the children's usage).
    static func time(_ slipway: String, _ arguments: [String]) throws -> (wall: Double, cpu: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: slipway)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        let before = childrenCPU()
        let (_, wall) = try Measure.time {
            try process.run()
            process.waitUntilExit()
        }
        return (wall, childrenCPU() - before)
    }

    static func childrenCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
