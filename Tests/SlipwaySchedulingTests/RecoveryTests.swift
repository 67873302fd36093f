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
        // Shorten a by 1w (down to its optimistic 2w): F = 4, at x's rate: 1,000.
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
            owners: [{id: dev}, {id: ops}]
            tasks:
              - {id: a, duration: 2w, owner: dev}
              - {id: b, duration: 2w, owner: dev}
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
              - {id: a, duration: 1-5w, owner: x}
              - {id: b, duration: 1-5w, owner: x}
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
}
