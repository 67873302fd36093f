import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// Forward and backward passes over a generated network held in memory.
enum SchedulingBench {
    /// A DAG of `nodes` nodes with about `linksPerNode` links into each, from the
    /// preceding 1,000 nodes (so chains are long and the passes do real work),
    /// with mixed link types and lags.
    static func network(nodes: Int, linksPerNode: Int, seed: UInt64) -> DependencyNetwork {
        var rng = SplitMix64(seed: seed)
        var duration = [Double](repeating: 0, count: nodes)
        for i in 0..<nodes { duration[i] = Double(rng.next() % 40) / 4 }
        var links: [DependencyNetwork.Link] = []
        links.reserveCapacity(nodes * linksPerNode)
        for j in 1..<nodes {
            for _ in 0..<linksPerNode {
                let back = Int(rng.next() % UInt64(min(j, 1_000))) + 1
                let r = rng.next()
                // Mostly FS, as in real plans; a quarter of the links of the other types.
                let type: LinkType = r % 4 == 0 ? LinkType.allCases[Int((r >> 8) % 4)] : .finishToStart
                let lag = Double(Int((r >> 16) % 5) - 2) / 5
                links.append(.init(from: Int32(j - back), to: Int32(j), type: type, lag: lag))
            }
        }
        return DependencyNetwork(duration: duration, release: nil, links: links)
    }

    static func run(nodes: Int = 1_000_000, linksPerNode: Int = 3) {
        print("== Scheduling in memory: \(nodes) tasks, ~\(nodes * linksPerNode) links ==")
        let (network, build) = Measure.time { SchedulingBench.network(nodes: nodes, linksPerNode: linksPerNode, seed: 42) }
        print("generate + build CSR network: \(Measure.format(build)) (\(network.linkCount) links)")
        let (outcome, ordering) = Measure.time { TopologicalOrder.sort(network) }
        guard case .success(let ordered) = outcome else { fatalError("generated network has a cycle") }
        print("topological order (Kahn + heap): \(Measure.format(ordering))")
        var timing: Timing?
        let passes = Measure.best(runs: 5) { timing = CriticalPathMethod.schedule(ordered) }
        let critical = timing!.totalFloat.lazy.filter { $0 <= Timing.criticalTolerance }.count
        print("forward + backward pass (best of 5): \(Measure.format(passes))   target <= 0.500 s   \(passes <= 0.5 ? "MET" : "MISSED")")
        print("finish \(timing!.finish) weeks, \(critical) critical tasks")
        let (path, chain) = Measure.time { CriticalPathMethod.criticalChain(ordered, timing: timing!) }
        print("critical chain of \(path.count) tasks: \(Measure.format(chain))")
        print("peak memory: \(Int(Measure.peakMiB)) MiB   target < 1024 MiB   \(Measure.peakMiB < 1024 ? "MET" : "MISSED")")
        runOnCalendars(ordered, finish: timing!.finish)
        runLeveling(nodes: min(nodes, 100_000))
        runSimulation(nodes: min(nodes, 1_000))
        runSimulation(nodes: min(nodes, 8_000))
    }

    /// The same passes with working calendars: a plan calendar with a day off
    /// every 5 weeks over the whole schedule and 20 owner calendars that add a week
    /// of leave every 10 weeks and a step of availability every 50, the nodes
    /// spread over them: every bound is then a search among thousands of gaps.
    static func runOnCalendars(_ ordered: OrderedNetwork, finish: Double, owners: Int = 20) {
        let span = Int(finish) + 10
        let holidays = stride(from: 2, to: span, by: 5).map { (start: Double($0) + 0.4, end: Double($0) + 0.6) }
        var calendars = [WorkingTime(gaps: holidays)]
        for o in 0..<owners {
            let leave = stride(from: 3 + o % 10, to: span, by: 10).map { (start: Double($0), end: Double($0) + 1) }
            let rates = stride(from: 7 + o, to: span, by: 50).enumerated().map { (from: Double($1), rate: $0 % 2 == 0 ? 0.6 : 1) }
            calendars.append(WorkingTime(gaps: holidays + leave, rates: rates))
        }
        let n = ordered.nodeCount
        let ofNode = (0..<n).map { Int32($0 % (owners + 1)) }
        let gaps = calendars.map { $0.work.at.count }.max() ?? 0
        var network = ordered.network
        network.calendars = NetworkCalendars(calendars: calendars, ofNode: ofNode)
        guard case .success(let onCalendars) = TopologicalOrder.sort(network) else { fatalError("generated network has a cycle") }
        var timing: Timing?
        let passes = Measure.best(runs: 3) { timing = CriticalPathMethod.schedule(onCalendars) }
        print("the same passes on \(calendars.count) working calendars of up to \(gaps) breakpoints (best of 3): \(Measure.format(passes)); finish \(Int(timing!.finish)) weeks")
    }

    /// Monte Carlo risk: 10,000 iterations over a generated network whose every
    /// duration is a three-point estimate, on one thread and on all cores; the two
    /// must give the same numbers (iteration i always draws from its own generator).
    static func runSimulation(nodes: Int, iterations: Int = 10_000) {
        let network = network(nodes: nodes, linksPerNode: 2, seed: 45)
        guard case .success(let ordered) = TopologicalOrder.sort(network) else { fatalError("generated network has a cycle") }
        let estimates: [Estimate?] = network.duration.map { d in Estimate(optimistic: d * 0.8, mostLikely: d, pessimistic: d * 1.5) }
        let (one, oneSeconds) = Measure.time {
            RiskSimulation.run(ordered, estimates: estimates, deadline: nil, iterations: iterations, seed: 7, threads: 1)
        }
        let threads = MonteCarloSchedule.defaultThreads
        let (all, allSeconds) = Measure.time {
            RiskSimulation.run(ordered, estimates: estimates, deadline: nil, iterations: iterations, seed: 7, threads: threads)
        }
        let same = one.finishes == all.finishes && one.criticality == all.criticality
        print("simulation, \(iterations) iterations of \(nodes) tasks: 1 thread \(Measure.format(oneSeconds)), \(threads) threads \(Measure.format(allSeconds))"
              + (nodes >= 8_000 ? "   target <= 4 s   \(allSeconds <= 4 ? "MET" : "MISSED")" : "")
              + "; same numbers: \(same ? "yes" : "NO"); P50 finish \(Int(all.quantiles[1].finish)) weeks")
    }

    /// Resource leveling of a generated network: each task needs one of 20 owners.
    static func runLeveling(nodes: Int, owners: Int = 20) {
        let network = network(nodes: nodes, linksPerNode: 3, seed: 43)
        guard case .success(let ordered) = TopologicalOrder.sort(network) else { fatalError("generated network has a cycle") }
        let timing = CriticalPathMethod.schedule(ordered)
        var rng = SplitMix64(seed: 44)
        let demands = (0..<nodes).map { _ in [(resource: Int(rng.next() % UInt64(owners)), units: 1.0)] }
        let resources = ResourceDemands(capacity: [Double](repeating: 2, count: owners), demands: demands)
        var leveled: ResourceLeveling.Result?
        let seconds = Measure.best(runs: 3) { leveled = ResourceLeveling.levelImproved(ordered, demands: resources, priority: timing.lateStart) }
        let finish = (0..<nodes).map { leveled!.start[$0] + network.duration[$0] }.max() ?? 0
        print("leveling \(nodes) tasks over \(owners) owners of capacity 2 (best of 3): \(Measure.format(seconds)); finish \(Int(timing.finish)) -> \(Int(finish)) weeks")
    }
}
