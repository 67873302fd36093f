import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// The simulation against distributions whose answers are known in closed form.
struct RiskSimulationTests {
    func simulate(_ text: String, iterations: Int = 40_000, seed: UInt64 = 7) throws -> (Plan, Schedule, RiskSimulation.Result) {
        let checked = CheckedPlan.load(text: text)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        return (plan, schedule, RiskSimulation.run(plan: plan, schedule: schedule, iterations: iterations, seed: seed))
    }

    @Test func pertBetaShapesFollowTheContract() {
        // 1w/2w/6w: alpha = 1 + 4(2-1)/5 = 1.8, beta = 1 + 4(6-2)/5 = 4.2.
        let (a, b) = PERTBeta.shapes(Estimate(optimistic: 1, mostLikely: 2, pessimistic: 6))
        #expect(abs(a - 1.8) < 1e-12 && abs(b - 4.2) < 1e-12)
    }

    @Test func samplesStayInRangeAndAverageToThePERTMean() {
        // The mean of PERT-Beta is (o + 4m + p)/6 = (1 + 8 + 6)/6 = 2.5 for 1w/2w/6w.
        var rng = SplitMix64(seed: 3)
        let e = Estimate(optimistic: 1, mostLikely: 2, pessimistic: 6)
        let samples = (0..<100_000).map { _ in PERTBeta.sample(e, using: &rng) }
        #expect(samples.allSatisfy { $0 >= 1 && $0 <= 6 })
        let mean = samples.reduce(0, +) / Double(samples.count)
        #expect(abs(mean - 2.5) < 0.01, "mean \(mean)")
        // Variance of Beta(1.8, 4.2) scaled by 5: 25 * ab/((a+b)^2 (a+b+1)) = 25 * 7.56 / (36 * 7) = 0.75.
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(samples.count - 1)
        #expect(abs(variance - 0.75) < 0.02, "variance \(variance)")
    }

    @Test func fixedDurationsDoNotVary() throws {
        let (_, _, r) = try simulate("""
            plan: Fixed
            deadline: 3w
            tasks:
              - {id: a, duration: 2w}
              - {id: b, duration: 1w, after: [a]}
            """, iterations: 100)
        #expect(r.mean == 3 && r.stdev == 0)
        #expect(r.quantiles.allSatisfy { $0.finish == 3 })
        #expect(r.probabilityOnTime == 1)
        #expect(r.criticality == [1, 1])
    }

    @Test func twoParallelSymmetricTasksFinishByTheirMedianOneTimeInFour() throws {
        // a and b are each 0-2w with mode 1 (Beta(3,3) on [0, 2], median 1): the plan
        // finishes by week 1 only if both do, with probability 1/2 x 1/2 = 0.25.
        let (_, _, r) = try simulate("""
            plan: Parallel
            deadline: 1w
            tasks:
              - {id: a, duration: 0w/1w/2w}
              - {id: b, duration: 0w/1w/2w}
            """)
        let p = try #require(r.probabilityOnTime)
        #expect(abs(p - 0.25) < 0.01, "P(on time) \(p)")
        // Each is critical when it is the longer one: half the time each.
        #expect(abs(r.criticality[0] - 0.5) < 0.01 && abs(r.criticality[1] - 0.5) < 0.01)
    }

    @Test func criticalityIsTheChanceOfBeingTheLongerBranch() throws {
        // a is 2-3w (Beta(3,3) on [2, 3]); b is a fixed 2.4w beside it. a is critical when
        // it takes over 2.4, i.e. Beta(3,3) > 0.4: 1 - I_0.4(3,3) = 1 - 0.31744 = 0.68256.
        let (_, _, r) = try simulate("""
            plan: Branches
            tasks:
              - {id: a, duration: 2-3w}
              - {id: b, duration: 2.4w}
            """)
        #expect(abs(r.criticality[0] - 0.68256) < 0.01, "a \(r.criticality[0])")
        #expect(abs(r.criticality[1] - 0.31744) < 0.01, "b \(r.criticality[1])")
    }

    @Test func theSameSeedGivesTheSameNumbersAndAnotherDoesNot() throws {
        let plan = "plan: Seeds\ntasks:\n  - {id: a, duration: 1-3w}\n  - {id: b, duration: 2w/3w/5w, after: [a]}\n"
        let (_, _, first) = try simulate(plan, iterations: 1_000, seed: 11)
        let (_, _, again) = try simulate(plan, iterations: 1_000, seed: 11)
        let (_, _, other) = try simulate(plan, iterations: 1_000, seed: 12)
        #expect(first.finishes == again.finishes)
        #expect(first.finishes != other.finishes)
    }

    @Test func quantilesInterpolateLinearly() {
        // Hyndman & Fan 7: position p(n-1); for [1, 2, 3, 4], p = 0.5 is 2.5 and p = 0.9 is 3.7.
        #expect(RiskSimulation.quantile(sorted: [1, 2, 3, 4], 0.5) == 2.5)
        #expect(abs(RiskSimulation.quantile(sorted: [1, 2, 3, 4], 0.9) - 3.7) < 1e-12)
        #expect(RiskSimulation.quantile(sorted: [5], 0.95) == 5)
    }
}
