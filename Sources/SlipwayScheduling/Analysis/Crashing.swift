import SlipwayEngine

/// The least total shortening of tasks that brings a network's finish to a
/// target: the time-cost trade-off of Kelley (1961) and Fulkerson (1961) with a
/// cost of one per week cut, written as a linear program and solved exactly.
///
/// Variables: the start ES_v of every node and the cut x_j of every task that
/// can be shortened (0 <= x_j <= room_j). Every link holds with the shortened
/// durations (FS: ES_i + d_i - x_i + L <= ES_j; SS: ES_i + L <= ES_j;
/// FF: ES_i + d_i - x_i + L <= ES_j + d_j - x_j; SF: ES_i + L <= ES_j + d_j - x_j),
/// every node starts no earlier than its release (and exactly at a pinned start,
/// whose links in are then ignored, as in the forward pass), and every node
/// finishes by the target. Minimize the sum of the cuts; among the cuts of that
/// least sum, a second program picks the cheapest at the owners' weekly rates.
///
/// The early-start schedule of the shortened durations is the least solution of
/// the same constraints, so rescheduling finishes no later than the program did.
public enum Crashing {
    /// Above this size the dense simplex would be slow; callers fall back to a heuristic.
    public static let maximumNodes = 400

    public struct Result: Sendable, Equatable {
        /// Weeks cut per task index, only where more than 1e-9.
        public var cuts: [Int: Double]
        public var totalShortening: Double
    }

    /// - Parameters:
    ///   - room: how much each node may be cut (0 for milestones, resolutions,
    ///     finished tasks and fixed estimates).
    ///   - weeklyCost: what a week cut of each node costs, nil when unknown
    ///     (unknown costs sort after every known one).
    /// - Returns: nil when the target cannot be reached by shortening alone, or
    ///   the network is larger than `maximumNodes`.
    /// - Complexity: two simplex solves of about *V* + *K* variables and
    ///   *E* + 2*V* + *K* rows, for *V* nodes, *E* links and *K* shortenable tasks.
    public static func leastShortening(_ ordered: OrderedNetwork, room: [Double], weeklyCost: [Double?], target: Double) -> Result? {
        let network = ordered.network
        let n = network.nodeCount
        guard n <= maximumNodes else { return nil }
        let cuttable = (0..<n).filter { $0 < room.count && room[$0] > LinearProgram.eps }
        var cutVariable = [Int](repeating: -1, count: n)
        for (k, j) in cuttable.enumerated() { cutVariable[j] = n + k }
        let variables = n + cuttable.count
        var rows: [LinearProgram.Row] = []
        func finishTerms(_ v: Int) -> [(Int, Double)] {
            cutVariable[v] >= 0 ? [(v, 1), (cutVariable[v], -1)] : [(v, 1)]
        }
        for j in 0..<n {
            let d = network.duration[j]
            if !network.pinnedStart[j].isNaN {
                rows.append(.init([(j, 1)], .equal, network.pinnedStart[j]))
            } else {
                if network.release[j] > 0 { rows.append(.init([(j, 1)], .greaterOrEqual, network.release[j])) }
                for k in network.predecessors(of: j) {
                    let i = Int(network.predNode[k]), lag = network.predLag[k], di = network.duration[i]
                    // Each row reads: (end or start of i) - (start or end of j) <= constant.
                    switch network.predType[k] {
                    case .finishToStart: rows.append(.init(finishTerms(i) + [(j, -1)], .lessOrEqual, -di - lag))
                    case .startToStart: rows.append(.init([(i, 1), (j, -1)], .lessOrEqual, -lag))
                    case .finishToFinish: rows.append(.init(finishTerms(i) + finishTerms(j).map { ($0.0, -$0.1) }, .lessOrEqual, d - di - lag))
                    case .startToFinish: rows.append(.init([(i, 1)] + finishTerms(j).map { ($0.0, -$0.1) }, .lessOrEqual, d - lag))
                    }
                }
            }
            rows.append(.init(finishTerms(j), .lessOrEqual, target - d))
        }
        for j in cuttable { rows.append(.init([(cutVariable[j], 1)], .lessOrEqual, room[j])) }

        var least = LinearProgram(variableCount: variables, objective: (0..<variables).map { $0 >= n ? 1 : 0 })
        for row in rows { least.add(row) }
        guard case .optimal(let first, let total) = least.solve() else { return nil }

        // Among the cuts of the least total, the cheapest: unknown rates count as
        // dearer than any known one.
        let known = cuttable.compactMap { weeklyCost[$0] }
        let unknown = (known.max() ?? 1) * 10 + 1
        var cheapest = LinearProgram(variableCount: variables, objective: (0..<variables).map { v in
            v >= n ? (weeklyCost[cuttable[v - n]] ?? unknown) : 0
        })
        for row in rows { cheapest.add(row) }
        // The least total stays the least (no margin: a margin would be spent on cheaper cuts).
        cheapest.add(.init(cuttable.indices.map { (n + $0, 1.0) }, .lessOrEqual, total))
        var values = first
        if case .optimal(let second, _) = cheapest.solve() { values = second }

        var cuts: [Int: Double] = [:]
        for (k, j) in cuttable.enumerated() where values[n + k] > 1e-9 {
            cuts[j] = min(values[n + k], room[j])
        }
        return Result(cuts: cuts, totalShortening: cuts.values.reduce(0, +))
    }
}
