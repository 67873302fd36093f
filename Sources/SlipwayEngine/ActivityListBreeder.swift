/// What one thread of the activity-list search needs to make and judge lists:
/// the operators of the genetic algorithm (sampling, crossover, mutation) and
/// the justification that decodes every list. Each thread owns one and reuses
/// its arrays from one list to the next; nothing in it survives from one list to
/// the next, so a list's fate depends only on its parents and its generator,
/// never on which thread made it.
final class ActivityListBreeder: @unchecked Sendable {
    let network: DependencyNetwork
    /// Lower first: the latest starts of the unleveled schedule.
    let priority: [Double]
    private var justification: Justification
    private var child: [Int32] = []
    private var position: [Int32]
    private var waiting: [Int32]
    private var eligible: [Int32] = []
    /// The regret added to every eligible node in sampling, so that the least
    /// urgent still has a chance: the shortest positive duration.
    private let epsilon: Double
    /// Per node, its share of the resources it needs (units over capacity, summed).
    private let load: [Double]
    private var key: [Double]
    private var lists = PriorityList()
    private var buckets: [Double] = []

    init(_ ordered: OrderedNetwork, demands: ResourceDemands, priority: [Double]) {
        network = ordered.network
        self.priority = priority
        justification = Justification(ordered, demands: demands)
        let n = ordered.nodeCount
        position = [Int32](repeating: 0, count: n)
        waiting = [Int32](repeating: 0, count: n)
        key = [Double](repeating: 0, count: n)
        load = (0..<n).map { j in
            demands.demands(of: j).reduce(0.0) { sum, q in
                let capacity = demands.capacity[Int(demands.resource[q])]
                return capacity > 0 ? sum + min(demands.units[q], capacity) / capacity : sum
            }
        }
        epsilon = max(1e-6, network.duration.filter { $0 > ResourceProfile.eps }.min() ?? 1)
    }

    /// Decodes `list`, justifies it once and writes the justified placement back
    /// into it when it finishes no later: three schedules. A list whose schedule
    /// is one of `known` (the population's) is not justified: it would only give
    /// that individual's schedule again, and it costs one schedule. Nor is one
    /// that finishes after `hopeless` (it would not survive the replacement).
    ///
    /// - Complexity: three decodings by the serial scheme (one for a duplicate
    ///   or a hopeless list).
    func evaluate(_ list: [Int32], known: Set<UInt64> = [], hopeless: Double = .infinity) -> ActivityListGA.Individual {
        var individual = judge(list, known: known, hopeless: hopeless)
        var sum = 0.0
        for j in 0..<individual.start.count {
            sum += (individual.start[j] + network.duration[j]) * network.duration[j] * load[j]
        }
        individual.secondary = sum
        return individual
    }

    private func judge(_ list: [Int32], known: Set<UInt64>, hopeless: Double) -> ActivityListGA.Individual {
        var list = list
        let first = justification.decode(list)
        let firstSignature = signature()
        let firstStart = justification.forward.start
        if known.contains(firstSignature) || first > hopeless {
            return ActivityListGA.Individual(list: list, finish: first, signature: firstSignature, start: firstStart, schedules: 1)
        }
        if let again = justification.improve(&list, finish: first, strictly: false) {
            return ActivityListGA.Individual(list: list, finish: again, signature: signature(), start: justification.forward.start)
        }
        return ActivityListGA.Individual(list: list, finish: first, signature: firstSignature, start: firstStart)
    }

