/// Why leveling delayed a node, in words a lead can check: the resource it
/// waited for, from when its links allowed it to start to when it started, and
/// the work of that resource it waited behind.
public struct LevelingWait: Sendable, Equatable {
    public var node: Int
    /// The resource whose fit moved the node last: the one its resource link names.
    public var resource: Int
    /// When the node's links and release allowed it to start.
    public var ready: Double
    /// The nodes holding `resource` at some time in [`ready`, start) that were
    /// placed before this one (or pinned by progress), by start then index.
    public var behind: [Int]

    public init(node: Int, resource: Int, ready: Double, behind: [Int]) {
        self.node = node
        self.resource = resource
        self.ready = ready
        self.behind = behind
    }
}

extension LevelingWait {
    /// The waits of a decoding: every node a resource moved, with the work that
    /// held that resource while it waited. Work placed after the node is left
    /// out even when it overlaps the wait: it fitted into a gap the node could
    /// not use, and the node did not wait for it.
    ///
    /// Per resource the nodes that use it are sorted by start; the nodes that
    /// overlap a wait are found by binary search from the wait's end, walking
    /// back while an overlap is still possible (no node is longer than the
    /// longest that uses the resource).
    ///
    /// - Complexity: O(*D* log *D* + *W* (log *D* + *m*)), for *D* demands, *W*
    ///   waits and *m* nodes visited per wait.
    static func of(_ generator: SerialScheduleGenerator, position: [Int32]) -> [LevelingWait] {
        let network = generator.network, demands = generator.demands
        let n = network.nodeCount
        let eps = ResourceProfile.eps
        var users = [[(start: Double, node: Int32)]](repeating: [], count: demands.capacity.count)
        var longest = [Double](repeating: 0, count: demands.capacity.count)
        for j in 0..<n where network.duration[j] > eps {
            for q in demands.demands(of: j) {
                let r = Int(demands.resource[q])
                users[r].append((generator.start[j], Int32(j)))
                longest[r] = max(longest[r], generator.finish[j] - generator.start[j])
            }
        }
        for r in users.indices { users[r].sort { ($0.start, $0.node) < ($1.start, $1.node) } }
        var waits: [LevelingWait] = []
        for j in 0..<n where generator.mover[j] >= 0 {
            let r = Int(generator.mover[j])
            let from = generator.ready[j], to = generator.start[j]
            let list = users[r]
            // The first user starting at or after the end of the wait.
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if list[mid].start < to - eps { lo = mid + 1 } else { hi = mid }
            }
            var behind: [Int] = []
            var k = lo - 1
            while k >= 0 && list[k].start + longest[r] > from + eps {
                let i = Int(list[k].node)
                let placedBefore = position[i] < position[j] || !network.pinnedStart[i].isNaN
                if i != j && placedBefore && generator.finish[i] > from + eps { behind.append(i) }
                k -= 1
            }
            behind.reverse()
            waits.append(LevelingWait(node: j, resource: r, ready: from, behind: behind))
        }
        return waits
    }
}
