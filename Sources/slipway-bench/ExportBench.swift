import Foundation
import SlipwayCore

/// `slipway export PLAN --format F` on mixed plans of 8,000, 32,000 and 128,000
/// tasks, whole process: each format must stay within a second at 32,000 tasks
/// and grow linearly (the MSPDI and TaskJuggler exporters were quadratic once).
/// Then `slipway simulate` of the AWS plan leveled, and of an 8,000-task plan.
enum ExportBench {
    static let formats = ["mspdi", "tjp", "csv", "mermaid"]

    static func run(slipway: String, sizes: [Int] = [8_000, 32_000, 128_000]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-export-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        print("\n== Export, whole process (best of 2), mixed plans ==")
        var seconds: [String: [Double]] = [:]
        for tasks in sizes {
            let path = directory.appendingPathComponent("mixed-\(tasks).yaml").path
            try AtomicFile.write(SyntheticPlan.mixed(tasks: tasks, seed: LoadingBench.seed), to: path)
            var line = "\(tasks) tasks:"
            for format in formats {
                var best = Double.infinity
                for _ in 0..<2 {
                    let child = try ChildProcess.run(slipway, ["export", path, "--format", format, "-o", directory.appendingPathComponent("out.\(format)").path],
                                                     stdout: "/dev/null")
                    guard child.status == 0 || child.status == 1 else { throw RenderBench.BenchFailure(description: "export \(format) exited with \(child.status)") }
                    best = min(best, child.seconds)
                }
                seconds[format, default: []].append(best)
                line += "  \(format) \(Measure.format(best))"
                if tasks == 32_000 { line += best <= 1 ? " (MET <= 1 s)" : " (MISSED <= 1 s)" }
            }
            print(line)
        }
        if sizes.count > 1 {
            for format in formats {
                guard let times = seconds[format], times.count == sizes.count else { continue }
                let ratios = zip(times.dropFirst(), times).map { String(format: "%.1f", $0 / $1) }
                print("\(format): time ratio per 4x tasks \(ratios.joined(separator: ", ")) (linear is about 4)")
            }
        }
    }

    /// The AWS plan simulated leveled (target <= 2 s for 10,000 iterations) and
    /// an 8,000-task mixed plan unleveled (target <= 4 s), whole process.
    static func runSimulation(slipway: String, awsPlan: String = "plans/aws-migration.yaml") throws {
        print("\n== simulate, whole process ==")
        if FileManager.default.fileExists(atPath: awsPlan) {
            let child = try ChildProcess.run(slipway, ["simulate", awsPlan, "--level", "--iterations", "10000", "--seed", "7"], stdout: "/dev/null")
            print("AWS plan, 10,000 leveled iterations: \(Measure.format(child.seconds))   target <= 2 s   \(child.seconds <= 2 ? "MET" : "MISSED")")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-simulate-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mixed-8000.yaml").path
        try AtomicFile.write(SyntheticPlan.mixed(tasks: 8_000, seed: LoadingBench.seed), to: path)
        let child = try ChildProcess.run(slipway, ["simulate", path, "--iterations", "10000", "--seed", "7"], stdout: "/dev/null")
        print("8,000-task plan, 10,000 iterations: \(Measure.format(child.seconds))   target <= 4 s   \(child.seconds <= 4 ? "MET" : "MISSED")")
    }

    /// `slipway compare` of the AWS plan (its three NATS options and three
    /// scenarios, 10,000 leveled iterations each; target <= 5 s) and of a
    /// 1,000-task mixed plan with five scenarios (2,000 iterations each; <= 5 s).
    static func runCompare(slipway: String, awsPlan: String = "plans/aws-migration.yaml") throws {
        print("\n== compare, whole process ==")
        if FileManager.default.fileExists(atPath: awsPlan) {
            let child = try ChildProcess.run(slipway, ["compare", awsPlan, "--option", "nats-protocol=all", "--scenario", "hire-consultant",
                                                       "--scenario", "second-core-stream", "--scenario", "slow-quota-approval",
                                                       "--iterations", "10000", "--seed", "7"], stdout: "/dev/null")
            print("AWS plan, 3 options + 3 scenarios, 10,000 leveled iterations each: \(Measure.format(child.seconds))   target <= 5 s   \(child.seconds <= 5 ? "MET" : "MISSED")")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-compare-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Five what-ifs on the generated plan's first teams and tasks.
        let scenarios = """

            scenarios:
              - {id: more-team-0, capacity: {team-0: 3}}
              - {id: more-team-1, capacity: {team-1: 4}}
              - {id: faster-two, durations: {t574: 0.5w, t987: 0.5w}}
              - {id: later-start, start: 2025-02-03}
              - {id: extra-work, tasks: [{id: extra-1, duration: 2w, owner: team-0}, {id: extra-2, duration: 1w, owner: team-1, after: [extra-1]}]}
            """
        let path = directory.appendingPathComponent("mixed-1000.yaml").path
        try AtomicFile.write(SyntheticPlan.mixed(tasks: 1_000, seed: LoadingBench.seed) + scenarios, to: path)
        let child = try ChildProcess.run(slipway, ["compare", path, "--iterations", "2000", "--seed", "7"], stdout: "/dev/null")
        guard child.status == 0 else { throw RenderBench.BenchFailure(description: "compare exited with \(child.status)") }
        print("1,000-task plan, plan + 5 scenarios, 2,000 iterations each: \(Measure.format(child.seconds))   target <= 5 s   \(child.seconds <= 5 ? "MET" : "MISSED")")
    }
}
