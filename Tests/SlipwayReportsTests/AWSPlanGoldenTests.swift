import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayReports
import SlipwayScheduling
import SlipwayTestSupport

/// The first real plan, end to end: its JSON schedule and its table are golden
/// files, and the figures a reader of the tracker checks by hand are asserted here
/// too, so that a golden file regenerated from a bug does not pass silently.
struct AWSPlanGoldenTests {
    /// The repository's own plan, found from this file (Tests/SlipwayReportsTests/) so
    /// that the tests run from any directory.
    static let planPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("plans/aws-migration.yaml").path

    func load() throws -> (Plan, Schedule, [Diagnostic]) {
        let checked = CheckedPlan.load(path: Self.planPath)
        #expect(!checked.diagnostics.hasErrors)
        return (try #require(checked.plan), try #require(checked.schedule), checked.diagnostics)
    }

    @Test func jsonScheduleMatchesGolden() throws {
        let (plan, schedule, _) = try load()
        Golden.check(ScheduleJSON.render(plan: plan, schedule: schedule), against: "aws-migration-schedule.json")
    }

    @Test func tableMatchesGolden() throws {
        let (plan, schedule, _) = try load()
        Golden.check(ScheduleTable.render(plan: plan, schedule: schedule, color: false), against: "aws-migration-schedule.txt")
    }

    @Test func handCheckedFiguresOfTheAWSPlan() throws {
        let (plan, schedule, diagnostics) = try load()
        func dates(_ id: String) -> [Double] {
            let i = plan.taskIndex(of: id)!
            return [schedule.timing.earlyStart[i], schedule.timing.earlyFinish[i]]
        }
        // nats-replacement (2-3w = 2.5w) waits for config-system (1-2w: 0-1.5), the
        // auth framework (2w: 0-2) and the architects' AWS workshop (training SS+1w,
        // 2 days: 1-1.4): it runs 2-4.5.
        #expect(dates("config-system") == [0, 1.5])
        #expect(dates("auth-framework") == [0, 2])
        #expect(dates("workshop-architecture") == [1, 1.4])
        #expect(dates("nats-replacement") == [2, 4.5])
        // NATS blocks the migration phase: container-agents (3-4w = 3.5w) starts at 4.5, ends 8.
        #expect(dates("container-agents") == [4.5, 8])
        // load-testing (2-4w = 3w) is FF+1w after container-agents: EF >= 9, so 6-9
        // (its other bounds: fs-storage 4.5-6, stateless-components SS+1w = 5.5).
        #expect(dates("load-testing") == [6, 9])
        // traffic-shift 9-10.5, right-sizing 10.5-11.5, cost-optimization 11.5-12.5.
        #expect(dates("traffic-shift") == [9, 10.5])
        #expect(dates("migration-complete") == [12.5, 12.5])
        #expect(schedule.finish == 12.5)
        #expect(schedule.criticalPath.map { plan.tasks[$0].id } == [
            "auth-framework", "nats-replacement", "container-agents", "load-testing", "traffic-shift",
            "cutover-complete", "right-sizing", "cost-optimization", "migration-complete",
        ])
        // The spawn limits follow the agent pool (SS+1w from 4.5): 5.5-6.5, past their week-3 target.
        #expect(dates("agent-spawn-limits") == [5.5, 6.5])
        let late = schedule.resolutions.filter(\.late).map { plan.constraints[$0.constraint].id }
        #expect(late == ["nats-protocol", "process-spawning", "config-management", "service-discovery", "agent-spawning", "hive-mind-db", "team-experience"])
        #expect(diagnostics.warnings.contains { $0.id == "budget-exceeded" })
    }

    @Test func jsonHasTheContractShape() throws {
        let (plan, schedule, _) = try load()
        let data = Data(ScheduleJSON.render(plan: plan, schedule: schedule).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["plan"] as? String == "MisterSmith AWS migration")
        #expect(object["unit"] as? String == "week")
        #expect(object["deadline"] as? Double == 12)
        let tasks = try #require(object["tasks"] as? [[String: Any]])
        #expect(tasks.count == plan.tasks.count)
        for key in ["id", "duration", "earlyStart", "earlyFinish", "lateStart", "lateFinish", "totalFloat", "freeFloat", "critical"] {
            #expect(tasks.allSatisfy { $0[key] != nil }, "every task has \(key)")
        }
        let constraints = try #require(object["constraints"] as? [[String: Any]])
        #expect(constraints.count == 18)
        for key in ["id", "resolved", "target", "late"] {
            #expect(constraints.allSatisfy { $0.keys.contains(key) }, "every constraint has \(key)")
        }
        #expect((object["criticalPath"] as? [String])?.first == "auth-framework")
    }
}
