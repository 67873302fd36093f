import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Invariants of scheduling on working calendars over random plans with random
/// holidays, leave and availability, checked against a naive reference that
/// walks the schedule one working day at a time.
struct WorkingCalendarPropertyTests {
    static let seeds: [UInt64] = Array(1...300)
    static let start = CivilDate(year: 2025, month: 1, day: 13)
    let eps = 1e-6

    /// A random plan (`RandomPlans`) given a start, holidays in its first twelve
    /// weeks, and for some owners leave and an availability step.
    static func plan(seed: UInt64) -> Plan {
        var rng = SplitMix64(seed: seed)
        var plan = RandomPlans.make(&rng)
        plan.calendar = WorkCalendar(start: start)
        let here = SourceLocation(line: 1, column: 1)
        func day() -> CivilDate { start.adding(days: Int.random(in: 0..<84, using: &rng)) }
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let first = day()
            plan.holidays.append(DaysOff(first: first, last: first.adding(days: Int.random(in: 0...3, using: &rng)), location: here))
        }
        for o in plan.owners.indices {
            if Bool.random(using: &rng) {
                let first = day()
                plan.owners[o].leave.append(DaysOff(first: first, last: first.adding(days: Int.random(in: 0...9, using: &rng)), location: here))
            }
            if Int.random(in: 0..<3, using: &rng) == 0 {
                plan.owners[o].availability.append(Availability(from: day(), percent: [25, 50, 80].randomElement(using: &rng)!, location: here))
            }
        }
        return plan
    }

    /// The work an owner (or the plan, for nil) does in `[from, to)`, counted day by
    /// day from the dates: 0 on a weekend, holiday or leave day, else the owner's
    /// share of the day at its last availability step on or before it.
    static func naiveWork(_ plan: Plan, owner: Int?, from: Double, to: Double) -> Double {
        let dayLength = 1 / plan.calendar.daysPerWeek
        var work = 0.0
        var k = Int((from / dayLength).rounded(.down)) - 1
        while Double(k) * dayLength < to {
            defer { k += 1 }
            let a = max(from, Double(k) * dayLength), b = min(to, Double(k + 1) * dayLength)
            guard b > a, let date = plan.calendar.date(at: Double(k) * dayLength, as: .start) else { continue }
            let off = plan.holidays + (owner.map { plan.owners[$0].leave } ?? [])
            if off.contains(where: { !(date < $0.first) && !($0.last < date) }) { continue }
            let step = owner.flatMap { o in plan.owners[o].availability.filter { !(date < $0.from) }.max { $0.from < $1.from } }
            work += (b - a) * (step.map { $0.percent / 100 } ?? 1)
        }
        return work
    }

    static func calendarOwner(_ task: PlanTask) -> Int? { task.ownerIndex ?? task.needs.first?.ownerIndex }

    static func isOff(_ plan: Plan, owner: Int?, at t: Double, as edge: WorkCalendar.Edge) -> Bool {
        guard let date = plan.calendar.date(at: t, as: edge) else { return false }
        let off = plan.holidays + (owner.map { plan.owners[$0].leave } ?? [])
        return off.contains { !(date < $0.first) && !($0.last < date) }
    }

    @Test(arguments: seeds)
    func workBetweenStartAndFinishIsTheDurationAndNoWorkStartsOnADayOff(_ seed: UInt64) throws {
        let plan = Self.plan(seed: seed)
        guard case .scheduled(let schedule) = Scheduler.schedule(plan) else { Issue.record("seed \(seed): cyclic"); return }
        let t = schedule.timing
        // Some chain of critical tasks always ends at the finish.
        if plan.statusDate == nil && !plan.tasks.isEmpty { #expect(!schedule.criticalChain.isEmpty, "seed \(seed): no critical chain") }
        for (j, task) in plan.tasks.enumerated() {
            let d = schedule.duration(j), owner = Self.calendarOwner(task)
            // Events (milestones, zero waits) have no work; they only must not float below 0.
            if d == 0 && plan.statusDate == nil {
                #expect(t.totalFloat[j] >= -eps, "seed \(seed) '\(task.id)' (no work) floats \(t.totalFloat[j])")
            }
            guard d > 0 else { continue }
            // Pinned work keeps the dates progress gave it; its duration is the work in them.
            let work = Self.naiveWork(plan, owner: owner, from: t.earlyStart[j], to: t.earlyFinish[j])
            #expect(abs(work - d) <= eps, "seed \(seed) '\(task.id)': \(work) weeks of work in [\(t.earlyStart[j]), \(t.earlyFinish[j])), duration \(d)")
            // Without progress (which may contradict the links and pin work anywhere).
            guard plan.statusDate == nil else { continue }
            let startsOff = Self.isOff(plan, owner: owner, at: t.earlyStart[j], as: .start)
            let endsOff = Self.isOff(plan, owner: owner, at: t.earlyFinish[j], as: .end)
            #expect(!startsOff, "seed \(seed) '\(task.id)' starts on a day off")
            // Work never ends on a day off: its finish is the end of a working day's work.
            #expect(!endsOff, "seed \(seed) '\(task.id)' ends on a day off")
            #expect(t.totalFloat[j] >= -eps, "seed \(seed) '\(task.id)' floats \(t.totalFloat[j])")
            let late = Self.naiveWork(plan, owner: owner, from: t.lateStart[j], to: t.lateFinish[j])
            #expect(abs(late - d) <= eps, "seed \(seed) '\(task.id)': \(late) weeks of work between its late dates")
            // Every link holds: none has less than no slack.
            let network = schedule.ordered.network
            for k in network.predecessors(of: j) {
                let i = Int(network.predNode[k])
                let slack = t.slack(ofPredecessorLink: k, in: network, from: i, to: j)
                #expect(slack >= -eps, "seed \(seed): link into '\(task.id)' violated by \(-slack) weeks")
            }
        }
    }

    @Test(arguments: seeds)
    func leveledWorkAlsoDoesItsDurationOnItsOwnersDays(_ seed: UInt64) throws {
        let plan = Self.plan(seed: seed)
        guard case .scheduled(let base) = Scheduler.schedule(plan) else { Issue.record("seed \(seed): cyclic"); return }
        let leveled = Scheduler.level(plan, schedule: base, options: LevelingOptions(effort: 50, seed: seed, threads: 1))
        let t = leveled.timing
        for (j, task) in plan.tasks.enumerated() where leveled.duration(j) > 0 {
            let work = Self.naiveWork(plan, owner: Self.calendarOwner(task), from: t.earlyStart[j], to: t.earlyFinish[j])
            #expect(abs(work - leveled.duration(j)) <= eps, "seed \(seed) '\(task.id)' leveled: \(work) vs \(leveled.duration(j))")
            #expect(t.earlyStart[j] >= base.timing.earlyStart[j] - eps, "seed \(seed) '\(task.id)' leveled before its links allow")
        }
    }

    /// The plain arithmetic and the calendar arithmetic agree on a calendar with no days off.
    @Test(arguments: seeds.prefix(50))
    func anEmptyCalendarSchedulesAsThePlainAxis(_ seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let network = RandomNetworks.make(seed: seed, pinnedShare: 0)
        var onCalendar = network
        onCalendar.calendars = NetworkCalendars(calendars: [WorkingTime(gaps: [])], ofNode: [Int32](repeating: 0, count: network.nodeCount))
        _ = rng.next()
        let plain = CriticalPathMethod.schedule(try #require(try? TopologicalOrder.sort(network).get()))
        let calendar = CriticalPathMethod.schedule(try #require(try? TopologicalOrder.sort(onCalendar).get()))
        for j in 0..<network.nodeCount {
            #expect(abs(plain.earlyStart[j] - calendar.earlyStart[j]) <= 1e-9)
            #expect(abs(plain.lateFinish[j] - calendar.lateFinish[j]) <= 1e-9)
            #expect(abs(plain.totalFloat[j] - calendar.totalFloat[j]) <= 1e-9)
            #expect(abs(plain.freeFloat[j] - calendar.freeFloat[j]) <= 1e-9, "seed \(seed) node \(j)")
        }
    }

    /// Random calendars for the engine: gaps of whole days (0.2 weeks) in the
    /// first 30 weeks, and sometimes a rate step.
    static func calendars(nodes n: Int, _ rng: inout SplitMix64) -> NetworkCalendars {
        let calendars = (0..<3).map { _ -> WorkingTime in
            let gaps = (0..<Int.random(in: 0...8, using: &rng)).map { _ -> (start: Double, end: Double) in
                let day = Double(Int.random(in: 0..<150, using: &rng)) * 0.2
                return (day, day + 0.2 * Double(Int.random(in: 1...4, using: &rng)))
            }
            let rates = Bool.random(using: &rng) ? [(from: Double(Int.random(in: 0..<20, using: &rng)) * 0.2, rate: [0.5, 0.8].randomElement(using: &rng)!)] : []
            return WorkingTime(gaps: gaps, rates: rates)
        }
        return NetworkCalendars(calendars: calendars, ofNode: (0..<n).map { _ in Int32.random(in: 0..<3, using: &rng) })
    }

    /// The serial leveling on calendars: every node does its work between its
    /// start and finish, no resource carries more than its capacity at any instant,
    /// and the leveled network (resource links, releases) replays the starts with
    /// every link of the network holding.
    @Test(arguments: seeds)
    func levelingOnCalendarsIsFeasibleAndReplays(_ seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &+ 77)
        var network = RandomNetworks.make(seed: seed, pinnedShare: 0)
        network.calendars = Self.calendars(nodes: network.nodeCount, &rng)
        let calendars = try #require(network.calendars)
        let ordered = try #require(try? TopologicalOrder.sort(network).get())
        let (capacity, demands) = LevelingChecks.demands(nodes: network.nodeCount, &rng)
        let resources = ResourceDemands(capacity: capacity, demands: demands)
        let result = ResourceLeveling.level(ordered, demands: resources, priority: CriticalPathMethod.schedule(ordered).lateStart)
        let n = network.nodeCount
        let finish = (0..<n).map { network.finish(of: $0, from: result.start[$0]) }
        for j in 0..<n {
            let work = calendars.of(j).work(from: result.start[j], to: finish[j])
            #expect(abs(work - network.duration[j]) <= eps, "seed \(seed) node \(j): \(work) of \(network.duration[j])")
        }
        let busy = (0..<n).filter { finish[$0] > result.start[$0] + eps }
        for t in Set(busy.map { result.start[$0] }) {
            let running = busy.filter { result.start[$0] <= t + 1e-9 && t < finish[$0] - 1e-9 }
            for r in capacity.indices {
                let used = running.reduce(0.0) { sum, j in sum + (demands[j].first { $0.resource == r }.map { min($0.units, capacity[r]) } ?? 0) }
                #expect(used <= capacity[r] + eps, "seed \(seed): resource \(r) carries \(used) of \(capacity[r]) at t = \(t)")
            }
        }
        let leveled = ResourceLeveling.leveledNetwork(ordered, result)
        let replay = CriticalPathMethod.schedule(leveled)
        for j in 0..<n {
            #expect(abs(replay.earlyStart[j] - result.start[j]) <= eps, "seed \(seed) node \(j): replay \(replay.earlyStart[j]), leveling \(result.start[j])")
            for k in network.predecessors(of: j) {
                let slack = replay.slack(ofPredecessorLink: k, in: network, from: Int(network.predNode[k]), to: j)
                #expect(slack >= -eps, "seed \(seed): link into node \(j) broken by \(-slack)")
            }
        }
    }
}
