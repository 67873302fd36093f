/// A dependency network with a topological order of all its nodes: the only input
/// the critical-path method, leveling, crashing and simulation accept, so none of
/// them sorts again or has to trap on a cycle.
///
/// Durations, releases and pinned starts may change (they do not affect the
/// order); links may not, so the network itself is read-only from outside.
public struct OrderedNetwork: Sendable {
    public private(set) var network: DependencyNetwork
    /// Every node once, each after all its predecessors.
    public let order: [Int32]

    /// Only `TopologicalOrder.sort` and algorithms that produce an order as a
    /// by-product of their own (the serial leveling) make one.
    init(_ network: DependencyNetwork, trustedOrder order: [Int32]) {
        self.network = network
        self.order = order
    }

    public var nodeCount: Int { network.nodeCount }

    public mutating func setDuration(_ weeks: Double, of node: Int) { network.duration[node] = weeks }
    public mutating func setRelease(_ weeks: Double, of node: Int) { network.release[node] = weeks }
    public mutating func setPinnedStart(_ weeks: Double, of node: Int) { network.pinnedStart[node] = weeks }

    /// The same ordered network with other durations (one per node).
    public func with(durations: [Double]) -> OrderedNetwork {
        precondition(durations.count == network.nodeCount, "one duration per node")
        var copy = self
        copy.network.duration = durations
        return copy
    }

    /// The same ordered network with other releases (one per node).
    public func with(releases: [Double]) -> OrderedNetwork {
        precondition(releases.count == network.nodeCount, "one release per node")
        var copy = self
        copy.network.release = releases
        return copy
    }
}

extension OrderedNetwork {
    /// The same network with its links retyped or given other lags, each link
    /// keeping its two ends: no link changes direction, so the order still holds.
    ///
    /// - Precondition: `links` are the network's links (`network.links`) in their
    ///   order, with only types and lags changed.
    /// - Complexity: O(*V* + *E*).
    public func with(links: [DependencyNetwork.Link]) -> OrderedNetwork {
        let current = network.links
        precondition(links.count == current.count && zip(links, current).allSatisfy { $0.from == $1.from && $0.to == $1.to },
                     "only the types and lags of links may change")
        var rebuilt = DependencyNetwork(duration: network.duration, release: network.release, pinnedStart: network.pinnedStart, links: links)
        rebuilt.calendars = network.calendars
        return OrderedNetwork(rebuilt, trustedOrder: order)
    }
}
