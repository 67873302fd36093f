import Foundation
import SlipwayCore

/// `slipway review` whole process: the AWS plan's pack with 10,000 iterations
/// (target <= 3 s) and the pack of a 5,000-task mixed plan with the default
/// iterations (target <= 15 s and a file under 20 MB, its large diagrams limited
/// to their critical part). Processor time beside the wall time: on a shared
/// machine the wall time says as much about the neighbours' builds.
enum ReviewBench {
    static func run(slipway: String, awsPlan: String = "plans/aws-migration.yaml") throws {
        print("\n== review, whole process ==")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-review-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if FileManager.default.fileExists(atPath: awsPlan) {
            let page = directory.appendingPathComponent("aws.html").path
            let child = try ChildProcess.run(slipway, ["review", awsPlan, "--iterations", "10000", "--seed", "7", "-o", page], stdout: "/dev/null")
            guard child.status == 0 else { throw RenderBench.BenchFailure(description: "review of the AWS plan exited with \(child.status)") }
            print("AWS plan, 10,000 iterations (plan + 6 alternatives): \(Measure.format(child.seconds)) (processor \(Measure.format(child.cpuSeconds))), "
                  + "\(megabytes(page)) MB, peak \(Int(child.peakMiB)) MiB   target <= 3 s   \(child.seconds <= 3 ? "MET" : "MISSED")")
        }
        let plan = directory.appendingPathComponent("mixed-5000.yaml").path
        try AtomicFile.write(SyntheticPlan.mixed(tasks: 5_000, seed: LoadingBench.seed), to: plan)
        let page = directory.appendingPathComponent("mixed-5000.html").path
        // The default iterations: 4,990 for this plan, as the pack says (`ReviewPack.Settings.default(for:)`).
        let child = try ChildProcess.run(slipway, ["review", plan, "--seed", "7", "-o", page], stdout: "/dev/null")
        guard child.status == 0 else { throw RenderBench.BenchFailure(description: "review of the 5,000-task plan exited with \(child.status)") }
        let size = megabytes(page)
        print("5,000-task plan, default iterations: \(Measure.format(child.seconds)) (processor \(Measure.format(child.cpuSeconds))), \(size) MB, "
              + "peak \(Int(child.peakMiB)) MiB   "
              + "target <= 15 s and < 20 MB   \(child.seconds <= 15 && (Double(size) ?? 99) < 20 ? "MET" : "MISSED")")
    }

    static func megabytes(_ path: String) -> String {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return String(format: "%.1f", Double(bytes) / 1_000_000)
    }
}
