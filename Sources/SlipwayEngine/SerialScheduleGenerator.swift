/// The serial schedule-generation scheme (Kelley 1963; Kolisch 1996) over an
/// activity list: take the nodes in the list's order and start each at the
/// earliest time its links and release allow at which every resource it needs
/// has room for its whole duration. Work pinned by progress keeps its start and
/// holds its resources before anything else is placed.
///
/// The one place where a node is placed: the single leveling pass, the
/// forward-backward improvement and the activity-list search all decode through
/// it, so every rule of leveling (the four link types and lags, releases,
/// `needs`, pinned work) is written here once. It owns its profiles and date
/// arrays and reuses them from one decoding to the next, so that a search that
/// decodes thousands of lists allocates nothing per list. On a network with
/// working calendars a node's finish is its work advanced over its calendar
/// (`NetworkCalendars`), and a start never falls in a gap of a node that works.
struct SerialScheduleGenerator {
    let network: DependencyNetwork
    let demands: ResourceDemands
    private(set) var profiles: [ResourceProfile]
    private(set) var start: [Double]
    private(set) var finish: [Double]
    /// Per node, the time its links and release allowed before any resource moved it.
    private(set) var ready: [Double]
    /// Per node, the resource whose fit moved it last (-1 when none moved it) and
    /// the time it moved it to: the end of some reservation of that resource.
    private(set) var mover: [Int32]
    private(set) var movedTo: [Double]
    /// Nodes pinned by progress, in index order (the order they are booked in).
    private let pinned: [Int32]
    /// Per node, a wait after every bound on its start (a risk event that delays
    /// it in one simulation iteration), before any resource is fitted.
    var startDelay: [Double]?

    init(network: DependencyNetwork, demands: ResourceDemands) {
        let n = network.nodeCount
        self.network = network
        self.demands = demands
        profiles = [ResourceProfile](repeating: ResourceProfile(), count: demands.capacity.count)
        start = [Double](repeating: 0, count: n)
        finish = start
        ready = start
        movedTo = start
        mover = [Int32](repeating: -1, count: n)
        pinned = (0..<n).compactMap { network.pinnedStart[$0].isNaN ? nil : Int32($0) }
    }

    /// Decodes `list` into `start` and `finish` and returns the finish of the
    /// last node (0 for an empty network).
    ///
    /// - Precondition: `list` holds every node once, each after all its
    ///   predecessors (a precedence-feasible activity list).
    /// - Complexity: O(*V* + *E* + *V* · *D* · (log *k* + *s* + *k*)), for *D*
    ///   demands per node, *k* breakpoints per resource profile and *s* steps
    ///   scanned per fit; no allocation once the profiles have grown.
    @discardableResult
    mutating func run(_ list: [Int32]) -> Double {
        for r in profiles.indices { profiles[r].reset() }
        // Work already started or finished holds its owners at its own dates,
        // whatever the order in which the list reaches it: book it first.
        for node in pinned { reserve(Int(node), at: network.pinnedStart[Int(node)]) }
        var makespan = 0.0
        for node in list {
            let j = Int(node)
            let t = place(j)
            start[j] = t
            finish[j] = network.finish(of: j, from: t)
            if finish[j] > makespan { makespan = finish[j] }
            if network.pinnedStart[j].isNaN { reserve(j, at: t) }
        }
        return makespan
    }

    /// The start of node `j` given the nodes placed so far; records `ready`,
    /// `mover` and `movedTo` for it.
    private mutating func place(_ j: Int) -> Double {
        mover[j] = -1
        let pinnedStart = network.pinnedStart[j]
        if !pinnedStart.isNaN {
            ready[j] = pinnedStart
            return pinnedStart
        }
        let d = network.duration[j]
        var t = max(0, network.release[j])
        if let calendars = network.calendars {
            for k in network.predecessors(of: j) {
                let i = Int(network.predNode[k])
                let bound = calendars.earliestStart(network.predType[k], afterStart: start[i], finish: finish[i],
                                                    lag: network.predLag[k], duration: d, of: j)
                if bound > t { t = bound }
            }
            if let startDelay { t = calendars.of(j).shifted(t, by: startDelay[j]) }
            if d > 0 { t = calendars.of(j).work.workingStart(from: t) }
        } else {
            for k in network.predecessors(of: j) {
                let i = Int(network.predNode[k])
                let bound = network.predType[k].earliestStart(afterStart: start[i], finish: finish[i], lag: network.predLag[k], duration: d)
                if bound > t { t = bound }
            }
            if let startDelay { t += startDelay[j] }
        }
        ready[j] = t
        guard d > ResourceProfile.eps else { return t }
        // Move to the first time every resource fits; each move is to the end of
        // some reservation, so repeat until no resource moves it. On a calendar
        // the work's length in axis weeks depends on its start (a holiday inside
        // it lengthens it): it is measured again at every candidate start, and a
        // start moved into a gap moves on to the gap's end.
        var moved = true
        while moved {
            moved = false
            let length = network.finish(of: j, from: t) - t
            for q in demands.demands(of: j) {
                let r = Int(demands.resource[q])
                let units = min(demands.units[q], demands.capacity[r])
                let fit = profiles[r].earliestFit(from: t, duration: length, units: units, capacity: demands.capacity[r])
                if fit > t + ResourceProfile.eps {
                    // The wait is for the reservation that ends at `fit` (the work
                    // waited for); the start is the first working time from there.
                    t = network.calendars.map { $0.of(j).work.workingStart(from: fit) } ?? fit
                    mover[j] = Int32(r)
                    movedTo[j] = fit
                    moved = true
                }
            }
        }
        return t
    }

    private mutating func reserve(_ j: Int, at t: Double) {
        let end = network.finish(of: j, from: t)
        for q in demands.demands(of: j) {
            let r = Int(demands.resource[q])
            profiles[r].reserve(node: Int32(j), from: t, to: end, units: min(demands.units[q], demands.capacity[r]))
        }
    }

    /// The node whose reservation of the resource that last moved `j` ended
    /// where `j` was moved to: the work `j` waited for. Nil when no resource
    /// moved `j`.
    func blocker(of j: Int) -> (node: Int32, resource: Int)? {
        let r = Int(mover[j])
        guard r >= 0, let node = profiles[r].node(endingAt: movedTo[j]) else { return nil }
        return (node, r)
    }
}
