import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayReports
import SlipwayScheduling
import SlipwayTestSupport

/// The JSON reports besides the schedule (which `AWSPlanGoldenTests` checks), on the
/// AWS plan, byte for byte: they are machine output, read by programs that depend
/// on their keys, key order and layout. Each is what the command in its test's
/// comment prints.
struct JSONReportsGoldenTests {
    func load(_ text: String? = nil) throws -> (Plan, Schedule) {
        let checked = text.map { CheckedPlan.load(text: $0) } ?? CheckedPlan.load(path: AWSPlanGoldenTests.planPath)
        return (try #require(checked.plan), try #require(checked.schedule))
    }

    /// `slipway critical plans/aws-migration.yaml --near 1w --format json`
    @Test func criticalReportMatchesGolden() throws {
        let (plan, schedule) = try load()
        Golden.check(CriticalReport.renderJSON(plan: plan, schedule: schedule, near: 1), against: "aws-migration-critical.json")
    }

    /// `slipway simulate plans/aws-migration.yaml --iterations 300 --seed 7 --format json`
    @Test func simulationMatchesGolden() throws {
        let (plan, schedule) = try load()
        let result = RiskSimulation.run(plan: plan, schedule: schedule, iterations: 300, seed: 7)
        Golden.check(SimulationReport.renderJSON(plan: plan, schedule: schedule, result: result),
                     against: "aws-migration-simulation.json")
    }

    /// `slipway slip plans/aws-migration.yaml nats-replacement 1w --format json`
    @Test func slipReportMatchesGolden() throws {
        let (plan, schedule) = try load()
        let task = try #require(plan.taskIndex(of: "nats-replacement"))
        let result = try SlipAnalysis.analyze([.init(task: task, by: 1)], whatIf: WhatIf(plan: plan, schedule: schedule),
                                              base: schedule.timing).get()
        Golden.check(SlipReport.renderJSON(plan: plan, result: result), against: "aws-migration-slip.json")
    }

    /// `slipway recover plans/aws-migration.yaml --target "week 9" --level --format json`:
    /// every kind of option (cuts with costs, a fast-track, owner moves).
    @Test func recoveryReportMatchesGolden() throws {
        let (plan, schedule) = try load()
        let report = Recovery.propose(whatIf: WhatIf(plan: plan, schedule: schedule), settings: .init(target: 9, level: true))
        Golden.check(RecoveryReport.renderJSON(plan: plan, report: report), against: "aws-migration-recovery.json")
    }

    /// `slipway variance` of the AWS plan with RDS Proxy (aurora-proxy, 1w) made
    /// seven weeks long, against a baseline of the plan as it is: tasks move, the
    /// Aurora connections target (week 4) is newly missed, the hive-mind chain
    /// becomes critical.
    @Test func varianceReportMatchesGolden() throws {
        let (plan, schedule) = try load()
        let baseline = Baseline(plan: plan, schedule: schedule, name: "default", planFile: "aws-migration.yaml",
                                planHash: "fnv1a64:0000000000000000", progressHash: nil, savedAt: "2026-12-01T13:56:32Z")
        let text = try String(contentsOfFile: AWSPlanGoldenTests.planPath, encoding: .utf8)
        let proxy = try #require(text.range(of: "- id: aurora-proxy"))
        let duration = try #require(text.range(of: "duration: 1w", range: proxy.upperBound..<text.endIndex))
        let (changed, forecast) = try load(text.replacingCharacters(in: duration, with: "duration: 7w"))
        let variance = try Variance.compute(plan: changed, schedule: forecast, baseline: baseline, path: "aws-migration.baseline.json",
                                            planHash: nil).get()
        #expect(variance.missedTargets.contains(where: \.newlyMissed) && !variance.becameCritical.isEmpty,
                "the case covers what it says")
        Golden.check(VarianceReport.renderJSON(plan: changed, variance: variance), against: "aws-migration-variance.json")
    }

    /// `slipway earned` of the AWS plan at the end of week 4 (`AWSProgress`), against
    /// a baseline of the plan before any progress.
    @Test func earnedValueReportMatchesGolden() throws {
        let (plan, schedule) = try load()
        let baseline = Baseline(plan: plan, schedule: schedule, name: "default", planFile: "aws-migration.yaml",
                                planHash: "fnv1a64:0000000000000000", progressHash: nil, savedAt: "2026-12-01T13:56:32Z")
        let text = try String(contentsOfFile: AWSPlanGoldenTests.planPath, encoding: .utf8)
        let tracked = try #require(PlanLoader.load(text: text, progress: .init(path: "aws-migration.progress.yaml", text: AWSProgress.sidecar)).plan)
        let earned = try EarnedValue.compute(plan: tracked, baseline: baseline, path: "aws-migration.baseline.json").get()
        // The budget at completion is the plan's cost (54,090, as the schedule says);
        // AC is the sum of the 26 'spent' figures.
        #expect(earned.budgetAtCompletion == schedule.cost.total)
        #expect(earned.actualCost == 27_140)
        #expect(earned.asOf == 4 && earned.warnings.isEmpty)
        Golden.check(EarnedValueReport.renderJSON(plan: tracked, earned: earned), against: "aws-migration-earned.json")
        Golden.check(EarnedValueReport.render(plan: tracked, earned: earned), against: "aws-migration-earned.txt")
    }

    /// `slipway buffers plans/aws-migration.yaml` (table and JSON), then the same with
    /// the progress of week 4 (`AWSProgress`).
    @Test func bufferReportsMatchGolden() throws {
        let (plan, schedule) = try load()
        let buffers = CriticalChainBuffers.compute(plan: plan, schedule: schedule, method: .rsse)
        // Leveled, Platform's fs-storage and stateless components join the chain; the
        // project buffer is sqrt(6 x 0.5² + 1²) = sqrt(2.5): 0.5 for each 1-week
        // range and the pessimistic half-width of load testing's 2-4 weeks.
        #expect(abs(buffers.projectBuffer.size - 2.5.squareRoot()) < 1e-9)
        #expect(buffers.chainFinish == 13.5)
        Golden.check(BufferReport.render(plan: plan, buffers: buffers), against: "aws-migration-buffers.txt")
        Golden.check(BufferReport.renderJSON(plan: plan, buffers: buffers), against: "aws-migration-buffers.json")
        let text = try String(contentsOfFile: AWSPlanGoldenTests.planPath, encoding: .utf8)
        let checked = CheckedPlan.from(PlanLoader.load(text: text, progress: .init(path: "aws-migration.progress.yaml", text: AWSProgress.sidecar)))
        let tracked = try #require(checked.plan), forecast = try #require(checked.schedule)
        let measured = CriticalChainBuffers.compute(plan: tracked, schedule: forecast, method: .rsse)
        // The forecast ends a week later, 14.5: 1 of 1.58 weeks, 63%, yellow.
        #expect(measured.forecastFinish == 14.5 && measured.projectBuffer.status?.zone == .yellow)
        Golden.check(BufferReport.render(plan: tracked, buffers: measured), against: "aws-migration-buffers-week4.txt")
    }
}
