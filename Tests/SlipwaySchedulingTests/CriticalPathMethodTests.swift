import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Hand-checked schedules. Each comment shows the arithmetic the numbers come from;
/// dates are listed as [ES, EF, LS, LF, total float, free float] in weeks.
struct CriticalPathMethodTests {
    @Test func finishToStartChainAndABranchWithFloat() throws {
        // a 0-2; b after a 2-5; c after a 2-3; d after b, c 5-7. F = 7.
        // Backward: LF_d = 7; LF_b = LS_d = 5; LF_c = LS_d = 5 so c has 2 of float;
        // LF_a = min(LS_b = 2, LS_c = 4) = 2.
        let f = try ScheduledFixture("""
            plan: FS
            tasks:
              - {id: a, duration: 2w}
              - {id: b, duration: 3w, after: [a]}
              - {id: c, duration: 1w, after: [a]}
              - {id: d, duration: 2w, after: [b, c]}
            """)
        #expect(f.schedule.finish == 7)
        #expect(f.dates("a") == [0, 2, 0, 2, 0, 0])
        #expect(f.dates("b") == [2, 5, 2, 5, 0, 0])
        #expect(f.dates("c") == [2, 3, 4, 5, 2, 2])
        #expect(f.dates("d") == [5, 7, 5, 7, 0, 0])
        #expect(f.criticalPath == ["a", "b", "d"])
    }

    @Test func startToStartWithLag() throws {
        // b may start 1w after a starts: ES_b = 0 + 1 = 1, EF_b = 3. F = EF_a = 4.
        // LF_b = F = 4, so b floats 1. LF_a = min(F, LS_b - L + d_a = 2 - 1 + 4 = 5) = 4.
        // Free float of a = ES_b - L - ES_a = 1 - 1 - 0 = 0; of b = F - EF_b = 1.
        let f = try ScheduledFixture("""
            plan: SS
            tasks:
              - {id: a, duration: 4w}
              - {id: b, duration: 2w, after: ["a SS+1w"]}
            """)
        #expect(f.dates("a") == [0, 4, 0, 4, 0, 0])
        #expect(f.dates("b") == [1, 3, 2, 4, 1, 1])
        #expect(f.criticalPath == ["a"])
    }

    @Test func finishToFinishWithLag() throws {
        // b must finish 1w after a finishes: EF_b >= 3 + 1 = 4, so ES_b = 3. F = 4.
        // LF_a = LF_b - L = 4 - 1 = 3: both critical, and the FF link drives.
        let f = try ScheduledFixture("""
            plan: FF
            tasks:
              - {id: a, duration: 3w}
              - {id: b, duration: 1w, after: [{id: a, type: FF, lag: 1w}]}
            """)
        #expect(f.dates("a") == [0, 3, 0, 3, 0, 0])
        #expect(f.dates("b") == [3, 4, 3, 4, 0, 0])
        #expect(f.criticalPath == ["a", "b"])
    }

    @Test func startToFinishWithLagAndNotBefore() throws {
        // a cannot start before week 3 (t = 2): 2-4. b must finish 2w after a starts:
        // EF_b >= 2 + 2 = 4, ES_b = 3. F = 4. LF_a = min(4, LF_b - L + d_a = 4 - 2 + 2 = 4).
        // Free float of a over the SF link: EF_b - L - ES_a = 4 - 2 - 2 = 0.
        let f = try ScheduledFixture("""
            plan: SF
            tasks:
              - {id: a, duration: 2w, not-before: week 3}
              - {id: b, duration: 1w, after: ["a SF+2w"]}
            """)
        #expect(f.dates("a") == [2, 4, 2, 4, 0, 0])
        #expect(f.dates("b") == [3, 4, 3, 4, 0, 0])
    }

