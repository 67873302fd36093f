import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling
import SlipwayReports

/// Hand-checked leveled schedules, then invariants on random networks.
struct ResourceLevelingTests {
    func leveled(_ text: String) throws -> (Plan, Schedule) {
        let checked = CheckedPlan.load(text: text).leveled()
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics)")
        return (try #require(checked.plan), try #require(checked.schedule))
    }

    func dates(_ plan: Plan, _ s: Schedule, _ id: String) -> [Double] {
        let i = plan.taskIndex(of: id)!
        return [s.timing.earlyStart[i], s.timing.earlyFinish[i], s.timing.totalFloat[i]]
    }

    @Test func oneOwnerDoesOneThingAtATimeLeastFloatFirst() throws {
        // Unleveled F = 3: a (2w) floats 1 (LS 1), b (3w) is critical (LS 0): b goes first.
        // Leveled: b 0-3, a 3-5, F = 5; a waits for b, and both are critical through that wait.
        let (plan, s) = try leveled("""
            plan: One owner
            owners: [{id: dev}]
            tasks:
              - {id: a, duration: 2w, owner: dev}
              - {id: b, duration: 3w, owner: dev}
            """)
        #expect(dates(plan, s, "b") == [0, 3, 0])
        #expect(dates(plan, s, "a") == [3, 5, 0])
        #expect(s.finish == 5)
        #expect(s.leveling?.unleveledFinish == 3)
        #expect(s.criticalPath.map { plan.tasks[$0].id } == ["b", "a"])
        #expect(ScheduleTable.criticalChain(plan: plan, schedule: s) == "b -[dev]-> a")
    }

    /// Progress that contradicts the links (issue 13): 'z' has started although its
    /// predecessor 'y', of the same owner, has not. Leveling used to trap on the
    /// cycle that a resource link z -> y closed with the plan's link y -> z.
    /// Hand-checked: status date t = 1, z 50% done of 1w, so z started at 0.5 and
    /// ends at 1 + 0.5 = 1.5; y cannot start before the status date, and the team
    /// is busy with z until 1.5, so y runs 1.5-2.5.
    @Test func startedWorkBeforeItsUnstartedPredecessorIsLeveledNotTrapped() throws {
        let checked = CheckedPlan.load(text: """
            plan: p
            status-date: week 1
            owners: [{id: team}]
            tasks:
              - {id: y, duration: 1w, owner: team}
              - {id: z, duration: 1w, owner: team, after: [y], progress: 50}
            """).leveled()
        let plan = try #require(checked.plan), s = try #require(checked.schedule)
        #expect(dates(plan, s, "z").prefix(2) == [0.5, 1.5])
        #expect(dates(plan, s, "y").prefix(2) == [1.5, 2.5])
        #expect(s.finish == 2.5)
        let warning = try #require(checked.diagnostics.first { $0.code == .progressAgainstLinks })
        #expect(warning.location?.line == 6)
        #expect(warning.message.contains("'y', which the plan puts before it, has not"))
    }

    @Test func capacityTwoRunsTwoAtOnce() throws {
        let (plan, s) = try leveled("""
            plan: Two at once
            owners: [{id: dev, capacity: 2}]
            tasks:
              - {id: a, duration: 2w, owner: dev}
              - {id: b, duration: 3w, owner: dev}
              - {id: c, duration: 1w, owner: dev}
            """)
        // b (LS 0) and a (LS 1) start at 0; c (LS 2) fits once a ends at 2: 2-3. F = 3.
        #expect(dates(plan, s, "b")[0] == 0 && dates(plan, s, "a")[0] == 0)
        #expect(dates(plan, s, "c") == [2, 3, 0])
        #expect(s.finish == 3)
    }

    @Test func explicitNeedsOccupySeveralUnitsAndOwners() throws {
        // big needs both of dev's 2 units and ops: small (dev 1) cannot run beside it.
        // Unleveled F = 2: big LS 0, small LS 1, side (ops 1w) LS 1.
        // Leveled: big 0-2; small 2-3 (dev free at 2); side waits for ops: 2-3. F = 3.
        let (plan, s) = try leveled("""
            plan: Needs
            owners: [{id: dev, capacity: 2}, {id: ops}]
            tasks:
              - {id: big, duration: 2w, needs: {dev: 2, ops: 1}}
              - {id: small, duration: 1w, owner: dev}
              - {id: side, duration: 1w, owner: ops}
            """)
        #expect(dates(plan, s, "big")[0] == 0)
        #expect(dates(plan, s, "small") == [2, 3, 0])
        #expect(dates(plan, s, "side") == [2, 3, 0])
    }

