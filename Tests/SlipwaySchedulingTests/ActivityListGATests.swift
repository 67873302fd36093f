import Testing
@testable import SlipwayEngine

/// The activity-list search behind `--level`: feasible on random networks of
/// every link type with pinned work, never worse than the single pass, the same
/// schedule for a seed whatever the number of threads, and the optimum of small
/// networks found by enumerating every activity list.
struct ActivityListGATests {
    struct Case {
        let ordered: OrderedNetwork
        let capacity: [Double]
        let demands: [[(resource: Int, units: Double)]]
        let model: ResourceDemands
        let priority: [Double]

        init(seed: UInt64, minNodes: Int = 1, maxNodes: Int = 40, pinnedShare: Double = 0.15) throws {
            var rng = SplitMix64(seed: seed &* 6_364_136_223_846_793_005 &+ 1)
            let network = RandomNetworks.make(seed: seed, minNodes: minNodes, maxNodes: maxNodes, pinnedShare: pinnedShare)
            ordered = try SlipwaySchedulingTests.ordered(network)
            (capacity, demands) = LevelingChecks.demands(nodes: network.nodeCount, &rng)
            model = ResourceDemands(capacity: capacity, demands: demands)
            priority = CriticalPathMethod.schedule(ordered).lateStart
        }

        func level(_ options: LevelingOptions) -> ResourceLeveling.Result {
            ResourceLeveling.level(ordered, demands: model, priority: priority, options: options)
        }

        func finish(_ result: ResourceLeveling.Result) -> Double { ResourceLeveling.finish(of: result, ordered.network) }
    }

    static let seeds: [UInt64] = Array(1...120)

    @Test(arguments: seeds)
    func searchedLevelingIsFeasibleAndNeverWorseThanTheSinglePass(_ seed: UInt64) throws {
        let c = try Case(seed: seed)
        let single = ResourceLeveling.levelImproved(c.ordered, demands: c.model, priority: c.priority)
        let searched = c.level(LevelingOptions(effort: 400, seed: seed))
        #expect(LevelingChecks.violations(c.ordered, capacity: c.capacity, demands: c.demands, result: searched) == [], "seed \(seed)")
        #expect(c.finish(searched) <= c.finish(single) + 1e-9, "seed \(seed): the search finished later than the single pass")
        #expect(searched.schedules <= 400, "seed \(seed): \(searched.schedules) schedules for a budget of 400")
    }

    @Test(arguments: Array(seeds.prefix(30)))
    func effortZeroIsTheSinglePass(_ seed: UInt64) throws {
        let c = try Case(seed: seed)
        let single = ResourceLeveling.levelImproved(c.ordered, demands: c.model, priority: c.priority)
        let zero = c.level(.singlePass)
        #expect(zero.start == single.start)
        #expect(zero.resourceLinks == single.resourceLinks)
        #expect(zero.schedules <= 5)
    }

    /// Networks of 20 to 60 nodes, large enough that the children of a generation
    /// are shared among threads.
    @Test(arguments: Array(seeds.prefix(20)))
    func theSameSeedGivesTheSameScheduleOnAnyNumberOfThreads(_ seed: UInt64) throws {
        let c = try Case(seed: seed, minNodes: 20, maxNodes: 60)
        let one = c.level(LevelingOptions(effort: 600, seed: seed, threads: 1))
        for threads in [1, 2, 3, 8] {
            let other = c.level(LevelingOptions(effort: 600, seed: seed, threads: threads))
            #expect(other.start == one.start, "seed \(seed), \(threads) threads")
            #expect(other.placement == one.placement, "seed \(seed), \(threads) threads")
            #expect(other.resourceLinks == one.resourceLinks, "seed \(seed), \(threads) threads")
            #expect(other.schedules == one.schedules, "seed \(seed), \(threads) threads")
        }
    }

    /// Budget, population: 1.3·√c for c = budget / 3 children up to 100, then
    /// c / 51 up to 400, never below 10.
    @Test(arguments: [
        (30, 10),         // c = 10: 1.3 · 3.16 = 4.1, raised to 10
        (1_000, 23),      // c = 333: 1.3 · 18.25 = 23.7; 333 / 51 = 6
        (5_000, 53),      // c = 1,666: 1.3 · 40.82 = 53.07; 1,666 / 51 = 32
        (15_000, 98),     // c = 5,000: 1.3 · 70.71 = 91.9 < 5,000 / 51 = 98.04
        (18_000, 117),    // c = 6,000: 1.3 · 77.46 = 100.7, capped at 100; 6,000 / 51 = 117.6
        (50_000, 326),    // c = 16,666: 16,666 / 51 = 326.8
        (200_000, 400),   // c = 66,666: 66,666 / 51 = 1,307, capped at 400
    ])
    func populationGrowsWithTheBudget(_ budget: Int, _ expected: Int) {
        #expect(ActivityListGA.populationSize(budget: budget) == expected)
    }

