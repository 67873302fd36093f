import SlipwayEngine

/// What any leveling of a network must satisfy, written from the definitions and
/// not from the leveling's code: the tests hold every leveling to it.
enum LevelingChecks {
    /// Random demands on `resources` resources of capacity 1-3 (sometimes
    /// fractional), some nodes needing several, a few needing more than there is.
    static func demands(nodes n: Int, _ rng: inout SplitMix64) -> (capacity: [Double], demands: [[(resource: Int, units: Double)]]) {
        let resources = Int.random(in: 1...3, using: &rng)
        let capacity = (0..<resources).map { _ in Bool.random(using: &rng) ? Double(Int.random(in: 1...3, using: &rng)) : 1.5 }
        let demands: [[(resource: Int, units: Double)]] = (0..<n).map { _ in
            (0..<resources).compactMap { r in
                guard Int.random(in: 0..<3, using: &rng) > 0 else { return nil }
                // Now and then more than the resource has: leveled as if it needed all of it.
                return (r, Int.random(in: 0..<20, using: &rng) == 0 ? capacity[r] + 1 : [0.5, 1, 1, 2].randomElement(using: &rng)!)
            }
        }
        return (capacity, demands)
    }

    /// Every rule a leveled schedule breaks, as sentences (none when it is feasible):
    /// pinned nodes keep their starts; other nodes start no earlier than their
    /// release and every link allows; wherever a node that is not pinned uses a
    /// resource, the resource carries at most its capacity (a demand beyond it
    /// counts as all of it; pinned work alone may overlap, as progress says it did); and
    /// the leveled network, ordered by placement, gives the starts back.
    static func violations(_ ordered: OrderedNetwork, capacity: [Double], demands: [[(resource: Int, units: Double)]],
                           result: ResourceLeveling.Result) -> [String] {
        let network = ordered.network
        let n = network.nodeCount, eps = 1e-7
        let start = result.start
        var problems: [String] = []
        for j in 0..<n {
            let pinned = !network.pinnedStart[j].isNaN
            if pinned {
                if start[j] != network.pinnedStart[j] { problems.append("pinned node \(j) moved to \(start[j])") }
                continue
            }
            if start[j] < max(0, network.release[j]) - eps { problems.append("node \(j) starts at \(start[j]) before its release") }
            for k in network.predecessors(of: j) {
                let i = Int(network.predNode[k]), lag = network.predLag[k]
                let (si, fi, sj, fj) = (start[i], start[i] + network.duration[i], start[j], start[j] + network.duration[j])
                let holds: Bool
                switch network.predType[k] {
                case .finishToStart: holds = sj >= fi + lag - eps
                case .startToStart: holds = sj >= si + lag - eps
                case .finishToFinish: holds = fj >= fi + lag - eps
                case .startToFinish: holds = fj >= si + lag - eps
                }
                if !holds { problems.append("link \(i) -> \(j) (\(network.predType[k].rawValue) \(lag)) broken") }
            }
        }
        var instants = Set<Double>()
        for j in 0..<n where network.duration[j] > eps { instants.insert(start[j]); instants.insert(start[j] + network.duration[j]) }
        for t in instants {
            let running = (0..<n).filter { network.duration[$0] > eps && start[$0] <= t + 1e-9 && t < start[$0] + network.duration[$0] - 1e-9 }
            for r in capacity.indices {
                guard running.contains(where: { j in network.pinnedStart[j].isNaN && demands[j].contains { $0.resource == r } }) else { continue }
                let used = running.reduce(0.0) { sum, j in sum + (demands[j].first { $0.resource == r }.map { min($0.units, capacity[r]) } ?? 0) }
                if used > capacity[r] + eps { problems.append("resource \(r) carries \(used) of \(capacity[r]) at t = \(t)") }
            }
        }
        let leveled = ResourceLeveling.leveledNetwork(ordered, result)
        var position = [Int](repeating: -1, count: n)
        for (p, node) in leveled.order.enumerated() { position[Int(node)] = p }
        if position.contains(-1) { problems.append("the placement misses a node") }
        for link in leveled.network.links where position[Int(link.from)] >= position[Int(link.to)] {
            problems.append("link \(link.from) -> \(link.to) goes backward in the placement")
        }
        if problems.isEmpty {
            let replay = CriticalPathMethod.schedule(leveled)
            for j in 0..<n where abs(replay.earlyStart[j] - start[j]) > eps {
                problems.append("node \(j): the leveled network gives \(replay.earlyStart[j]), the leveling \(start[j])")
            }
        }
        return problems
    }
}
