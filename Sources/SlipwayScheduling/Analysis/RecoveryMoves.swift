import SlipwayEngine
import SlipwayCore

/// The two ways back to a target that Recovery tries, each measured by
/// rescheduling: shortening (crashing) tasks and overlapping (fast-tracking)
/// finish-to-start links.
enum RecoveryMoves {
    /// How much a task can be shortened: down to its crash limit when the plan
    /// gives one, else down to its optimistic estimate, and by no more than
    /// `maxCut` of its duration; a started task only in its remaining part; a
    /// finished task, a milestone, a wait or a task with a fixed estimate and no
    /// crash limit not at all.
    ///
    /// - Complexity: O(*T*).
    static func room(whatIf: WhatIf, network ordered: OrderedNetwork, maxCut: Double?) -> [Double] {
        let plan = whatIf.plan
        let network = ordered.network
        return plan.tasks.indices.map { j in
            let task = plan.tasks[j]
            if task.isMilestone || task.isWait { return 0 }
            let forecast = Forecast(task: task, statusDate: plan.statusDate)
            let d = network.duration[j]
            var room = task.crash.map { max(0, task.duration - $0.minimum) } ?? (task.estimate.mean - task.estimate.optimistic)
            if let maxCut { room = min(room, d * maxCut) }
            switch forecast.state {
            case .finished: return 0
            case .started:
                let elapsed = max(0, (plan.statusDate ?? network.pinnedStart[j]) - network.pinnedStart[j])
                room = min(room, d - elapsed)
            case .notStarted:
                room = min(room, d)
            }
            return max(0, room)
        }
    }

    /// What one week cut of each task costs, from the plan's crash costs; nil when
    /// the plan gives none. Never derived from owner rates: at a fixed rate a
    /// shorter task costs less, which says nothing of what shortening costs.
    static func weeklyCost(plan: Plan) -> [Double?] {
        plan.tasks.map { $0.crash?.costPerWeek }
    }

    /// Whether the link `k` of the what-if network is a hard link of the plan.
    static func isHard(_ k: Int, whatIf: WhatIf) -> Bool {
        guard k < whatIf.graph.linkSources.count, case .after(let task, let entry) = whatIf.graph.linkSources[k] else { return false }
        return whatIf.plan.tasks[task].after[entry].isHard
    }

    /// Hard finish-to-start links between tasks, which fast-tracking leaves alone.
    static func hardLinkCount(whatIf: WhatIf) -> Int {
        whatIf.links.indices.filter { whatIf.links[$0].type == .finishToStart && isHard($0, whatIf: whatIf) }.count
    }

    /// The least total shortening that reaches the target: exact by linear
    /// programming (`Crashing`) for networks of up to `Crashing.maximumNodes`
    /// nodes; otherwise, or when the target is out of reach, the greedy search
    /// below, which also tells how close shortening alone gets.
    ///
    /// - Returns: the cuts (task, weeks) and the finish reached, by rescheduling.
    static func shorten(network: OrderedNetwork, taskCount: Int, room: [Double],
                        cost: [Double?], target: Double) -> (cuts: [Int: Double], finish: Double) {
        if let exact = Crashing.leastShortening(network, room: room, weeklyCost: cost, target: target) {
            var shortened = network
            for (j, x) in exact.cuts { shortened.setDuration(shortened.network.duration[j] - x, of: j) }
            return (exact.cuts, CriticalPathMethod.schedule(shortened).finish)
        }
        return greedyShorten(network: network, taskCount: taskCount, room: room, cost: cost, target: target)
    }