    /// At a budget whose population is past the square-root regime, searched to
    /// the end (a lower bound no schedule reaches): the best list decodes to a
    /// feasible schedule with the finish the search reports, the budget is spent
    /// but not exceeded,
    /// and one thread and two give the same list. Networks of 16-20 nodes, so
    /// that the children of a generation are shared among threads.
    @Test(arguments: [UInt64(3), 7])
    func largeBudgetSearchIsFeasibleWithinBudgetAndTheSameOnAnyNumberOfThreads(_ seed: UInt64) throws {
        let c = try Case(seed: seed, minNodes: 16, maxNodes: 20)
        let budget = 30_000
        #expect(ActivityListGA.populationSize(budget: budget) == 196)  // 10,000 children / 51
        let single = ResourceLeveling.levelImproved(c.ordered, demands: c.model, priority: c.priority)
        let outcomes = [1, 2].map { threads in
            ActivityListGA.search(c.ordered, demands: c.model, priority: c.priority, initial: [single.placement],
                                  budget: budget, seed: seed, threads: threads, lowerBound: -1)
        }
        #expect(outcomes[0].list == outcomes[1].list, "seed \(seed)")
        #expect(outcomes[0].finish == outcomes[1].finish, "seed \(seed)")
        #expect(outcomes[0].schedules == outcomes[1].schedules, "seed \(seed)")
        let outcome = outcomes[0]
        // The search stops when what is left cannot pay for one more child (3 schedules).
        #expect(outcome.schedules <= budget && outcome.schedules > budget - 3, "seed \(seed): \(outcome.schedules) schedules")
        var position = [Double](repeating: 0, count: c.ordered.nodeCount)
        for (p, node) in outcome.list.enumerated() { position[Int(node)] = Double(p) }
        let decoded = ResourceLeveling.level(c.ordered, demands: c.model, priority: position)
        #expect(LevelingChecks.violations(c.ordered, capacity: c.capacity, demands: c.demands, result: decoded) == [], "seed \(seed)")
        #expect(abs(c.finish(decoded) - outcome.finish) < 1e-9, "seed \(seed)")
        #expect(outcome.finish <= c.finish(single) + 1e-9, "seed \(seed): worse than the single pass it started from")
    }

    /// The best of every precedence-feasible activity list, each decoded by the
    /// serial scheme: for finish-to-start networks without releases the serial
    /// scheme reaches an optimal schedule from some list (Kolisch 1996), so this
    /// is the optimum, found by enumeration.
    static func bruteForce(_ c: Case) -> Double {
        let network = c.ordered.network, n = network.nodeCount
        var best = Double.infinity
        var list: [Int32] = []
        var waiting = (0..<n).map { network.predOffset[$0 + 1] - network.predOffset[$0] }
        var taken = [Bool](repeating: false, count: n)
        func extend() {
            if list.count == n {
                var position = [Double](repeating: 0, count: n)
                for (p, node) in list.enumerated() { position[Int(node)] = Double(p) }
                best = min(best, c.finish(ResourceLeveling.level(c.ordered, demands: c.model, priority: position)))
                return
            }
            for j in 0..<n where !taken[j] && waiting[j] == 0 {
                taken[j] = true
                list.append(Int32(j))
                for k in network.successors(of: j) { waiting[Int(network.succNode[k])] -= 1 }
                extend()
                for k in network.successors(of: j) { waiting[Int(network.succNode[k])] += 1 }
                list.removeLast()
                taken[j] = false
            }
        }
        extend()
        return best
    }

    /// Random finish-to-start networks of 5 or 6 nodes, one or two resources:
    /// the search at 2,000 schedules finds the enumerated optimum, and on some of
    /// them the single pass does not.
    @Test func searchFindsTheOptimumOfSmallNetworksWhereTheSinglePassMisses() throws {
        var singlePassMissed = 0
        for seed in UInt64(1)...60 {
            var rng = SplitMix64(seed: seed)
            let n = Int.random(in: 5...6, using: &rng)
            let duration = (0..<n).map { _ in Double(Int.random(in: 1...6, using: &rng)) }
            var links: [DependencyNetwork.Link] = []
            for a in 0..<n { for b in (a + 1)..<max(a + 1, n) where Int.random(in: 0..<5, using: &rng) == 0 { links.append(.init(from: Int32(a), to: Int32(b))) } }
            let capacity = Bool.random(using: &rng) ? [2.0] : [2.0, 3.0]
            let demands = (0..<n).map { _ in capacity.indices.map { (resource: $0, units: Double(Int.random(in: 1...Int(capacity[$0]), using: &rng))) } }
            let ordered = try SlipwaySchedulingTests.ordered(DependencyNetwork(duration: duration, links: links))
            let model = ResourceDemands(capacity: capacity, demands: demands)
            let c = Case(ordered: ordered, capacity: capacity, demands: demands, model: model, priority: CriticalPathMethod.schedule(ordered).lateStart)
            let optimum = Self.bruteForce(c)
            let single = c.finish(c.level(.singlePass))
            let searched = c.level(LevelingOptions(effort: 2_000, seed: seed))
            #expect(abs(c.finish(searched) - optimum) < 1e-9, "seed \(seed): found \(c.finish(searched)), optimum \(optimum)")
            if single > optimum + 1e-9 { singlePassMissed += 1 }
        }
        #expect(singlePassMissed > 0, "no case where the search had anything to find")
    }
}

extension ActivityListGATests.Case {
    init(ordered: OrderedNetwork, capacity: [Double], demands: [[(resource: Int, units: Double)]], model: ResourceDemands, priority: [Double]) {
        self.ordered = ordered
        self.capacity = capacity
        self.demands = demands
        self.model = model
        self.priority = priority
    }
}