    @Test func linksAndPrioritiesTogether() throws {
        // x (dev 2w) -> y (ops 1w); z (dev 1w) free. Unleveled F = 3: LS x 0, y 2, z 2.
        // x 0-2; then y and z tie at LS 2 and y comes first in the file: y 2-3 (ops);
        // z needs dev, free from 2: 2-3. F = 3: leveling costs nothing here.
        let (plan, s) = try leveled("""
            plan: Links
            owners: [{id: dev}, {id: ops}]
            tasks:
              - {id: x, duration: 2w, owner: dev}
              - {id: y, duration: 1w, owner: ops, after: [x]}
              - {id: z, duration: 1w, owner: dev}
            """)
        #expect(dates(plan, s, "x") == [0, 2, 0])
        #expect(dates(plan, s, "y") == [2, 3, 0])
        #expect(dates(plan, s, "z") == [2, 3, 0])
        #expect(s.finish == 3)
    }

    @Test func fractionalDurationsPackWithoutGaps() throws {
        // Unleveled F = 1.5: LS a 0, b 0.5, c 0.5. One owner: a 0-1.5, b 1.5-2.5, c 2.5-3.5.
        let (plan, s) = try leveled("""
            plan: Fractions
            owners: [{id: dev}]
            tasks:
              - {id: a, duration: 1.5w, owner: dev}
              - {id: b, duration: 1w, owner: dev}
              - {id: c, duration: 1w, owner: dev}
            """)
        #expect(dates(plan, s, "a")[0] == 0)
        #expect(dates(plan, s, "b")[0] == 1.5)
        #expect(dates(plan, s, "c")[0] == 2.5)
        #expect(s.finish == 3.5)
    }

    @Test func needsBeyondCapacityAreLeveledAsAllOfItWithAWarning() throws {
        let (plan, s) = try leveled("""
            plan: Too much
            owners: [{id: dev, capacity: 2}]
            tasks:
              - {id: a, duration: 1w, needs: {dev: 3}}
              - {id: b, duration: 1w, owner: dev}
            """)
        #expect(dates(plan, s, "a")[0] == 0)
        #expect(dates(plan, s, "b")[0] == 1)
        #expect(s.findings.map(\.id) == ["overallocated"])
        #expect(s.findings[0].message == "'a' needs 3 of 'dev', which has a capacity of 2; it is leveled as if it needed all of it")
    }

    @Test func startedWorkHoldsItsOwnerFirst() throws {
        // s started at t = 0 and, half of 4w done at the status date (t = 2), ends at 4.
        // b (more urgent by latest start) cannot take x before 4: b 4-7, c 7-12, F = 12.
        let (plan, s) = try leveled("""
            plan: Started first
            status-date: week 2
            owners: [{id: x}]
            tasks:
              - {id: s, duration: 4w, owner: x, actual-start: week 1, progress: 50}
              - {id: b, duration: 3w, owner: x}
              - {id: c, duration: 5w, after: [b]}
            """)
        #expect(dates(plan, s, "s")[0...1] == [0, 4])
        #expect(dates(plan, s, "b") == [4, 7, 0])
        #expect(dates(plan, s, "c") == [7, 12, 0])
        #expect(ScheduleTable.criticalChain(plan: plan, schedule: s) == "s -[x]-> b -> c")
    }

    // MARK: - Properties

    static let seeds: [UInt64] = Array(1...200)