    @Test func negativeLagLetsSuccessorStartEarly() throws {
        // FS-2d: ES_b = 2 - 0.4 = 1.6, EF_b = 2.6 = F. LF_a = LS_b - L = 1.6 + 0.4 = 2.
        let f = try ScheduledFixture("""
            plan: Lead
            tasks:
              - {id: a, duration: 2w}
              - {id: b, duration: 1w, after: ["a FS-2d"]}
            """)
        #expect(f.dates("a") == [0, 2, 0, 2, 0, 0])
        #expect(f.dates("b") == [1.6, 2.6, 1.6, 2.6, 0, 0])
    }

    @Test func negativeLagNeverStartsBeforeTimeZero() throws {
        // SS-1w would allow t = -1; ES = max(0, ...) = 0.
        let f = try ScheduledFixture("""
            plan: Clamp
            tasks:
              - {id: a, duration: 1w}
              - {id: b, duration: 1w, after: ["a SS-1w"]}
            """)
        #expect(f.dates("b")[0] == 0)
    }

    @Test func milestonesTakeNoTime() throws {
        // a 0-2, m at 2, b 2-3.
        let f = try ScheduledFixture("""
            plan: Milestone
            tasks:
              - {id: a, duration: 2w}
              - {id: m, milestone: true, after: [a]}
              - {id: b, duration: 1w, after: [m]}
            """)
        #expect(f.dates("m") == [2, 2, 2, 2, 0, 0])
        #expect(f.dates("b") == [2, 3, 2, 3, 0, 0])
        #expect(f.criticalPath == ["a", "m", "b"])
    }

    @Test func phaseWindowDelaysStartAndReportsOverrun() throws {
        // Phase weeks 3-4 is [2, 4): a starts at 2. b (3w) starts at 2 and ends at 5, 1 past the window.
        let f = try ScheduledFixture("""
            plan: Phases
            phases:
              - {id: p, weeks: 3-4}
            tasks:
              - {id: a, duration: 1w, phase: p}
              - {id: b, duration: 3w, phase: p}
            """)
        #expect(f.dates("a") == [2, 3, 4, 5, 2, 2])
        #expect(f.dates("b") == [2, 5, 2, 5, 0, 0])
        #expect(f.warnings == ["phase-overrun"])
        #expect(f.diagnostics.warnings[0].message == "'b' finishes at week 5, 1 week past the end of phase 'p' (weeks 3-4)")
    }

    @Test func constraintReferenceWaitsForEveryMitigation() throws {
        // k is resolved when m1 (2w) and m2 (3w) are done: at 3. t after k: 3-4.
        // m1's free float is measured to the resolution: 3 - 2 = 1; its total float also 1.
        let f = try ScheduledFixture("""
            plan: Constraint
            constraints:
              - id: k
                title: K
                target: week 2
                mitigations:
                  - {id: m1, duration: 2w}
                  - {id: m2, duration: 3w}
            tasks:
              - {id: t, duration: 1w, after: [k]}
            """)
        #expect(f.dates("m1") == [0, 2, 1, 3, 1, 1])
        #expect(f.dates("m2") == [0, 3, 0, 3, 0, 0])
        #expect(f.dates("t") == [3, 4, 3, 4, 0, 0])
        #expect(f.schedule.resolutions == [.init(constraint: 0, resolved: 3, target: 2)])
        #expect(f.schedule.resolutions.first?.lateBy == 1)
        #expect(f.criticalPath == ["m2", "t"])
        #expect(f.warnings == ["target-missed"])
    }

    @Test func blocksAPhaseExceptTheConstraintsOwnMitigations() throws {
        // k (mitigated by m, 2w, itself in phase p) blocks phase p: x in p waits for m; m does not wait for itself.
        let f = try ScheduledFixture("""
            plan: Blocks
            phases:
              - {id: p, weeks: 1-4}
            constraints:
              - id: k
                title: K
                blocks: [p]
                mitigations:
                  - {id: m, duration: 2w, phase: p}
            tasks:
              - {id: x, duration: 1w, phase: p}
              - {id: y, duration: 1w}
            """)
        #expect(f.dates("m")[0] == 0)
        #expect(f.dates("x")[0] == 2)
        #expect(f.dates("y")[0] == 0)
    }

