import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Leveling whole plans with the search: random plans with owners, `needs`, all
/// link types, phases, constraints and started work; every leveled schedule is
/// checked from the plan's own terms, through the schedule's view.
struct LeveledPlanTests {
    static let here = SourceLocation(line: 1, column: 1)

    /// A random plan (`RandomPlans`) given owners of capacity 1, 1.5 or 2, and for
    /// each task an owner, `needs` of one or two owners (sometimes more than an
    /// owner has), or nothing; references resolved as the loader resolves them.
    static func plan(seed: UInt64) -> Plan {
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 7)
        var plan = RandomPlans.make(&rng)
        plan.owners = (0..<Int.random(in: 1...3, using: &rng)).map {
            Owner(id: "o\($0)", capacity: [1, 1.5, 2].randomElement(using: &rng)!, location: here)
        }
        for j in plan.tasks.indices where !plan.tasks[j].isMilestone {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: break
            case 1, 2: plan.tasks[j].owner = plan.owners.randomElement(using: &rng)!.id
            default:
                for owner in plan.owners.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)) {
                    plan.tasks[j].needs.append(OwnerUnits(owner: owner.id, units: [0.5, 1, 2, 3].randomElement(using: &rng)!))
                }
            }
        }
        plan.resolveReferences()
        return plan
    }

    static func scheduled(_ plan: Plan) throws -> Schedule {
        guard case .scheduled(let schedule) = Scheduler.schedule(plan) else { throw PlanError.cyclic }
        return schedule
    }

    enum PlanError: Error { case cyclic }

    /// Every rule a leveled schedule of `plan` breaks, in the plan's terms: work
    /// already started or finished keeps the dates of the unleveled schedule;
    /// other tasks start no earlier than their release and every link into
    /// them allows (the plan's and leveling's); wherever a task not started uses
    /// an owner, the owner carries at most its capacity (needs beyond it count as
    /// all of it); each wait names an owner of the task and work of that owner
    /// running while it waited.
    static func violations(_ plan: Plan, base: Schedule, leveled s: Schedule) -> [String] {
        let eps = 1e-7
        var problems: [String] = []
        let pinned = plan.tasks.map { Forecast(task: $0, statusDate: plan.statusDate).state != .notStarted }
        for j in plan.tasks.indices {
            let id = plan.tasks[j].id
            if pinned[j] {
                if s.start(j) != base.start(j) { problems.append("'\(id)' has started but moved from \(base.start(j)) to \(s.start(j))") }
                continue
            }
            if s.start(j) < s.release(j) - eps { problems.append("'\(id)' starts before its release") }
            for link in s.links(into: .task(j)) where link.slack < -eps {
                problems.append("the link into '\(id)' from \(link.from) is broken by \(-link.slack)")
            }
        }
        var instants = Set<Double>()
        for j in plan.tasks.indices where s.duration(j) > eps { instants.insert(s.start(j)); instants.insert(s.finish(j)) }
        for (o, owner) in plan.owners.enumerated() {
            let users = plan.tasks.indices.compactMap { j -> (task: Int, units: Double)? in
                guard s.duration(j) > eps, let d = plan.tasks[j].demands.first(where: { $0.ownerIndex == o }) else { return nil }
                return (j, min(d.units, owner.capacity))
            }
            for t in instants {
                let running = users.filter { s.start($0.task) <= t + 1e-9 && t < s.finish($0.task) - 1e-9 }
                guard running.contains(where: { !pinned[$0.task] }) else { continue }
                let used = running.reduce(0) { $0 + $1.units }
                if used > owner.capacity + eps { problems.append("'\(owner.id)' carries \(used) of \(owner.capacity) at week \(t)") }
            }
        }
        for wait in s.leveling?.waits ?? [] {
            let id = plan.tasks[wait.task].id
            if s.start(wait.task) <= wait.ready + 1e-9 { problems.append("'\(id)' is said to wait but starts when ready") }
            if !plan.tasks[wait.task].demands.contains(where: { $0.ownerIndex == wait.owner }) { problems.append("'\(id)' waited for an owner it does not need") }
            for b in wait.behind where !plan.tasks[b].demands.contains(where: { $0.ownerIndex == wait.owner })
                || s.finish(b) <= wait.ready + 1e-9 || s.start(b) >= s.start(wait.task) - 1e-9 {
                problems.append("'\(id)' is said to wait behind '\(plan.tasks[b].id)', which did not hold its owner meanwhile")
            }
        }
        return problems
    }

    @Test(arguments: Array(UInt64(1)...150))
    func searchedLevelingOfRandomPlansIsFeasibleAndNeverWorseThanTheSinglePass(_ seed: UInt64) throws {
        let plan = Self.plan(seed: seed)
        let base = try Self.scheduled(plan)
        let single = Scheduler.level(plan, schedule: base, options: .singlePass)
        let searched = Scheduler.level(plan, schedule: base, options: LevelingOptions(effort: 300, seed: seed))
        #expect(Self.violations(plan, base: base, leveled: single) == [], "seed \(seed): single pass")
        #expect(Self.violations(plan, base: base, leveled: searched) == [], "seed \(seed): search")
        #expect(searched.finish <= single.finish + 1e-9, "seed \(seed): the search finished later than the single pass")
    }

    /// Generated plans of 80 tasks over 20 owners (with phases and start-to-start
    /// links): large enough that the children of a generation are shared among threads.
    @Test(arguments: Array(UInt64(1)...6))
    func aLeveledPlanIsTheSameForASeedOnAnyNumberOfThreads(_ seed: UInt64) throws {
        let checked = CheckedPlan.load(text: SyntheticPlan.withOwners(tasks: 80, seed: seed))
        let plan = try #require(checked.plan), base = try #require(checked.schedule)
        let one = Scheduler.level(plan, schedule: base, options: LevelingOptions(effort: 500, seed: seed, threads: 1))
        for threads in [2, 5] {
            let other = Scheduler.level(plan, schedule: base, options: LevelingOptions(effort: 500, seed: seed, threads: threads))
            #expect(one.timing == other.timing, "seed \(seed), \(threads) threads")
            #expect(one.leveling?.waits == other.leveling?.waits, "seed \(seed), \(threads) threads")
            #expect(one.criticalChain == other.criticalChain, "seed \(seed), \(threads) threads")
        }
        #expect(Self.violations(plan, base: base, leveled: one) == [], "seed \(seed)")
    }

    /// Hand-checked: one owner, a (2w, latest start 1) and b (3w, latest start 0):
    /// b goes first, a is ready at 0 and waits behind b until 3.
    @Test func aTaskThatWaitsNamesItsOwnerAndTheWorkItWaitedBehind() throws {
        let checked = CheckedPlan.load(text: """
            plan: One owner
            owners: [{id: dev}, {id: ops}]
            tasks:
              - {id: a, duration: 2w, owner: dev}
              - {id: b, duration: 3w, owner: dev}
              - {id: c, duration: 1w, owner: ops, after: [b]}
            """).leveled()
        let plan = try #require(checked.plan), s = try #require(checked.schedule)
        let a = plan.taskIndex(of: "a")!, b = plan.taskIndex(of: "b")!, c = plan.taskIndex(of: "c")!
        #expect(s.wait(of: a) == Schedule.Wait(task: a, owner: 0, ready: 0, behind: [b]))
        #expect(s.wait(of: b) == nil)
        // c is later than unleveled only because of its link: it did not wait for an owner.
        #expect(s.wait(of: c) == nil)
        #expect(s.leveling?.waits.count == 1)
    }
}
