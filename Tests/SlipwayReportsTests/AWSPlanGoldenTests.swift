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
        // Hand-checked: core-team is busy with agent-state-store until week 5, so
        // container-agents, ready at week 4, waits for it, on the critical chain.
        #expect(ScheduleTable.criticalChain(plan: plan, schedule: schedule).contains("agent-state-store -[core-team]-> container-agents"))
        let containers = try #require(plan.taskIndex(of: "container-agents"))
        let wait = try #require(schedule.wait(of: containers))
        #expect(plan.owners[wait.owner].id == "core-team" && wait.ready == 4 && schedule.start(containers) == 5)
        #expect(wait.behind.map { plan.tasks[$0].id } == ["agent-state-store"])
    }

    @Test func handCheckedFiguresOfTheAWSPlan() throws {
        let (plan, schedule, diagnostics) = try load()
        func dates(_ id: String) -> [Double] {
            let i = plan.taskIndex(of: id)!
            return [schedule.timing.earlyStart[i], schedule.timing.earlyFinish[i]]
        }
        // config-system 1-2w is 1.5w; nats-replacement (2-3w = 2.5w) follows it: 1.5-4.
        #expect(dates("config-system") == [0, 1.5])
        #expect(dates("nats-replacement") == [1.5, 4])
        // NATS blocks the migration phase: container-agents (3-4w = 3.5w) starts at 4, ends 7.5.
        #expect(dates("container-agents") == [4, 7.5])
        // load-testing (3w) is FF+1w after container-agents: EF >= 8.5, so 5.5-8.5.
        #expect(dates("load-testing") == [5.5, 8.5])
        #expect(dates("migration-complete") == [12, 12])
        #expect(schedule.finish == 12)
        #expect(schedule.criticalPath.map { plan.tasks[$0].id } == [
            "config-system", "nats-replacement", "container-agents", "load-testing", "traffic-shift",
            "cutover-complete", "right-sizing", "cost-optimization", "migration-complete",
        ])
        let late = schedule.resolutions.filter(\.late).map { plan.constraints[$0.constraint].id }
        #expect(late == ["nats-protocol", "process-spawning", "config-management", "service-discovery", "hive-mind-db", "team-experience"])
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
        #expect((object["criticalPath"] as? [String])?.first == "config-system")
    }
}
