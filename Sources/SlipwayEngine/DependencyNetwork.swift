/// The activity-on-node network the schedulers run on: nodes are dense `Int32`
/// indices, links are stored twice in compressed sparse rows (successors of each
/// node, and predecessors of each node), and every per-node value is one flat array.
///
/// This is the hot-path representation: one allocation per array, no per-node
/// objects, no dictionaries. `PlanGraph` builds one from a `Plan`; benchmarks and
/// property tests build them directly.
public struct DependencyNetwork: Sendable {
    /// A link as given to the builder.
    public struct Link: Sendable, Hashable {
        public var from: Int32
        public var to: Int32
        public var type: LinkType
        public var lag: Double

        public init(from: Int32, to: Int32, type: LinkType = .finishToStart, lag: Double = 0) {
            self.from = from
            self.to = to
            self.type = type
            self.lag = lag
        }
    }

    public let nodeCount: Int
    /// Duration of each node in weeks.
    public var duration: [Double]
    /// Earliest start of each node (not-before, phase window, status date); 0 when free.
    public var release: [Double]
    /// A start fixed by progress (an actual start), or NaN. A pinned node starts
    /// there whatever its predecessors say.
    public var pinnedStart: [Double]
    /// The working calendar of each node (holidays, leave, availability), or nil
    /// when every node works on the plain axis: the schedulers then keep their
    /// plain arithmetic, as fast as before calendars existed.
    public var calendars: NetworkCalendars?

    /// Successor rows: the links leaving node i are `succOffset[i] ..< succOffset[i+1]`.
    public let succOffset: [Int32]
    public let succNode: [Int32]
    public let succType: [LinkType]
    public let succLag: [Double]
    /// For each successor entry, the index of the same link in the predecessor rows.
    public let succToPred: [Int32]

    /// Predecessor rows: the links entering node j are `predOffset[j] ..< predOffset[j+1]`.
    public let predOffset: [Int32]
    public let predNode: [Int32]
    public let predType: [LinkType]
    public let predLag: [Double]
    /// For each predecessor entry, the index of the link in the caller's list.
    public let predLinkIndex: [Int32]

    public var linkCount: Int { succNode.count }

    /// Builds the network with a counting sort of the links by source and by target,
    /// so that each row keeps the order in which the links were given.
    ///
    /// - Complexity: O(*V* + *E*) time, where *V* is the number of nodes and *E* the
    ///   number of links, and one allocation per array.
    /// - Parameters:
    ///   - duration: weeks per node.
    ///   - release: earliest start per node (0 when nil).
    ///   - pinnedStart: a start fixed by progress per node, NaN when free (all free when nil).
    ///   - links: the links, in the order that `predLinkIndex` refers to.
    public init(duration: [Double], release: [Double]? = nil, pinnedStart: [Double]? = nil, links: [Link]) {
        let n = duration.count
        nodeCount = n
        self.duration = duration
        self.release = release ?? [Double](repeating: 0, count: n)
        self.pinnedStart = pinnedStart ?? [Double](repeating: .nan, count: n)
        precondition(self.release.count == n && self.pinnedStart.count == n, "one release and one pinned start per node")
        let e = links.count

        var predCount = [Int32](repeating: 0, count: n + 1)
        var succCount = [Int32](repeating: 0, count: n + 1)
        for link in links {
            precondition(link.from >= 0 && Int(link.from) < n && link.to >= 0 && Int(link.to) < n, "link endpoint out of range")
            succCount[Int(link.from) + 1] += 1
            predCount[Int(link.to) + 1] += 1
        }
        for i in 0..<n {
            succCount[i + 1] += succCount[i]
            predCount[i + 1] += predCount[i]
        }
        succOffset = succCount
        predOffset = predCount

        var predFill = Array(predCount.dropLast())
        var predNode = [Int32](repeating: 0, count: e)
        var predType = [LinkType](repeating: .finishToStart, count: e)
        var predLag = [Double](repeating: 0, count: e)
        var predLinkIndex = [Int32](repeating: 0, count: e)
        var linkToPred = [Int32](repeating: 0, count: e)
        for (k, link) in links.enumerated() {
            let slot = Int(predFill[Int(link.to)])
            predFill[Int(link.to)] += 1
            predNode[slot] = link.from
            predType[slot] = link.type
            predLag[slot] = link.lag
            predLinkIndex[slot] = Int32(k)
            linkToPred[k] = Int32(slot)
        }
        var succFill = Array(succCount.dropLast())
        var succNode = [Int32](repeating: 0, count: e)
        var succType = [LinkType](repeating: .finishToStart, count: e)
        var succLag = [Double](repeating: 0, count: e)
        var succToPred = [Int32](repeating: 0, count: e)
        for (k, link) in links.enumerated() {
            let slot = Int(succFill[Int(link.from)])
            succFill[Int(link.from)] += 1
            succNode[slot] = link.to
            succType[slot] = link.type
            succLag[slot] = link.lag
            succToPred[slot] = linkToPred[k]
        }
        self.predNode = predNode
        self.predType = predType
        self.predLag = predLag
        self.predLinkIndex = predLinkIndex
        self.succNode = succNode
        self.succType = succType
        self.succLag = succLag
        self.succToPred = succToPred
    }

    /// Every link in the order it was given to the builder.
    ///
    /// - Complexity: O(*E*).
    public var links: [Link] {
        var result = [Link](repeating: Link(from: 0, to: 0), count: linkCount)
        for j in 0..<nodeCount {
            for k in predecessors(of: j) {
                result[Int(predLinkIndex[k])] = Link(from: predNode[k], to: Int32(j), type: predType[k], lag: predLag[k])
            }
        }
        return result
    }

    /// The same nodes (durations, releases, pinned starts) with `extra` links after
    /// the existing ones, and new releases when given.
    ///
    /// - Complexity: O(*V* + *E*).
    public func adding(links extra: [Link], release newRelease: [Double]? = nil) -> DependencyNetwork {
        var network = DependencyNetwork(duration: duration, release: newRelease ?? release, pinnedStart: pinnedStart, links: links + extra)
        network.calendars = calendars
        return network
    }

    /// The links leaving `node`, as indices into the successor arrays.
    @inlinable public func successors(of node: Int) -> Range<Int> { Int(succOffset[node])..<Int(succOffset[node + 1]) }
    /// The links entering `node`, as indices into the predecessor arrays.
    @inlinable public func predecessors(of node: Int) -> Range<Int> { Int(predOffset[node])..<Int(predOffset[node + 1]) }

    /// The finish of node `node` started at `start`: `start + duration` on the
    /// plain axis, the node's work clock advanced by its duration on a calendar.
    @inlinable public func finish(of node: Int, from start: Double) -> Double {
        guard let calendars else { return start + duration[node] }
        return calendars.of(node).finish(from: start, work: duration[node])
    }
}