    /// Greedy least-shortening crash (after the heuristic of Siemens 1971): while
    /// the finish is past the target, shorten the critical task that buys the
    /// most finish per week cut (then the cheapest, then the first declared) by
    /// no more than it buys; when no single task helps (parallel critical paths),
    /// shorten the best pair. Every step is measured by rescheduling.
    ///
    /// - Returns: the cuts (task, weeks) and the finish reached.
    /// - Complexity: O(*k*² (*V* + *E*)) per step in the worst case, where *k* is
    ///   the number of critical tasks that can still be shortened (pairs are
    ///   tried among at most 24 of them).
    static func greedyShorten(network start: OrderedNetwork, taskCount: Int, room: [Double],
                        cost: [Double?], target: Double) -> (cuts: [Int: Double], finish: Double) {
        let tol = 1e-9
        var network = start
        var left = room
        var cuts: [Int: Double] = [:]
        var timing = CriticalPathMethod.schedule(network)
        func finish(_ changes: [(Int, Double)]) -> Double {
            var copy = network
            for (j, x) in changes { copy.setDuration(copy.network.duration[j] - x, of: j) }
            return CriticalPathMethod.schedule(copy).finish
        }
        for _ in 0..<(4 * taskCount + 4) {
            let f0 = timing.finish
            guard f0 > target + tol else { break }
            let need = f0 - target
            let candidates = (0..<taskCount).filter { timing.isCritical($0) && left[$0] > tol }
            var best: (moves: [(Int, Double)], efficiency: Double, cost: Double)?
            func consider(_ moves: [(Int, Double)]) {
                let f1 = finish(moves)
                let gain = f0 - f1
                guard gain > tol else { return }
                // Cut no more than the finish gained when that gains as much.
                var trimmed = moves
                if moves.contains(where: { $0.1 > gain + tol }) {
                    let smaller = moves.map { ($0.0, min($0.1, gain)) }
                    if f0 - finish(smaller) >= gain - tol { trimmed = smaller }
                }
                let total = trimmed.reduce(0) { $0 + $1.1 }
                let efficiency = gain / total
                // An unknown cost sorts after every known one.
                let price = trimmed.reduce(0.0) { $0 + (cost[$1.0] ?? 1e12) * $1.1 }
                if let b = best {
                    if efficiency < b.efficiency - tol { return }
                    if abs(efficiency - b.efficiency) <= tol && price >= b.cost { return }
                }
                best = (trimmed, efficiency, price)
            }
            for j in candidates { consider([(j, min(left[j], need))]) }
            if best == nil {
                let few = Array(candidates.prefix(24))
                for a in few.indices {
                    for b in few.indices where b > a {
                        let x = min(left[few[a]], left[few[b]], need)
                        consider([(few[a], x), (few[b], x)])
                    }
                }
            }
            guard let chosen = best else { break }
            for (j, x) in chosen.moves {
                network.setDuration(network.network.duration[j] - x, of: j)
                left[j] -= x
                cuts[j, default: 0] += x
            }
            timing = CriticalPathMethod.schedule(network)
        }
        return (cuts, timing.finish)
    }

    /// Critical finish-to-start links between tasks that could overlap: the
    /// successor has not started and the link drives it (no slack).
    ///
    /// - Complexity: O(*E*).
    static func fastTrackCandidates(whatIf: WhatIf, network ordered: OrderedNetwork, timing: Timing, links: [DependencyNetwork.Link]) -> [Int] {
        let t = whatIf.taskCount
        let network = ordered.network
        return links.indices.filter { k in
            let link = links[k]
            let i = Int(link.from), j = Int(link.to)
            // Overlapping the end of a wait would shorten the wait: never.
            guard link.type == .finishToStart, i < t, j < t, network.pinnedStart[j].isNaN, !isHard(k, whatIf: whatIf),
                  !whatIf.plan.tasks[i].isWait,
                  network.duration[i] > 1e-9, timing.isCritical(i), timing.isCritical(j) else { return false }
            return LinkType.finishToStart.slack(fromStart: timing.earlyStart[i], fromFinish: timing.earlyFinish[i],
                                                toStart: timing.earlyStart[j], toFinish: timing.earlyFinish[j], lag: link.lag) <= Timing.criticalTolerance
        }
    }

    /// The finish-to-start link turned start-to-start: the successor may start
    /// once `1 - overlap` of the predecessor is done (plus the link's own lag).
    static func fastTracked(_ link: DependencyNetwork.Link, network: DependencyNetwork, overlap: Double) -> DependencyNetwork.Link {
        var l = link
        l.type = .startToStart
        l.lag = link.lag + network.duration[Int(link.from)] * (1 - overlap)
        return l
    }
}