    @Test func freeFloatDiffersFromTotalFloat() throws {
        // a 0-1 -> b 1-2; c 0-4. F = 4. a can slip 2 in total, but any slip moves b: free float 0.
        let f = try ScheduledFixture("""
            plan: Floats
            tasks:
              - {id: a, duration: 1w}
              - {id: b, duration: 1w, after: [a]}
              - {id: c, duration: 4w}
            """)
        #expect(f.dates("a") == [0, 1, 2, 3, 2, 0])
        #expect(f.dates("b") == [1, 2, 3, 4, 2, 2])
        #expect(f.criticalPath == ["c"])
    }

    @Test func twoParallelCriticalPathsAreBothFlagged() throws {
        // a and b both take 2w and feed c: both critical; the path lists one chain.
        let f = try ScheduledFixture("""
            plan: Parallel
            tasks:
              - {id: a, duration: 2w}
              - {id: b, duration: 2w}
              - {id: c, duration: 1w, after: [a, b]}
            """)
        #expect(f.critical("a") && f.critical("b") && f.critical("c"))
        #expect(f.criticalPath == ["a", "c"])
    }

    @Test func criticalPathIsTheLongestCriticalChain() throws {
        // gate (a milestone at t = 2) and x -> y (0-1, 1-2) both drive j (2-3): all four
        // are critical. The path is the longest chain, x -> y -> j (3 weeks of work),
        // not gate -> j (1 week), although gate comes first in the file.
        let f = try ScheduledFixture("""
            plan: Longest
            tasks:
              - {id: gate, milestone: true, not-before: week 3}
              - {id: x, duration: 1w}
              - {id: y, duration: 1w, after: [x]}
              - {id: j, duration: 1w, after: [gate, y]}
            """)
        #expect(f.critical("gate") && f.critical("x") && f.critical("y") && f.critical("j"))
        #expect(f.criticalPath == ["x", "y", "j"])
    }

    @Test func deadlineAndDueAreReportedButDoNotChangeFloats() throws {
        // F = 3 > deadline 2: late by 1. a due week 1 finishes at 2: late by 1. Floats stay measured to F.
        let f = try ScheduledFixture("""
            plan: Late
            deadline: 2w
            tasks:
              - {id: a, duration: 2w, due: week 1}
              - {id: b, duration: 1w, after: [a]}
            """)
        #expect(f.dates("a") == [0, 2, 0, 2, 0, 0])
        #expect(f.warnings == ["deadline-missed", "due-missed"])
        #expect(f.diagnostics.warnings.map(\.message) == [
            "the plan finishes at week 3, 1 week after the deadline (week 2)",
            "'a' finishes at week 2, 1 week after it is due (week 1)",
        ])
    }

    @Test func budgetIsCheckedAgainstRatesAndFixedCosts() throws {
        // a: 2w x 1000/week x 1 unit = 2000; b: 1w x (1000 x 2 + 500 x 1) + 300 fixed = 2800. Total 4800 > 4000.
        let f = try ScheduledFixture("""
            plan: Money
            budget: 4000
            owners:
              - {id: dev, rate: 1000}
              - {id: ops, rate: 500}
            tasks:
              - {id: a, duration: 2w, owner: dev}
              - {id: b, duration: 1w, needs: {dev: 2, ops: 1}, cost: 300}
            """)
        #expect(f.schedule.cost.perTask == [2000, 2800])
        #expect(f.warnings == ["budget-exceeded"])
        #expect(f.diagnostics.warnings[0].message == "the plan costs 4,800, 800 over the budget of 4,000")
    }

    @Test func ordersTiesInFileOrder() throws {
        let f = try ScheduledFixture("""
            plan: Order
            tasks:
              - {id: z, duration: 1w, after: [y]}
              - {id: x, duration: 1w}
              - {id: y, duration: 1w}
              - {id: w, duration: 1w}
            """)
        #expect(f.schedule.taskOrder.map { f.plan.tasks[$0].id } == ["x", "y", "z", "w"])
    }
}
