import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling
import SlipwayReports

/// The headline states the leveled finish and the chance of the deadline beside
/// the finish by the links, so that "on time" never stands alone.
struct HeadlineTests {
    /// Two 2-week tasks of one team: by the links they run side by side (F = 2,
    /// on time for week 3); leveled they run one after the other (F = 4, late).
    @Test func onTimeByTheLinksButLateLeveledIsSaidSo() throws {
        let checked = CheckedPlan.load(text: """
            plan: One team
            deadline: 3w
            owners: [{id: dev}]
            tasks:
              - {id: a, duration: 2w, owner: dev}
              - {id: b, duration: 1-3w, owner: dev}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let h = Headline.compute(plan: plan, schedule: schedule)
        #expect(h.finish == 2 && h.leveledFinish == 4)
        #expect(h.onTimeByLinksOnly)
        let chance = try #require(h.chance)
        // Leveled, b starts at 2 at the earliest: never done by week 3.
        #expect(chance.leveled && chance.onTime == 0 && chance.iterations == 2_000)
        let lines = HeadlineText.lines(plan: plan, headline: h)
        #expect(lines[0] == "Finish by the links: week 2; deadline week 3: on time, 1 week to spare")
        #expect(lines[1] == "Leveled by owner capacity: week 4; deadline week 3: LATE by 1 week")
        #expect(lines[2].hasPrefix("Chance of the deadline: 0%, P80 week "))
        #expect(lines.last == "On time only by the links: owners' capacities or the estimates and risks put the deadline at risk.")
    }

    /// Without owners there is nothing to level, and with fixed durations and no
    /// risks nothing to simulate: the finish alone is the verdict.
    @Test func aFixedPlanWithoutOwnersHasTheFinishAlone() throws {
        let checked = CheckedPlan.load(text: "plan: Fixed\ndeadline: 3w\ntasks:\n  - {id: a, duration: 2w}\n")
        let h = Headline.compute(plan: try #require(checked.plan), schedule: try #require(checked.schedule))
        #expect(h.leveledFinish == nil && h.chance == nil && !h.onTimeByLinksOnly)
        #expect(HeadlineText.lines(plan: checked.plan!, headline: h) == ["Finish: week 2; deadline week 3: on time, 1 week to spare"])
    }
}
