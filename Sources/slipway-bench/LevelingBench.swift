import SlipwayCore
import SlipwayEngine
import Foundation
import SlipwayScheduling
import SlipwayInterchange

/// Slipway's resource leveling on the PSPLIB single-mode sets J30, J60, J90 and
/// J120 (Kolisch & Sprecher 1997) under budgets of generated schedules: makespan
/// against the optima (J30) or best known makespans (J60-J120) and against the
/// critical-path lower bound, feasibility of every schedule, and time per instance.
struct LevelingBench {
    var directory: String
    var sets: [String]
    var budgets: [Int]
    var seed: UInt64 = 1
    var threads: Int?
    /// Every `every`-th instance only (1: all), for quick looks.
    var every = 1
    /// Which instances `every` keeps: those whose index modulo `every` is this.
    var offset = 0
    /// A file to write one line per instance to (set, file, makespan, bound,
    /// reference), for paired comparisons of two runs.
    var perInstance: String?

    static let references = ["j30": ("j30opt.sm", "optimum"), "j60": ("j60hrs.sm", "best known"),
                             "j90": ("j90hrs.sm", "best known"), "j120": ("j120hrs.sm", "best known")]

    func run() {
        print("== PSPLIB single-mode RCPSP (Kolisch & Sprecher 1997): leveling under a budget of generated schedules ==")
        guard FileManager.default.fileExists(atPath: directory) else {
            print("PSPLIB data not found at \(directory); skipped (pass --psplib DIR)")
            return
        }
        print("budget 0 is the single pass (forward-backward improvement, 5 schedules at most); seed \(seed), "
              + "threads \(threads ?? MonteCarloSchedule.defaultThreads)\(every > 1 ? ", every \(every)th instance" : "")")
        print(PSPLIBSetStats.header)
        var perInstanceLines: [String] = []
        // Written once, atomically, after every set and budget.
        defer {
            if let perInstance {
                do { try AtomicFile.write(perInstanceLines.joined(), to: perInstance) } catch { print("\(perInstance): \(error)") }
            }
        }
        for set in sets {
            guard let (solutions, kind) = Self.references[set] else { print("\(set): unknown set"); continue }
            for budget in budgets {
                do {
                    let stats = try PSPLIBSetStats.run(bench: self, set: set, solutions: solutions, budget: budget)
                    print(stats.line(set: set.uppercased(), budget: budget, kind: kind))
                    perInstanceLines += stats.lines.map { "\(budget) \($0)\n" }
                    for problem in stats.problems.prefix(10) { print("  \(problem)") }
                } catch {
                    print("\(set.uppercased()): \(error)")
                }
            }
        }
    }
}

/// The figures of one PSPLIB set at one budget.
struct PSPLIBSetStats {
    var instances = 0
    var deviationFromReference = 0.0
    var maxFromReference = 0.0
    var equalToReference = 0
    var deviationFromCPM = 0.0
    var maxFromCPM = 0.0
    var infeasible = 0
    var seconds = 0.0
    var schedules = 0
    /// Infeasible schedules, makespans below a proven optimum, missing references.
    var problems: [String] = []
    /// One line per leveled instance: set, file, makespan, bound, reference.
    var lines: [String] = []

    static let header = "set   budget  instances  avg vs reference  max     = reference  avg vs CP bound  max      infeasible  schedules  s/instance"

