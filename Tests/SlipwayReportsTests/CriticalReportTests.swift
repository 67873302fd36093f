import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

struct CriticalReportTests {
    @Test func everyCriticalTaskIsShownThenTheNearCriticalOnes() throws {
        // a and b (2w each) feed c: all critical, the path lists a -> c, so b must be
        // shown as critical on a parallel chain. d (2.5w) floats 0.5: near-critical at 1w.
        let checked = CheckedPlan.load(text: """
            plan: c
            tasks:
              - {id: a, duration: 2w}
              - {id: b, duration: 2w}
              - {id: c, duration: 1w, after: [a, b]}
              - {id: d, duration: 2.5w}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        #expect(schedule.criticalPath.map { plan.tasks[$0].id } == ["a", "c"])
        #expect(CriticalReport.otherCritical(schedule: schedule).map { plan.tasks[$0].id } == ["b"])
        #expect(CriticalReport.nearCritical(schedule: schedule, near: 1).map { plan.tasks[$0].id } == ["d"])
        #expect(CriticalReport.nearCritical(schedule: schedule, near: 0.25).isEmpty)
        let text = CriticalReport.render(plan: plan, schedule: schedule, near: 1, color: false)
        #expect(text.contains("Also critical, on parallel chains (zero total float): 1"))
        #expect(text.contains("Near-critical (total float <= 1w): 1"))
    }
}
