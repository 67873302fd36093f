/// The activity list a priority rule makes: repeatedly the eligible node (all
/// predecessors taken) of least key, ties to the smaller index, i.e. file order
/// (Kolisch 1996). Nodes pinned by progress are taken as soon as they are
/// eligible: they are booked already, and taking them early lets the work that
/// waits for their owners be linked to them (a link may only point to work
/// already placed).
///
/// Which nodes are eligible depends only on which were taken, never on dates, so
/// the serial scheme decoding this list places exactly the nodes a priority-driven
/// pass would, in the same order.
///
/// Its heap lives in reused arrays, so that a search making thousands of lists
/// allocates nothing per list.
struct PriorityList {
    private var waiting: [Int32] = []
    private var heap: [Candidate] = []

    /// The list for `key` (lower first, one value per node) over `network`.
    ///
    /// - Complexity: O((*V* + *E*) log *V*).
    mutating func make(_ network: DependencyNetwork, key: [Double], into list: inout [Int32]) {
        let n = network.nodeCount
        list.removeAll(keepingCapacity: true)
        list.reserveCapacity(n)
        if waiting.count != n { waiting = [Int32](repeating: 0, count: n) }
        if heap.count < n { heap = [Candidate](repeating: Candidate(key: 0, node: 0), count: n) }
        network.predOffset.withUnsafeBufferPointer { predOffset in
        network.succOffset.withUnsafeBufferPointer { succOffset in
        network.succNode.withUnsafeBufferPointer { succNode in
        network.pinnedStart.withUnsafeBufferPointer { pinned in
        key.withUnsafeBufferPointer { key in
        waiting.withUnsafeMutableBufferPointer { waiting in
        heap.withUnsafeMutableBufferPointer { heap in
            var count = 0
            func push(_ j: Int) {
                let c = Candidate(key: pinned[j].isNaN ? key[j] : -.infinity, node: Int32(j))
                // Sift up with a hole (Williams 1964): parents move down until c fits.
                var i = count
                count += 1
                while i > 0 {
                    let parent = (i - 1) / 2
                    guard c < heap[parent] else { break }
                    heap[i] = heap[parent]
                    i = parent
                }
                heap[i] = c
            }
            func pop() -> Int32 {
                let top = heap[0].node
                count -= 1
                let last = heap[count]
                var i = 0
                while true {
                    let l = 2 * i + 1
                    guard l < count else { break }
                    let r = l + 1
                    let m = r < count && heap[r] < heap[l] ? r : l
                    guard heap[m] < last else { break }
                    heap[i] = heap[m]
                    i = m
                }
                heap[i] = last
                return top
            }
            for j in 0..<n {
                waiting[j] = predOffset[j + 1] - predOffset[j]
                if waiting[j] == 0 { push(j) }
            }
            while count > 0 {
                let node = pop()
                list.append(node)
                for k in Int(succOffset[Int(node)])..<Int(succOffset[Int(node) + 1]) {
                    let s = Int(succNode[k])
                    waiting[s] -= 1
                    if waiting[s] == 0 { push(s) }
                }
            }
        }}}}}}}
    }
}

/// An eligible node with its priority: the least key first, ties in index order.
struct Candidate: Comparable {
    var key: Double
    var node: Int32

    static func < (a: Candidate, b: Candidate) -> Bool { a.key != b.key ? a.key < b.key : a.node < b.node }
}