    /// Levels every instance of `set`; only leveling (network, order, CPM, leveling)
    /// is timed, not the reading of the files.
    static func run(bench: LevelingBench, set: String, solutions: String, budget: Int) throws -> PSPLIBSetStats {
        let directory = bench.directory
        let reference = PSPLIBReferences.makespans(text: try text(of: "\(directory)/solutions/\(solutions)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(directory)/\(set)").filter { $0.hasSuffix(".sm") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        var stats = PSPLIBSetStats()
        for (k, file) in files.enumerated() where k % bench.every == bench.offset % bench.every {
            let path = "\(directory)/\(set)/\(file)"
            guard case .parsed(let instance) = PSPLIBInstance.parse(text: try text(of: path)) else {
                stats.problems.append("\(file): not a readable .sm file (slipway import psplib \(path) says why)")
                continue
            }
            // j301_1.sm: parameter 1, instance 1 of set j30.
            let key = String(file.dropFirst(set.count).dropLast(3))
            guard let best = reference[key].map(Double.init) else { stats.problems.append("\(file): no reference makespan"); continue }
            let options = LevelingOptions(effort: budget, seed: bench.seed, threads: bench.threads)
            let ((start, cpm, used), seconds) = Measure.time { level(instance, options: options) }
            let makespan = zip(start, instance.duration).map { $0 + $1 }.max() ?? 0
            if let violation = violation(instance, start: start) {
                stats.infeasible += 1
                stats.problems.append("\(file): infeasible, \(violation)")
                continue
            }
            stats.instances += 1
            stats.seconds += seconds
            stats.schedules += used
            let fromReference = (makespan - best) / best * 100, fromCPM = (makespan - cpm) / cpm * 100
            stats.deviationFromReference += fromReference
            stats.maxFromReference = max(stats.maxFromReference, fromReference)
            stats.deviationFromCPM += fromCPM
            stats.maxFromCPM = max(stats.maxFromCPM, fromCPM)
            if makespan <= best { stats.equalToReference += 1 }
            stats.lines.append("\(set) \(file) \(makespan) \(cpm) \(best)")
            if makespan < best && solutions.contains("opt") { stats.problems.append("\(file): makespan \(makespan) below the optimum \(best)") }
        }
        return stats
    }

    /// The file's text; invalid UTF-8 (author names in Latin-1 in j120hrs.sm) is
    /// replaced, since only the numbers are read.
    static func text(of path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// Slipway's leveled starts, the critical-path makespan without resources and
    /// the schedules generated.
    static func level(_ instance: PSPLIBInstance, options: LevelingOptions) -> (start: [Double], cpm: Double, schedules: Int) {
        guard case .success(let ordered) = TopologicalOrder.sort(instance.network()) else { fatalError("PSPLIB precedence has a cycle") }
        let timing = CriticalPathMethod.schedule(ordered)
        let result = ResourceLeveling.level(ordered, demands: instance.demands(), priority: timing.lateStart, options: options)
        return (result.start, timing.finish, result.schedules)
    }

    /// The first broken constraint of a schedule, or nil: every finish-to-start
    /// link holds and no resource is over capacity at any start time (the use of a
    /// resource only rises at a start, so checking the starts covers all instants).
    ///
    /// - Complexity: O(*V*² *R*) for *V* jobs and *R* resources.
    static func violation(_ instance: PSPLIBInstance, start: [Double]) -> String? {
        let n = instance.duration.count
        for i in 0..<n where start[i] < 0 { return "job \(i + 1) starts at \(start[i])" }
        for i in 0..<n {
            for s in instance.successors[i] where start[s] < start[i] + instance.duration[i] {
                return "job \(s + 1) starts at \(start[s]) before job \(i + 1) finishes at \(start[i] + instance.duration[i])"
            }
        }
        for j in 0..<n where instance.duration[j] > 0 {
            let t = start[j]
            for r in instance.capacity.indices {
                var used = 0.0
                for k in 0..<n where instance.duration[k] > 0 && start[k] <= t && t < start[k] + instance.duration[k] {
                    used += instance.demand[k][r]
                }
                if used > instance.capacity[r] { return "resource \(r + 1) uses \(used) of \(instance.capacity[r]) at t = \(t)" }
            }
        }
        return nil
    }

    func line(set: String, budget: Int, kind: String) -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        let count = Double(max(instances, 1))
        return pad(set, 6) + pad("\(budget)", 8) + pad("\(instances)", 11)
            + pad(String(format: "%.2f%% (%@)", deviationFromReference / count, kind == "optimum" ? "opt" : "best"), 18)
            + pad(String(format: "%.2f%%", maxFromReference), 8)
            + pad(String(format: "%.1f%%", Double(equalToReference) / count * 100), 13)
            + pad(String(format: "%.2f%%", deviationFromCPM / count), 17) + pad(String(format: "%.2f%%", maxFromCPM), 9)
            + pad("\(infeasible)", 12) + pad("\(schedules / max(instances, 1))", 11)
            + String(format: "%.4f", seconds / count)
    }
}