    /// A hash of the schedule the forward generator holds (FNV-1a over the
    /// starts' bits), so that two lists decoding to the same schedule count as
    /// one individual.
    private func signature() -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for s in justification.forward.start {
            hash = (hash ^ s.bitPattern) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Regret-based biased random sampling (Drexl 1991; Kolisch & Drexl 1996):
    /// repeatedly pick an eligible node with probability proportional to its
    /// regret, how much more urgent it is than the least urgent eligible node,
    /// plus `epsilon`.
    ///
    /// - Complexity: O(*V* · *e* + *E*), for at most *e* nodes eligible at once.
    func sample(_ rng: inout SplitMix64) -> [Int32] {
        let n = network.nodeCount
        child.removeAll(keepingCapacity: true)
        eligible.removeAll(keepingCapacity: true)
        for j in 0..<n {
            waiting[j] = network.predOffset[j + 1] - network.predOffset[j]
            if waiting[j] == 0 { eligible.append(Int32(j)) }
        }
        while !eligible.isEmpty {
            var least = -Double.infinity
            for e in eligible where priority[Int(e)] > least { least = priority[Int(e)] }
            var total = 0.0
            for e in eligible { total += least - priority[Int(e)] + epsilon }
            var pick = Double.random(in: 0..<total, using: &rng)
            var chosen = eligible.count - 1
            for (k, e) in eligible.enumerated() {
                pick -= least - priority[Int(e)] + epsilon
                if pick < 0 { chosen = k; break }
            }
            let node = eligible[chosen]
            eligible.swapAt(chosen, eligible.count - 1)
            eligible.removeLast()
            child.append(node)
            for k in network.successors(of: Int(node)) {
                let s = Int(network.succNode[k])
                waiting[s] -= 1
                if waiting[s] == 0 { eligible.append(Int32(s)) }
            }
        }
        return child
    }

    /// Peak crossover (after Valls, Ballestín & Quintanilla 2008), a two-point
    /// crossover whose cut points are times: the child keeps a window of the
    /// father's work (a random 10-50% of his finish, placed where his resources
    /// are busiest, or for half the children anywhere) in his order, and takes
    /// everything else in the mother's order: first the nodes the father started
    /// before the window, then those he started after it. With finish-to-start
    /// links the child is precedence-feasible as it is; links of the other
    /// types can let a successor start first, and then the priority rule on the
    /// child's positions puts it right.
    ///
    /// - Complexity: O(*V* · *p* + *E*), for *p* nodes running at once on
    ///   average; O((*V* + *E*) log *V*) more for a repair.
    func peakCrossover(mother: ActivityListGA.Individual, father: ActivityListGA.Individual, _ rng: inout SplitMix64) -> [Int32] {
        let n = mother.list.count
        guard n > 2, father.finish > ResourceProfile.eps else { return mother.list }
        let start = father.start
        let width = father.finish * Double.random(in: 0.1...0.5, using: &rng)
        // Half the windows go anywhere: always the peak made the children too
        // alike (every 5th J120 instance at 50,000 schedules, seeds 1-3: 31.28%
        // above the bound with the peak only, 31.18% with half, 31.34% with none).
        let anywhere = Double.random(in: 0..<1, using: &rng) < 0.5
        let from = anywhere ? Double.random(in: 0...max(0, father.finish - width), using: &rng)
            : densestWindow(start: start, finish: father.finish, width: width)
        let to = from + width
        child.removeAll(keepingCapacity: true)
        for node in mother.list where start[Int(node)] < from { child.append(node) }
        for node in father.list where start[Int(node)] >= from && start[Int(node)] < to { child.append(node) }
        for node in mother.list where start[Int(node)] >= to { child.append(node) }
        for (p, node) in child.enumerated() { position[Int(node)] = Int32(p) }
        let feasible = (0..<n).allSatisfy { j in
            network.predecessors(of: j).allSatisfy { position[Int(network.predNode[$0])] < position[j] }
        }
        guard !feasible else { return child }
        for j in 0..<n { key[j] = Double(position[j]) }
        lists.make(network, key: key, into: &child)
        return child
    }

    /// The start of the window of `width` weeks that holds the most work (each
    /// node's `load` times its time in the window), to the resolution of *V*
    /// equal buckets of the schedule's span: each node adds its work to the
    /// buckets it spans, then a window of whole buckets slides over them. A
    /// heuristic needs the peak, not its exact edges, and buckets need no sort.
    ///
    /// - Complexity: O(*V* + *V* · *p*), for *p* nodes running at once on average.
    private func densestWindow(start: [Double], finish: Double, width: Double) -> Double {
        let n = start.count
        let step = finish / Double(n)
        guard step > ResourceProfile.eps else { return 0 }
        buckets.removeAll(keepingCapacity: true)
        buckets.append(contentsOf: repeatElement(0, count: n))
        let duration = network.duration
        for j in 0..<n where load[j] > 0 && duration[j] > ResourceProfile.eps {
            let from = start[j], to = from + duration[j]
            var b = max(0, min(n - 1, Int(from / step)))
            while b < n && Double(b) * step < to {
                let overlap = min(to, Double(b + 1) * step) - max(from, Double(b) * step)
                if overlap > 0 { buckets[b] += overlap * load[j] }
                b += 1
            }
        }
        let span = max(1, min(n, Int((width / step).rounded())))
        var sum = 0.0
        for b in 0..<span { sum += buckets[b] }
        var best = sum, bestFirst = 0
        var first = 1
        while first + span <= n {
            sum += buckets[first + span - 1] - buckets[first - 1]
            if sum > best + ResourceProfile.eps { best = sum; bestFirst = first }
            first += 1
        }
        return Double(bestFirst) * step
    }

    /// Moves `moves` random nodes each to a random position between its last
    /// predecessor and its first successor in the list (a shift move), which
    /// keeps the list precedence-feasible.
    ///
    /// - Complexity: O(`moves` · (*V* + *p*)), for *p* links of a moved node.
    func shifted(_ list: [Int32], moves: Int, _ rng: inout SplitMix64) -> [Int32] {
        var list = list
        let n = list.count
        guard n > 1 else { return list }
        for _ in 0..<moves {
            for (p, node) in list.enumerated() { position[Int(node)] = Int32(p) }
            let i = Int.random(in: 0..<n, using: &rng)
            let j = Int(list[i])
            var lo = 0, hi = n - 1
            for k in network.predecessors(of: j) { lo = max(lo, Int(position[Int(network.predNode[k])]) + 1) }
            for k in network.successors(of: j) { hi = min(hi, Int(position[Int(network.succNode[k])]) - 1) }
            guard lo < hi else { continue }
            let target = Int.random(in: lo...hi, using: &rng)
            let node = list.remove(at: i)
            list.insert(node, at: target)
        }
        return list
    }
}
