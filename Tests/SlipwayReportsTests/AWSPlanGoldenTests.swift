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

    /// Leveled at the default effort: the table with the waits and the owner
    /// hand-offs of the critical chain, and the JSON with `waitedFor`.
    @Test func leveledTableAndJSONMatchGolden() throws {
        let checked = CheckedPlan.load(path: Self.planPath).leveled()
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        Golden.check(ScheduleTable.render(plan: plan, schedule: schedule, color: false), against: "aws-migration-leveled.txt")
        Golden.check(ScheduleJSON.render(plan: plan, schedule: schedule), against: "aws-migration-leveled.json")
        #expect(schedule.timing.finish == 13.5)
    }

    /// Hand-checked on the leveled schedule: platform is busy with fs-storage
    /// (1.5 weeks from 4.5, when the messaging work resolves nats-protocol) until
    /// week 6, so stateless-components, ready at 4.5, waits for it: the owner
    /// hand-off is on the critical chain. Core-team's agent-state-store still holds
    /// container-agents back half a week, off the chain. The single pass (effort 0)
    /// and the search end at the same week, 13.5: the links bound it.
    @Test(arguments: [0, 5_000])
    func leveledWaitsAreHandChecked(effort: Int) throws {
        let checked = CheckedPlan.load(path: Self.planPath).leveled(LevelingOptions(effort: effort))
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        #expect(schedule.timing.finish == 13.5)
        #expect(ScheduleTable.criticalChain(plan: plan, schedule: schedule).contains("fs-storage -[platform]-> stateless-components"))
        let stateless = try #require(plan.taskIndex(of: "stateless-components"))
        let wait = try #require(schedule.wait(of: stateless))
        #expect(plan.owners[wait.owner].id == "platform" && wait.ready == 4.5 && schedule.start(stateless) == 6)
        #expect(wait.behind.map { plan.tasks[$0].id } == ["fs-storage"])
        let containers = try #require(plan.taskIndex(of: "container-agents"))
        #expect(schedule.wait(of: containers).map { plan.owners[$0.owner].id } == "core-team")
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
