import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Recovery options, checked by hand on small plans.
struct RecoveryTests {
    static let plan = """
        plan: Late
        deadline: week 4
        owners:
          - id: x
            rate: 1000
        tasks:
          - id: a
            owner: x
            duration: 2-4w
            crash: {to: 2w, cost: 1000}
          - id: b
            duration: 2w
            after: [a]
        """

    @Test func shorteningAndFastTrackingAreMeasuredAndRanked() throws {
        // a 0-3 (mean of 2-4w), b 3-5: F = 5, one week late.
        let checked = CheckedPlan.load(text: Self.plan)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let report = Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 4))
        #expect(report.forecastFinish == 5)
        #expect(report.anyReachesTarget)
        // Fast-track a -> b as SS + 3 x 0.5 = 1.5: b 1.5-3.5, a ends 3: F = 3.5. No shortening, so first.
        let first = try #require(report.options.first)
        #expect(first.kind == .fastTrack)
        #expect(first.fastTracks.first?.lag == 1.5)
        #expect(first.finish == 3.5)
        // Shorten a by 1w (down to its crash limit 2w): F = 4, at its crash cost: 1,000.
        let shorten = try #require(report.options.first { $0.kind == .shorten })
        #expect(shorten.cuts.map { plan.tasks[$0.task].id } == ["a"])
        #expect(shorten.totalShortening == 1)
        #expect(shorten.cost == 1000)
        #expect(shorten.finish == 4)
    }

    @Test func saysSoWhenNoOptionReachesTheTarget() throws {
        let checked = CheckedPlan.load(text: Self.plan)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        // Week 2 is out of reach: b takes 2w (fixed) and starts 1.5w into a at best
        // (the fast-track lag is fixed when the link is overlapped): F = 3.5;
        // cutting a to 2w alone gives 4.
        let report = Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 2))
        #expect(!report.anyReachesTarget)
        #expect(report.notes.contains { if case .noOptionReachesTarget = $0 { return true }; return false })
        #expect(report.options.map(\.finish).min() == 3.5)
    }

    @Test func onTimePlansNeedNothing() throws {
        let checked = CheckedPlan.load(text: Self.plan)
        let report = Recovery.propose(whatIf: WhatIf(plan: checked.plan!, schedule: checked.schedule!), settings: .init(target: 6))
        #expect(!report.needed)
        #expect(report.options.isEmpty)
    }

    @Test func levelingMovesWorkToAnOwnerWithRoom() throws {
        // dev has two 2w tasks and room for one at a time: leveled, a 0-2 then b 2-4, F = 4,
        // two weeks past the deadline, although unleveled the plan ends at 2.
        // Giving a to ops (idle) runs both at once: F = 2. b to ops does the same.
        let checked = CheckedPlan.load(text: """
            plan: Busy
            deadline: week 2
            owners: [{id: dev, skills: [go]}, {id: ops, skills: [go]}]
            tasks:
              - {id: a, duration: 2w, owner: dev, skills: [go]}
              - {id: b, duration: 2w, owner: dev, skills: [go]}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        #expect(schedule.finish == 2)
        let report = Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 2, level: true))
        #expect(report.leveled)
        #expect(report.forecastFinish == 4)
        let best = try #require(report.options.first)
        #expect(best.kind == .moveWork)
        #expect(best.moves == [OwnerMoves.Move(task: 0, from: 0, to: 1)])
        #expect(best.finish == 2 && best.reachesTarget)
        #expect(report.options.contains { $0.moves == [OwnerMoves.Move(task: 1, from: 0, to: 1)] && $0.finish == 2 })
    }

    @Test func leveledRecoveryIsNotNeededWhenLevelingFits() throws {
        let checked = CheckedPlan.load(text: """
            plan: Roomy
            owners: [{id: dev, capacity: 2}]
            tasks:
              - {id: a, duration: 2w, owner: dev}
              - {id: b, duration: 2w, owner: dev}
            """)
        let report = Recovery.propose(whatIf: WhatIf(plan: checked.plan!, schedule: checked.schedule!), settings: .init(target: 2, level: true))
        #expect(!report.needed)
    }

    @Test func leveledRecoveryShortensAlongTheLeveledSequence() throws {
        // One owner, a and b (1-5w, 3w each) in sequence once leveled: F = 6. Week 2.5 needs
        // 3.5 weeks cut, and each can lose 2 (to its optimistic 1w): a 1.5 and b 2, cheapest
        // first at equal rates, in any split that totals 3.5. Unleveled the plan ends at 3,
        // so cuts measured without leveling would not see the need.
        let checked = CheckedPlan.load(text: """
            plan: One owner
            owners: [{id: x, rate: 100}]
            tasks:
              - {id: a, duration: 1-5w, owner: x, crash: {to: 1w, cost: 100}}
              - {id: b, duration: 1-5w, owner: x, crash: {to: 1w, cost: 100}}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let report = Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 2.5, level: true))
        #expect(report.forecastFinish == 6)
        let shorten = try #require(report.options.first { $0.kind == .shorten })
        #expect(shorten.reachesTarget && abs(shorten.finish - 2.5) < 1e-9)
        #expect(abs(shorten.totalShortening - 3.5) < 1e-9)
        #expect(abs((shorten.cost ?? 0) - 350) < 1e-6)
    }

    @Test func parallelCriticalLinksAreOverlappedTogether() throws {
        // a (2w) feeds b and c (2w each): F = 4. Overlapping either link alone changes
        // nothing (the other still ends at 4); overlapping both (SS + 1w) ends at 3.
        let checked = CheckedPlan.load(text: """
            plan: Pair
            tasks:
              - {id: a, duration: 2w}
              - {id: b, duration: 2w, after: [a]}
              - {id: c, duration: 2w, after: [a]}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let report = Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 3.5))
        let best = try #require(report.options.first)
        #expect(best.kind == .fastTrack && best.fastTracks.count == 2)
        #expect(best.finish == 3 && best.reachesTarget)
        #expect(best.fastTracks.map(\.lag) == [1, 1])
    }

    /// Shortening without crash costs is never priced from owner rates (at a fixed
    /// rate a shorter task costs less): the cost is unknown.
    @Test func shorteningWithoutCrashCostsHasNoPrice() throws {
        let checked = CheckedPlan.load(text: """
            plan: Unpriced
            deadline: week 4
            owners: [{id: x, rate: 1000}]
            tasks:
              - {id: a, owner: x, duration: 2-4w}
              - {id: b, duration: 2w, after: [{id: a, hard: true}]}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let report = Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 4))
        let shorten = try #require(report.options.first { $0.kind == .shorten })
        #expect(shorten.cuts.map(\.by) == [1])
        #expect(shorten.cost == nil)
    }

    /// A link with a reason is hard: recovery never overlaps it. Without a `why`
    /// (or with `hard: false`) the same link is overlapped.
    @Test(arguments: [("{id: a, why: traffic moves only after the tests pass}", false),
                      ("{id: a, why: a preference, hard: false}", true), ("a", true), ("{id: a, hard: true}", false)])
    func hardLinksAreNeverOverlapped(link: String, overlapped: Bool) throws {
        let checked = CheckedPlan.load(text: """
            plan: Hard
            deadline: week 3
            tasks:
              - {id: a, duration: 2w}
              - {id: b, duration: 2w, after: [\(link)]}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let report = Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 3))
        #expect(report.options.contains { !$0.fastTracks.isEmpty } == overlapped)
        #expect(report.notes.contains(.hardLinksKept(1)) == !overlapped)
    }

    /// A wait and a fixed estimate without crash data are never shortened; only
    /// the task with a crash limit is, down to its limit.
    @Test func waitsAndTasksWithoutCrashDataAreNotShortened() throws {
        let checked = CheckedPlan.load(text: """
            plan: Waits
            deadline: week 4
            tasks:
              - {id: approval, duration: 1-3w, wait: true}
              - {id: fixed, duration: 2w, after: [approval]}
              - {id: build, duration: 2w, after: [{id: fixed, hard: true}], crash: {to: 1.5w}}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        #expect(schedule.finish == 6)
        let report = Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 4))
        let cut = report.options.flatMap(\.cuts)
        #expect(!cut.isEmpty)
        #expect(cut.allSatisfy { plan.tasks[$0.task].id == "build" && $0.by <= 0.5 + 1e-9 })
        // Nothing overlaps the end of the wait either.
        #expect(report.options.allSatisfy { $0.fastTracks.allSatisfy { plan.tasks[$0.from].id != "approval" } })
        #expect(!report.anyReachesTarget)
    }

    /// Owner moves need skills: none declared, none proposed (unless any owner is
    /// allowed); declared, only to owners with every skill the task lists.
    @Test func ownerMovesFollowSkills() throws {
        func report(_ owners: String, _ skills: String, anyOwner: Bool = false) throws -> Recovery.Report {
            let checked = CheckedPlan.load(text: """
                plan: Skills
                deadline: week 2
                owners: \(owners)
                tasks:
                  - {id: a, duration: 2w, owner: dev\(skills)}
                  - {id: b, duration: 2w, owner: dev\(skills)}
                """)
            let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
            return Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 2, level: true, allowAnyOwner: anyOwner))
        }
        let none = try report("[{id: dev}, {id: security}]", "")
        #expect(none.options.allSatisfy { $0.moves.isEmpty })
        #expect(none.notes.contains(.ownerMovesNeedSkills))
        let any = try report("[{id: dev}, {id: security}]", "", anyOwner: true)
        #expect(any.options.contains { $0.moves.first?.to == 1 })
        let mismatch = try report("[{id: dev, skills: [ecs]}, {id: security, skills: [iam]}]", ", skills: [ecs]")
        #expect(mismatch.options.allSatisfy { $0.moves.isEmpty })
        let match = try report("[{id: dev, skills: [ecs]}, {id: security, skills: [iam]}, {id: platform, skills: [ecs, iam]}]", ", skills: [ecs]")
        #expect(match.options.contains { $0.moves.first?.to == 2 })
        #expect(match.options.allSatisfy { $0.moves.allSatisfy { $0.to != 1 } })
    }

    /// On random plans (hard links, waits, crash limits, skills), no option of any
    /// recovery overlaps a hard link or the end of a wait, cuts a wait or a task
    /// without crash data or range estimate (or below its crash limit), or moves
    /// work to an owner without the task's skills. The totals show that options
    /// of every kind were produced, so the checks ran on something.
    @Test func recoveryRespectsHardLinksWaitsCrashDataAndSkillsOnRandomPlans() throws {
        var totals = (fastTracks: 0, cuts: 0, moves: 0)
        for seed in 0..<150 {
            var rng = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 11)
            let plan = RandomPlans.make(&rng)
            let schedule = try #require({ if case .scheduled(let s) = Scheduler.schedule(plan) { return s }; return nil }())
            let whatIf = WhatIf(plan: plan, schedule: schedule)
            for level in [false, true] {
                let target = max(0, schedule.finish - Double(Int.random(in: 1...3, using: &rng)))
                let report = Recovery.propose(whatIf: whatIf, settings: .init(target: target, level: level))
                for option in report.options {
                    for ft in option.fastTracks {
                        totals.fastTracks += 1
                        #expect(!RecoveryMoves.isHard(ft.link, whatIf: whatIf), "seed \(seed): a hard link was overlapped")
                        #expect(!plan.tasks[ft.from].isWait, "seed \(seed): the end of a wait was overlapped")
                    }
                    for cut in option.cuts {
                        totals.cuts += 1
                        let task = plan.tasks[cut.task]
                        #expect(!task.isWait, "seed \(seed): a wait was shortened")
                        #expect(task.crash != nil || !task.estimate.isFixed, "seed \(seed): '\(task.id)' has no crash data")
                        if let crash = task.crash { #expect(cut.by <= task.duration - crash.minimum + 1e-9) }
                        #expect(cut.cost == task.crash?.costPerWeek.map { $0 * cut.by }, "seed \(seed): a price not from crash costs")
                    }
                    for move in option.moves {
                        totals.moves += 1
                        #expect(!plan.tasks[move.task].skills.isEmpty && OwnerMoves.canDo(plan.owners[move.to], plan.tasks[move.task]),
                                "seed \(seed): '\(plan.tasks[move.task].id)' moved to an owner without its skills")
                    }
                }
            }
        }
        #expect(totals.fastTracks > 0 && totals.cuts > 0 && totals.moves > 0, "\(totals)")
    }
}