    @Test(arguments: seeds)
    func leveledSchedulesRespectLinksAndCapacityAtEveryInstant(_ seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &* 7919)
        let network = RandomNetworks.make(seed: seed, pinnedShare: 0)
        let n = network.nodeCount
        let resources = Int.random(in: 1...3, using: &rng)
        let capacity = (0..<resources).map { _ in Double(Int.random(in: 1...3, using: &rng)) }
        let demands: [[(resource: Int, units: Double)]] = (0..<n).map { _ in
            (0..<resources).compactMap { r in Bool.random(using: &rng) ? (r, Double(Int.random(in: 1...Int(capacity[r]), using: &rng))) : nil }
        }
        let ordered = try #require(try? TopologicalOrder.sort(network).get())
        let cpm = CriticalPathMethod.schedule(ordered)
        let model = ResourceDemands(capacity: capacity, demands: demands)
        let plain = ResourceLeveling.level(ordered, demands: model, priority: cpm.lateStart)
        let result = ResourceLeveling.levelImproved(ordered, demands: model, priority: cpm.lateStart)
        // Forward-backward improvement never makes the finish later.
        #expect(ResourceLeveling.finish(of: result, network) <= ResourceLeveling.finish(of: plain, network) + 1e-9)
        let start = result.start
        let eps = 1e-9
        // Links and releases hold.
        for j in 0..<n {
            #expect(start[j] >= max(0, network.release[j]) - eps)
            for k in network.predecessors(of: j) {
                let i = Int(network.predNode[k]), lag = network.predLag[k]
                let ok: Bool
                switch network.predType[k] {
                case .finishToStart: ok = start[j] >= start[i] + network.duration[i] + lag - eps
                case .startToStart: ok = start[j] >= start[i] + lag - eps
                case .finishToFinish: ok = start[j] + network.duration[j] >= start[i] + network.duration[i] + lag - eps
                case .startToFinish: ok = start[j] + network.duration[j] >= start[i] + lag - eps
                }
                #expect(ok, "seed \(seed): link \(i)->\(j) broken by leveling")
            }
            #expect(start[j] >= cpm.earlyStart[j] - eps, "leveling never starts earlier than the links allow")
        }
        // At every start, each resource's usage fits its capacity.
        for r in 0..<resources {
            for t in Set(start) {
                var used = 0.0
                for j in 0..<n where start[j] <= t + eps && t < start[j] + network.duration[j] - eps {
                    used += demands[j].first { $0.resource == r }?.units ?? 0
                }
                #expect(used <= capacity[r] + eps, "seed \(seed): resource \(r) over capacity at \(t)")
            }
        }
        // The resource links explain every start: the forward pass over the network
        // with them added gives the leveled starts back.
        let augmented = DependencyNetwork(duration: network.duration, release: network.release, links: network.links + result.resourceLinks)
        let augmentedOrdered = try #require(try? TopologicalOrder.sort(augmented).get(), "seed \(seed): resource links made a cycle")
        let replay = CriticalPathMethod.schedule(augmentedOrdered)
        // The placement order orders the leveled network too.
        #expect(CriticalPathMethod.schedule(ResourceLeveling.leveledNetwork(ordered, result)).earlyStart.indices.allSatisfy { j in
            abs(CriticalPathMethod.schedule(ResourceLeveling.leveledNetwork(ordered, result)).earlyStart[j] - start[j]) <= 1e-7 })
        for j in 0..<n { #expect(abs(replay.earlyStart[j] - start[j]) <= 1e-7, "seed \(seed): node \(j) not explained") }
    }

    /// With work pinned by progress (which may contradict the links), the leveled
    /// network is still ordered by placement: every link, of the plan or of a
    /// resource, goes forward in it, and its forward pass gives the leveled starts.
    @Test(arguments: seeds)
    func leveledNetworkIsOrderedEvenWithPinnedWork(_ seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &* 104_729)
        let network = RandomNetworks.make(seed: seed, pinnedShare: 0.3)
        let n = network.nodeCount
        let capacity = [1.0, 2.0]
        let demands: [[(resource: Int, units: Double)]] = (0..<n).map { _ in
            Bool.random(using: &rng) ? [(Int.random(in: 0...1, using: &rng), 1.0)] : []
        }
        let ordered = try ordered(network)
        let result = ResourceLeveling.levelImproved(ordered, demands: ResourceDemands(capacity: capacity, demands: demands),
                                                    priority: CriticalPathMethod.schedule(ordered).lateStart)
        let leveled = ResourceLeveling.leveledNetwork(ordered, result)
        #expect(leveled.order.count == n)
        var position = [Int](repeating: -1, count: n)
        for (p, node) in leveled.order.enumerated() { position[Int(node)] = p }
        #expect(!position.contains(-1), "seed \(seed): the placement misses a node")
        for link in leveled.network.links {
            #expect(position[Int(link.from)] < position[Int(link.to)], "seed \(seed): link \(link.from)->\(link.to) goes backward")
        }
        let replay = CriticalPathMethod.schedule(leveled)
        for j in 0..<n { #expect(abs(replay.earlyStart[j] - result.start[j]) <= 1e-7, "seed \(seed): node \(j)") }
    }

    @Test(arguments: Array(seeds.prefix(50)))
    func ampleCapacityChangesNothing(_ seed: UInt64) throws {
        let network = RandomNetworks.make(seed: seed, pinnedShare: 0)
        let ordered = try #require(try? TopologicalOrder.sort(network).get())
        let cpm = CriticalPathMethod.schedule(ordered)
        let demands = (0..<network.nodeCount).map { _ in [(resource: 0, units: 1.0)] }
        let result = ResourceLeveling.level(ordered, demands: ResourceDemands(capacity: [Double(network.nodeCount)], demands: demands),
                                            priority: cpm.lateStart)
        #expect(result.start == cpm.earlyStart)
        #expect(result.resourceLinks.isEmpty)
    }
}
