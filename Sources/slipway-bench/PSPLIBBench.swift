import SlipwayEngine
import Foundation
import SlipwayScheduling

/// Slipway's resource leveling on the PSPLIB single-mode sets J30, J60, J90 and
/// J120 (Kolisch & Sprecher 1997): makespan against the optima (J30) or best known
/// makespans (J60-J120) and against the critical-path lower bound, feasibility of
/// every schedule, and time per instance.
///
/// - Parameter directory: the PSPLIB folder, with `j30/ j60/ j90/ j120/` of `.sm`
///   files and `solutions/`; skipped with a message when missing.
/// - Complexity: per instance, that of `ResourceLeveling.level` plus O(*V*² *R*)
///   for the feasibility check, for *V* jobs and *R* resources.
func runPSPLIBBench(directory: String) {
    print("== PSPLIB single-mode RCPSP (Kolisch & Sprecher 1997): ResourceLeveling.levelImproved, latest-start priority ==")
    guard FileManager.default.fileExists(atPath: directory) else {
        print("PSPLIB data not found at \(directory); skipped (pass --psplib DIR)")
        return
    }
    print("set   instances  vs reference            = reference  vs CPM bound  infeasible  time/instance")
    for (set, solutions, kind) in [("j30", "j30opt.sm", "optimum"), ("j60", "j60hrs.sm", "best known"),
                                   ("j90", "j90hrs.sm", "best known"), ("j120", "j120hrs.sm", "best known")] {
        do {
            let stats = try PSPLIBSetStats.run(directory: directory, set: set, solutions: solutions)
            print(stats.line(set: set.uppercased(), kind: kind))
            for problem in stats.problems.prefix(10) { print("  \(problem)") }
        } catch {
            print("\(set.uppercased()): \(error)")
        }
    }
    // No literature figures are printed: the ones we could quote were not checked
    // against the papers, and most published results use many schedules per
    // instance (sampling, metaheuristics), not one pass as the leveling does.
    print("(one schedule per instance: forward pass, then forward-backward improvement; no sampling)")
}

/// The figures of one PSPLIB set.
struct PSPLIBSetStats {
    var instances = 0
    var deviationFromReference = 0.0
    var equalToReference = 0
    var deviationFromCPM = 0.0
    var infeasible = 0
    var seconds = 0.0
    /// Infeasible schedules, makespans below a proven optimum, missing references.
    var problems: [String] = []

    /// Levels every instance of `set`; only leveling (network, order, CPM, leveling)
    /// is timed, not the reading of the files.
    static func run(directory: String, set: String, solutions: String) throws -> PSPLIBSetStats {
        let reference = PSPLIB.makespans(text: try text(of: "\(directory)/solutions/\(solutions)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(directory)/\(set)").filter { $0.hasSuffix(".sm") }.sorted()
        var stats = PSPLIBSetStats()
        for file in files {
            let path = "\(directory)/\(set)/\(file)"
            let instance = try PSPLIB.instance(text: try text(of: path), path: path)
            // j301_1.sm: parameter 1, instance 1 of set j30.
            let key = String(file.dropFirst(set.count).dropLast(3))
            guard let best = reference[key].map(Double.init) else { stats.problems.append("\(file): no reference makespan"); continue }
            let ((start, cpm), seconds) = Measure.time { level(instance) }
            let makespan = zip(start, instance.duration).map { $0 + $1 }.max() ?? 0
            stats.instances += 1
            stats.seconds += seconds
            stats.deviationFromReference += (makespan - best) / best * 100
            stats.deviationFromCPM += (makespan - cpm) / cpm * 100
            if makespan == best { stats.equalToReference += 1 }
            if makespan < best && solutions.contains("opt") { stats.problems.append("\(file): makespan \(makespan) below the optimum \(best)") }
            if let violation = violation(instance, start: start) {
                stats.infeasible += 1
                stats.problems.append("\(file): infeasible, \(violation)")
            }
        }
        return stats
    }

    /// The file's text; invalid UTF-8 (author names in Latin-1 in j120hrs.sm) is
    /// replaced, since only the numbers are read.
    static func text(of path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// Slipway's leveled starts and the critical-path makespan without resources.
    static func level(_ instance: PSPLIBInstance) -> (start: [Double], cpm: Double) {
        var links: [DependencyNetwork.Link] = []
        for (i, successors) in instance.successors.enumerated() {
            for s in successors { links.append(.init(from: Int32(i), to: Int32(s))) }
        }
        let network = DependencyNetwork(duration: instance.duration, release: nil, links: links)
        guard case .success(let ordered) = TopologicalOrder.sort(network) else { fatalError("PSPLIB precedence has a cycle") }
        let timing = CriticalPathMethod.schedule(ordered)
        let demands = ResourceDemands(capacity: instance.capacity, demands: instance.demand.map { row in
            row.enumerated().map { (resource: $0.offset, units: $0.element) }
        })
        return (ResourceLeveling.levelImproved(ordered, demands: demands, priority: timing.lateStart).start, timing.finish)
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

    func line(set: String, kind: String) -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        let count = Double(max(instances, 1))
        return pad(set, 6) + pad("\(instances)", 11) + pad(String(format: "%+.2f%% ", deviationFromReference / count) + "(\(kind))", 24)
            + pad(String(format: "%.1f%%", Double(equalToReference) / count * 100), 13)
            + pad(String(format: "%+.2f%%", deviationFromCPM / count), 14) + pad("\(infeasible)", 12)
            + String(format: "%.1f µs", seconds / count * 1e6)
    }
}
