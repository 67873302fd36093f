import HeapModule

/// Orders the nodes of a network so that every link goes forward.
public enum TopologicalOrder {
    /// The nodes that could not be ordered: each lies on a cycle or after one.
    public struct Cycle: Error, Sendable {
        public let network: DependencyNetwork
        public let unordered: [Int32]

        /// The loops among the unordered nodes, each as its nodes in link order.
        ///
        /// - Complexity: O(*V* + *E*) plus the length of the cycles returned.
        public func loops(limit: Int = 20) -> [[Int32]] {
            TopologicalOrder.cycles(in: network, among: unordered, limit: limit)
        }
    }

    /// Sorts a network: the ordered network every pass accepts, or the cycle that
    /// prevents an order.
    ///
    /// - Complexity: as `of`.
    public static func sort(_ network: DependencyNetwork) -> Result<OrderedNetwork, Cycle> {
        switch of(network) {
        case .ordered(let order): return .success(OrderedNetwork(network, trustedOrder: order))
        case .cyclic(let unordered): return .failure(Cycle(network: network, unordered: unordered))
        }
    }

    enum Outcome {
        case ordered([Int32])
        case cyclic(unordered: [Int32])
    }

    /// Kahn's algorithm (Kahn 1962) with a min-heap of ready nodes (swift-collections'
    /// `Heap`), so that among nodes ready at the same time the one with the smallest
    /// index (the one declared first) comes first. The order is the same on every run.
    ///
    /// - Complexity: O((*V* + *E*) log *V*), where *V* is the number of nodes and
    ///   *E* the number of links; O(*V*) extra memory.
    static func of(_ network: DependencyNetwork) -> Outcome {
        let n = network.nodeCount
        var indegree = [Int32](repeating: 0, count: n)
        for j in 0..<n { indegree[j] = network.predOffset[j + 1] - network.predOffset[j] }
        var heap = Heap<Int32>()
        heap.reserveCapacity(min(n, 1 << 16))
        for j in 0..<n where indegree[j] == 0 { heap.insert(Int32(j)) }
        var order = [Int32]()
        order.reserveCapacity(n)
        network.succNode.withUnsafeBufferPointer { succNode in
            network.succOffset.withUnsafeBufferPointer { succOffset in
                while let i = heap.popMin() {
                    order.append(i)
                    for k in Int(succOffset[Int(i)])..<Int(succOffset[Int(i) + 1]) {
                        let j = Int(succNode[k])
                        indegree[j] -= 1
                        if indegree[j] == 0 { heap.insert(Int32(j)) }
                    }
                }
            }
        }
        if order.count == n { return .ordered(order) }
        return .cyclic(unordered: (0..<n).filter { indegree[$0] > 0 }.map { Int32($0) })
    }

    /// Finds cycles among `nodes` (typically the unordered nodes of a failed sort)
    /// with an iterative depth-first search: each link back to a node on the current
    /// path closes a cycle, returned as its nodes in link order.
    ///
    /// - Complexity: O(*V* + *E*) plus the length of the cycles returned.
    static func cycles(in network: DependencyNetwork, among nodes: [Int32], limit: Int = 20) -> [[Int32]] {
        let n = network.nodeCount
        var inScope = [Bool](repeating: false, count: n)
        for v in nodes { inScope[Int(v)] = true }
        // 0 unvisited, 1 on the current path, 2 done.
        var state = [UInt8](repeating: 0, count: n)
        var positionOnPath = [Int32](repeating: -1, count: n)
        var result: [[Int32]] = []
        var path: [Int32] = []
        var cursor: [Int] = []
        for root in nodes where state[Int(root)] == 0 {
            path = [root]
            cursor = [network.successors(of: Int(root)).lowerBound]
            state[Int(root)] = 1
            positionOnPath[Int(root)] = 0
            while let top = path.last {
                let range = network.successors(of: Int(top))
                let k = cursor[cursor.count - 1]
                if k < range.upperBound {
                    cursor[cursor.count - 1] = k + 1
                    let next = network.succNode[k]
                    guard inScope[Int(next)] else { continue }
                    switch state[Int(next)] {
                    case 0:
                        state[Int(next)] = 1
                        positionOnPath[Int(next)] = Int32(path.count)
                        path.append(next)
                        cursor.append(network.successors(of: Int(next)).lowerBound)
                    case 1:
                        if result.count < limit {
                            result.append(Array(path[Int(positionOnPath[Int(next)])...]))
                        }
                    default:
                        break
                    }
                } else {
                    state[Int(top)] = 2
                    positionOnPath[Int(top)] = -1
                    path.removeLast()
                    cursor.removeLast()
                }
            }
            if result.count >= limit { break }
        }
        return result
    }
}
