import Foundation
@_spi(Stages) import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// `slipway schedule PLAN --format json` on plans shaped like users' files
/// (`SyntheticPlan.mixed`: shuffled order, references ahead of definitions, all
/// link types and forms, estimates), whole process as a user runs it, with wall
/// time and peak memory of the child; then the same stages in process, each timed
/// on its own, to show where the time goes.
enum LoadingBench {
    static let seed: UInt64 = 11

    /// The issue's targets: whole-process seconds and peak MiB for each size.
    static func target(tasks: Int) -> (seconds: Double, mebibytes: Double)? {
        switch tasks {
        case 100_000: return (1.5, 1024)
        case 1_000_000: return (15, 6 * 1024)
        default: return nil
        }
    }

    static func run(slipway: String, sizes: [Int] = [100_000, 1_000_000], runs: Int = 3) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slipway-loading-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for tasks in sizes {
            print("\n== Loading: slipway schedule PLAN --format json, mixed plan of \(tasks) tasks ==")
            let (text, generating) = Measure.time { SyntheticPlan.mixed(tasks: tasks, seed: seed) }
            let path = directory.appendingPathComponent("mixed-\(tasks).yaml").path
            try AtomicFile.write(text, to: path)
            print("plan file: \(text.utf8.count / (1024 * 1024)) MiB, generated in \(Measure.format(generating))")

            // Whole process; the fastest of `runs` (the least disturbed), and the
            // largest peak. One run for big plans, where a run takes seconds.
            let repeats = tasks >= 1_000_000 ? 1 : runs
            var wall = Double.infinity, cpu = 0.0, peak = 0.0
            for _ in 0..<repeats {
                let child = try ChildProcess.run(slipway, ["schedule", path, "--format", "json"],
                                                 stdout: directory.appendingPathComponent("out.json").path)
                guard child.status == 0 else { throw RenderBench.BenchFailure(description: "slipway exited with \(child.status)") }
                if child.seconds < wall { (wall, cpu) = (child.seconds, child.cpu) }
                peak = max(peak, child.peakMiB)
            }
            let check = try ChildProcess.run(slipway, ["check", path], stdout: "/dev/null")
            let goal = target(tasks: tasks)
            print("whole process (best of \(repeats)): wall \(Measure.format(wall)), cpu \(Measure.format(cpu))" + (goal.map { "   target <= \($0.seconds) s   \(wall <= $0.seconds ? "MET" : "MISSED")" } ?? ""))
            print("peak memory of slipway: \(Int(peak)) MiB" + (goal.map { "   target < \(Int($0.mebibytes)) MiB   \(peak < $0.mebibytes ? "MET" : "MISSED")" } ?? ""))
            print("slipway check alone: wall \(Measure.format(check.seconds)), cpu \(Measure.format(check.cpu)), peak \(Int(check.peakMiB)) MiB")
            try stages(text, runs: repeats)
        }
    }

    /// The steps of `slipway schedule --format json`, each timed by calling the
    /// library directly, in the order the command runs them; the fastest of
    /// `runs` for each step (one run for big plans, where a run takes seconds),
    /// with the CPU time of that run.
    static func stages(_ text: String, runs: Int) throws {
        let names = ["parse (YAML compose)", "read (PlanReader)", "resolve (reference and progress check)",
                     "schedule (graph, order, passes, checks)", "write JSON"]
        var best = [(wall: Double, cpu: Double)](repeating: (.infinity, 0), count: names.count)
        var bytes = 0
        func keep(_ stage: Int, _ wall: Double, _ cpu: Double) {
            if wall < best[stage].wall { best[stage] = (wall, cpu) }
        }
        for _ in 0..<runs {
            let (parsed, parsing, parsingCPU) = Measure.times { PlanLoader.parse(text) }
            keep(0, parsing, parsingCPU)
            guard case .next(let tree) = parsed else { throw RenderBench.BenchFailure(description: "generated plan did not parse") }
            let (read, reading, readingCPU) = Measure.times { PlanLoader.read(tree) }
            keep(1, reading, readingCPU)
            guard case .next(let entries) = read else { throw RenderBench.BenchFailure(description: "generated plan could not be read") }
            let (loaded, resolving, resolvingCPU) = Measure.times { PlanLoader.resolve(entries) }
            keep(2, resolving, resolvingCPU)
            guard loaded.isValid else {
                throw RenderBench.BenchFailure(description: "generated plan is invalid: \(loaded.diagnostics.first.map { $0.rendered(path: "plan") } ?? "?")")
            }
            let (checked, scheduling, schedulingCPU) = Measure.times { CheckedPlan.from(loaded) }
            keep(3, scheduling, schedulingCPU)
            guard let plan = checked.plan, let schedule = checked.schedule else { throw RenderBench.BenchFailure(description: "generated plan is cyclic") }
            let (count, writing, writingCPU) = Measure.times { Data(ScheduleJSON.render(plan: plan, schedule: schedule).utf8).count }
            keep(4, writing, writingCPU)
            bytes = count
        }
        print("where the time goes (in process, best of \(runs); wall, and CPU time of this thread):")
        for (name, time) in zip(names, best) {
            let label = name == "write JSON" ? "write JSON (\(bytes / (1024 * 1024)) MiB)" : name
            print("  " + label.padding(toLength: 42, withPad: " ", startingAt: 0) + Measure.format(time.wall) + "   cpu " + Measure.format(time.cpu))
        }
        print("  " + "total".padding(toLength: 42, withPad: " ", startingAt: 0) + Measure.format(best.map(\.wall).reduce(0, +))
              + "   cpu " + Measure.format(best.map(\.cpu).reduce(0, +)))
    }
}

/// A child process run to completion, with its own resource usage: `wait4`
/// reports the peak memory of that child alone, where `getrusage(RUSAGE_CHILDREN)`
/// gives the largest of all children so far.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var seconds: Double
        /// User and system CPU seconds of the child.
        var cpu: Double
        var peakMiB: Double
        /// The same as `cpu`, by the name the review benchmark reads: on a shared
        /// machine the wall time depends on the others' load, this much less.
        var cpuSeconds: Double = 0
    }

    static func run(_ path: String, _ arguments: [String], stdout: String) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw RenderBench.BenchFailure(description: "cannot run \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Linux reports ru_maxrss in KiB. Exit code as the shell shows it.
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Outcome(status: exit, seconds: seconds, cpu: cpu, peakMiB: Double(usage.ru_maxrss) / 1024, cpuSeconds: cpu)
    }
}
