import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// The schedule health check: a healthy plan passes every check it can compute,
/// and each variation below fails exactly the check it is built to fail.
struct HealthCheckTests {
    /// start → a (finished by the status date) → b, c → end; deadline week 6.
    static func plan(status: String = "week 1", deadline: String = "6w", a: String = "after: [start], actual-start: week 1, actual-finish: week 1",
                     b: String = "{id: b, duration: 2w, owner: dev, after: [a]}", c: String = "{id: c, duration: 2w, owner: ops, after: [a]}",
                     end: String = "after: [b, c]", extra: String = "") -> String {
        """
        plan: Health
        deadline: \(deadline)
        status-date: \(status)
        owners: [{id: dev}, {id: ops}]
        tasks:
          - {id: start, milestone: true, actual-finish: 0}
          - {id: a, duration: 1w, owner: dev, \(a)}
          - \(b)
          - \(c)
          - {id: end, milestone: true, \(end)}
        \(extra)
        """
    }

    func failing(_ text: String, baseline: String? = nil) throws -> [HealthCheck.Check] {
        let checked = CheckedPlan.load(text: text)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics)")
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        var saved: Baseline?
        if let baseline {
            let base = CheckedPlan.load(text: baseline)
            saved = Baseline(plan: try #require(base.plan), schedule: try #require(base.schedule), name: "default", planFile: "p.yaml",
                             planHash: "fnv1a64:0", progressHash: nil, savedAt: "2026-12-01T00:00:00Z")
        }
        return HealthCheck.run(plan: plan, schedule: schedule, baseline: saved).filter { $0.passed == false }.map(\.check)
    }

    /// The same plan without progress, as the baseline: a finishes at 1, b and c at 3.
    static let baseline = """
        plan: Health
        deadline: 6w
        owners: [{id: dev}, {id: ops}]
        tasks:
          - {id: start, milestone: true}
          - {id: a, duration: 1w, owner: dev, after: [start]}
          - {id: b, duration: 2w, owner: dev, after: [a]}
          - {id: c, duration: 2w, owner: ops, after: [a]}
          - {id: end, milestone: true, after: [b, c]}
        """

    @Test func aHealthyPlanPassesEveryCheck() throws {
        let checked = CheckedPlan.load(text: Self.plan())
        let results = HealthCheck.run(plan: checked.plan!, schedule: checked.schedule!, baseline: nil)
        #expect(results.map(\.check) == HealthCheck.Check.allCases)
        #expect(results.allSatisfy { $0.passed != false })
        // Missed tasks and BEI need a baseline: not computed without one.
        #expect(results.filter { $0.passed == nil }.map(\.check) == [.missedTasks, .baselineExecutionIndex])
        #expect(try failing(Self.plan(), baseline: Self.baseline) == [])
    }

    @Test(arguments: [
        // A task with neither predecessor nor successor: 1 of 5 unfinished (20%).
        (HealthCheck.Check.logic, plan(extra: "  - {id: d, duration: 1w, owner: ops}")),
        // A negative lag is a lead.
        (.leads, plan(b: "{id: b, duration: 2w, owner: dev, after: [\"a FS-1d\"]}")),
        // One positive lag among five links: 20% > 5%.
        (.lags, plan(b: "{id: b, duration: 2w, owner: dev, after: [\"a FS+1d\"]}")),
        // One SS among five links: 80% FS < 90%.
        (.relationshipTypes, plan(b: "{id: b, duration: 2w, owner: dev, after: [\"a SS\"]}")),
        // c (0.5w) beside b1 -> b2 (5w each): float 9.5w > 44 days (8.8w).
        (.highFloat, plan(deadline: "12w", b: "{id: b, duration: 5w, owner: dev, after: [a]}", c: "{id: c, duration: 0.5w, owner: ops, after: [a]}",
                          end: "after: [b2, c]", extra: "  - {id: b2, duration: 5w, owner: dev, after: [b]}")),
        // b started before a finished (pinned at 0 while a ends at 1): a's float is -1.
        (.negativeFloat, plan(b: "{id: b, duration: 2w, owner: dev, after: [a], actual-start: week 1}")),
        // b takes 10 weeks > 8.8.
        (.highDuration, plan(deadline: "12w", b: "{id: b, duration: 10w, owner: dev, after: [a]}")),
        // b has no owner.
        (.resources, plan(b: "{id: b, duration: 2w, after: [a]}")),
        // The end follows b's start (SS+2w): lengthening b does not move it. Twenty
        // short FS tasks keep that one SS link with a lag under the lag and link-type
        // thresholds, so only the critical path test fails.
        (.criticalPathTest, plan(c: "{id: c, duration: 1w, owner: ops, after: [a]}", end: "after: [\"b SS+2w\", c, x20]",
                                 extra: (1...20).map { "  - {id: x\($0), duration: 0.05w, owner: ops, after: [\($0 == 1 ? "a" : "x\($0 - 1)")]}" }.joined(separator: "\n"))),
        // Finish 3 from status 1: (2 - 0.5) / 2 = 0.75 < 0.95.
        (.criticalPathLengthIndex, plan(deadline: "2.5w")),
    ])
    func eachVariationFailsExactlyItsCheck(check: HealthCheck.Check, text: String) throws {
        #expect(try failing(text) == [check])
    }

    /// b finished at 3.5, after its baseline finish 3: missed (finished late), but
    /// done, so the execution index holds (3 due, 3 done).
    @Test func aTaskFinishedLateIsMissedButExecuted() throws {
        let text = Self.plan(status: "week 4", b: "{id: b, duration: 2w, owner: dev, after: [a], actual-start: 1.5, actual-finish: 3.5}",
                             c: "{id: c, duration: 2w, owner: ops, after: [a], actual-start: 1, actual-finish: 3}",
                             end: "after: [b, c], actual-finish: 3.5")
        let failed = try failing(text, baseline: Self.baseline)
        #expect(failed == [.missedTasks], "\(failed)")
    }

    /// An unfinished task the baseline had finished fails both baseline checks:
    /// BEI below 0.95 means more than 5% of the due tasks are missed, so the two
    /// cannot fail apart.
    @Test func anUnfinishedDueTaskFailsBothBaselineChecks() throws {
        let text = Self.plan(status: "week 3")
        #expect(try failing(text, baseline: Self.baseline) == [.missedTasks, .baselineExecutionIndex])
    }

    /// Checks 5 and 9 cannot fail on a plan that loads: Slipway has no hard date
    /// constraints (a not-before is soft), and the loader refuses actual dates
    /// after the status date while the scheduler never forecasts unstarted work
    /// before it. A not-before is counted as soft.
    @Test func hardConstraintsAndInvalidDatesHoldByConstruction() throws {
        let checked = CheckedPlan.load(text: Self.plan(b: "{id: b, duration: 2w, owner: dev, after: [a], not-before: week 3}"))
        let results = HealthCheck.run(plan: checked.plan!, schedule: checked.schedule!, baseline: nil)
        let hard = try #require(results.first { $0.check == .hardConstraints })
        #expect(hard.passed == true && hard.note == "1 soft not-before dates")
        #expect(results.first { $0.check == .invalidDates }?.passed == true)
    }
}
