import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Risk events, leveled simulation and the drivers, against answers known in
/// closed form or by hand.
struct RiskEventTests {
    func run(_ text: String, iterations: Int = 20_000, seed: UInt64 = 5, leveled: Bool = false,
             excluded: Set<Int> = [], threads: Int = 2) throws -> (Plan, Schedule, RiskSimulation.Result) {
        let checked = CheckedPlan.load(text: text)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics)")
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let settings = RiskSimulation.Settings(iterations: iterations, seed: seed, leveled: leveled, excludedRisks: excluded, threads: threads)
        return (plan, schedule, RiskSimulation.run(plan: plan, schedule: schedule, settings: settings))
    }

    static let chain = """
        plan: Chain
        deadline: 3w
        tasks:
          - {id: a, duration: 2w}
          - id: b
            duration: 1w
            after: [a]
            risks: [{id: vendor-late, probability: 30%, impact: 1w, mode: delay}]
        """

    /// One risk with probability p and a fixed impact on a critical chain with no
    /// slack: the plan is on time exactly when the risk does not occur, so
    /// P(on time) = 1 - p; the risk adds its impact whenever it occurs.
    @Test func oneRiskOnTheCriticalChainGivesOneMinusP() throws {
        let (_, _, r) = try run(Self.chain)
        let onTime = try #require(r.probabilityOnTime)
        // Binomial standard error at n = 20,000, p = 0.3: 0.0032; allow 4 of them.
        #expect(abs(onTime - 0.7) < 0.013, "\(onTime)")
        let risk = try #require(r.risks.first)
        #expect(abs(risk.occurrence - 0.3) < 0.013)
        #expect(abs((risk.meanContribution ?? 0) - 1) < 1e-9, "a fixed 1w delay on the last task adds exactly 1w")
        #expect(r.quantile(0.5) == 3 && r.quantile(0.9) == 4)
        // Without the risk (after mitigation) the plan is certain.
        let (_, _, mitigated) = try run(Self.chain, excluded: [0])
        #expect(mitigated.probabilityOnTime == 1)
        #expect(mitigated.risks.first?.included == false)
    }

    /// Delay and extend differ for a start-to-start successor: a delay moves the
    /// task's start (and its SS successor), extending it moves only its finish.
    @Test func delayMovesTheStartExtendMovesTheFinish() throws {
        func plan(_ mode: String) -> String {
            """
            plan: Modes
            tasks:
              - id: a
                duration: 2w
                risks: [{id: r, probability: 100%, impact: 1w, mode: \(mode)}]
              - {id: b, duration: 3w, after: ["a SS"]}
            """
        }
        // delay: a 1-3, b (SS) 1-4: F = 4. extend: a 0-3, b 0-3: F = 3.
        let (_, _, delayed) = try run(plan("delay"), iterations: 10)
        let (_, _, extended) = try run(plan("extend"), iterations: 10)
        #expect(delayed.finishes.allSatisfy { $0 == 4 })
        #expect(extended.finishes.allSatisfy { $0 == 3 })
    }

    /// A risk on a constraint hits its mitigations by default.
    @Test func aConstraintsRiskHitsItsMitigations() throws {
        let (plan, _, r) = try run("""
            plan: Constraint risk
            constraints:
              - id: c
                risks: [{id: rework, probability: 100%, impact: 2w}]
                mitigations: [{id: m, duration: 1w}]
            tasks:
              - {id: after-c, duration: 1w, after: [c]}
            """, iterations: 10)
        #expect(plan.risks.first?.on.map(\.id) == ["m"])
        #expect(r.finishes.allSatisfy { $0 == 4 }, "m takes 1 + 2 weeks, then after-c one more")
    }

    /// With fixed estimates and no risk, every leveled iteration is the leveled
    /// schedule: the simulation levels with the same rules as `schedule --level`.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func leveledSimulationEqualsScheduleLevelWhenNothingVaries(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &* 7_919)
        var plan = RandomPlans.make(&rng)
        for j in plan.tasks.indices where !plan.tasks[j].isMilestone { plan.tasks[j].estimate = .fixed(plan.tasks[j].estimate.mean) }
        plan.resolveReferences()
        guard case .scheduled(let schedule) = Scheduler.schedule(plan) else { Issue.record("random plans are acyclic"); return }
        let leveled = Scheduler.level(plan, schedule: schedule)
        let r = RiskSimulation.run(plan: plan, schedule: schedule, settings: .init(iterations: 20, seed: seed, leveled: true))
        #expect(r.finishes.allSatisfy { abs($0 - leveled.finish) < 1e-9 }, "seed \(seed): \(r.finishes.first ?? -1) vs \(leveled.finish)")
        #expect(r.leveled)
    }

    /// The AWS-like case: two tasks of one owner, unleveled in parallel (F = 2),
    /// leveled one after the other (F = 4); with a 3-week deadline the unleveled
    /// simulation is always on time and the leveled one never.
    @Test func levelingChangesTheChanceOfTheDeadline() throws {
        let text = """
            plan: One team
            deadline: 3w
            owners: [{id: dev}]
            tasks:
              - {id: a, duration: 2w, owner: dev}
              - {id: b, duration: 2w, owner: dev}
            """
        let (_, _, free) = try run(text, iterations: 50)
        let (_, _, leveled) = try run(text, iterations: 50, leveled: true)
        #expect(free.probabilityOnTime == 1)
        #expect(leveled.probabilityOnTime == 0)
        #expect(leveled.finishes.allSatisfy { $0 == 4 })
    }

    /// The same seed gives the same numbers on one thread or two, to the last bit,
    /// drivers included.
    @Test func threadsDoNotChangeTheNumbers() throws {
        let text = """
            plan: Drivers
            deadline: 6w
            owners: [{id: dev}]
            tasks:
              - {id: a, duration: 1w/2w/4w, owner: dev}
              - {id: b, duration: 2-3w, after: [a], risks: [{id: r, probability: 40%, impact: 0.5-2w}]}
              - {id: c, duration: 1-3w}
            """
        let (_, _, one) = try run(text, iterations: 3_001, threads: 1)
        let (_, _, two) = try run(text, iterations: 3_001, threads: 2)
        let (_, _, leveledOne) = try run(text, iterations: 1_000, leveled: true, threads: 1)
        let (_, _, leveledTwo) = try run(text, iterations: 1_000, leveled: true, threads: 2)
        #expect(one.finishes == two.finishes && one.criticality == two.criticality)
        #expect(one.cruciality == two.cruciality && one.sensitivity == two.sensitivity && one.risks == two.risks)
        #expect(leveledOne.finishes == leveledTwo.finishes && leveledOne.cruciality == leveledTwo.cruciality)
    }

    /// Drivers: a task whose duration alone decides the finish has cruciality 1
    /// and a sensitivity index of 1 (always critical, σ(task) = σ(finish)); a
    /// task that never decides it has neither.
    @Test func driversOfASingleVaryingTask() throws {
        let (plan, _, r) = try run("""
            plan: One driver
            tasks:
              - {id: a, duration: 1-3w}
              - {id: b, duration: 1w, after: [a]}
              - {id: side, duration: 0.5w}
            """, iterations: 5_000)
        let a = try #require(plan.taskIndex(of: "a")), side = try #require(plan.taskIndex(of: "side"))
        #expect(abs((r.cruciality[a] ?? 0) - 1) < 1e-9)
        #expect(abs(r.sensitivity[a] - 1) < 1e-9)
        #expect(r.cruciality[side] == nil && r.sensitivity[side] == 0)
    }
}
