/// Forward-backward improvement of a leveled schedule (Li & Willis 1992; Tormos &
/// Lova 2001), which Valls, Ballestín & Quintanilla (2005) call double
/// justification: level the network backwards in time from the schedule's finish
/// (the node that finishes last goes first, every node as late as it can), then
/// forwards again taking nodes in the order of their backward starts. The second
/// pass packs work that the first left in gaps; for finish-to-start networks
/// without releases it never finishes later.
///
/// The backward pass only orders the nodes, so it drops releases and pinned
/// starts; the kept schedule is always a forward pass, decoded by the same
/// serial scheme as every other, and its placement is the activity list that
/// gives it back (the list is "written back").
///
/// Holds a generator for each direction and reuses them, so that a search
/// justifying thousands of lists allocates nothing per list.
struct Justification {
    /// The forward generator: after `decode` or a kept `improve`, it holds the
    /// schedule of the current list.
    private(set) var forward: SerialScheduleGenerator
    private var backward: SerialScheduleGenerator
    private var lists = PriorityList()
    private var key: [Double]
    private var backwardList: [Int32] = []
    private var candidate: [Int32] = []

    init(_ ordered: OrderedNetwork, demands: ResourceDemands) {
        forward = SerialScheduleGenerator(network: ordered.network, demands: demands)
        backward = SerialScheduleGenerator(network: Self.reversed(ordered.network), demands: demands)
        key = [Double](repeating: 0, count: ordered.nodeCount)
    }

    /// Decodes `list` forwards (one schedule) and returns its finish.
    ///
    /// - Complexity: that of `SerialScheduleGenerator.run`.
    @discardableResult
    mutating func decode(_ list: [Int32]) -> Double { forward.run(list) }

    /// One round (two schedules) on the schedule `forward` holds for `list`,
    /// which finishes at `finish`. When the new forward pass finishes no later
    /// (earlier, when `strictly`), `list` becomes its placement and the new finish
    /// is returned; otherwise nil, and `forward` holds the rejected pass.
    ///
    /// - Complexity: two decodings and two priority lists,
    ///   O((*V* + *E*) log *V*) besides the decodings.
    mutating func improve(_ list: inout [Int32], finish: Double, strictly: Bool) -> Double? {
        let n = forward.network.nodeCount
        let duration = forward.network.duration
        // Backwards: the node that finishes last goes first.
        for j in 0..<n { key[j] = finish - forward.finish[j] }
        lists.make(backward.network, key: key, into: &backwardList)
        let reversedFinish = backward.run(backwardList)
        // Forwards, in the order of the backward starts.
        for j in 0..<n { key[j] = reversedFinish - backward.start[j] - duration[j] }
        lists.make(forward.network, key: key, into: &candidate)
        let again = forward.run(candidate)
        let kept = strictly ? again < finish - ResourceProfile.eps : again <= finish + ResourceProfile.eps
        guard kept else { return nil }
        swap(&list, &candidate)
        return again
    }

    /// The network in reversed time (t' = F - t): every link turns around, start
    /// and finish swap (`LinkType.reversed`), and releases and pinned starts are
    /// dropped (the backward pass only orders the nodes).
    ///
    /// - Complexity: O(*V* + *E*).
    static func reversed(_ network: DependencyNetwork) -> DependencyNetwork {
        let links = network.links.map { link in
            DependencyNetwork.Link(from: link.to, to: link.from, type: link.type.reversed, lag: link.lag)
        }
        return DependencyNetwork(duration: network.duration, links: links)
    }
}
