import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// The two-week look-ahead by owner: what starts, carries on and finishes in the
/// window, finished work left out; hand-checked.
struct LookAheadTests {
    /// Status week 2 (t = 2); window [2, 4].
    /// - done: finished, left out.
    /// - long (0-5, 40% done): started before, ends after the window: continues.
    /// - ends (1-3): started before, ends in it: finishes.
    /// - next (2-3): starts and finishes in it.
    /// - later (3-6): starts in it.
    /// - far (5-6): after the window, left out.
    /// - gate (milestone at 3, no owner): falls due in it.
    static let plan = """
        plan: Window
        status-date: week 2
        owners: [{id: dev, capacity: 9}, {id: ops, capacity: 9}]
        tasks:
          - {id: done, duration: 1w, owner: dev, actual-start: week 1, actual-finish: week 1}
          - {id: long, duration: 5w, owner: dev, actual-start: week 1, progress: 40}
          - {id: ends, duration: 2w, owner: ops, actual-start: week 2, progress: 50}
          - {id: next, duration: 1w, owner: dev}
          - {id: later, duration: 3w, owner: ops, not-before: week 4}
          - {id: far, duration: 1w, owner: ops, not-before: week 6}
          - {id: gate, milestone: true, after: [next]}
        """

    @Test func eachOwnerGetsWhatItStartsCarriesOnWithAndFinishes() throws {
        let f = try ScheduledFixture(Self.plan)
        let work = LookAhead.compute(plan: f.plan, schedule: f.schedule, from: 2, weeks: 2)
        let listed = work.map { w in (w.owner.map { f.plan.owners[$0].id } ?? "-", w.items.map { "\(f.plan.tasks[$0.task].id) \($0.activity.rawValue)" }) }
        #expect(listed.map(\.0) == ["dev", "ops", "-"])
        #expect(listed[0].1 == ["long continues", "next startsAndFinishes"])
        #expect(listed[1].1 == ["ends finishes", "later starts"])
        #expect(listed[2].1 == ["gate startsAndFinishes"])
    }

    @Test func nothingInTheWindowGivesNoOwners() throws {
        let f = try ScheduledFixture(Self.plan)
        #expect(LookAhead.compute(plan: f.plan, schedule: f.schedule, from: 20, weeks: 2).isEmpty)
    }
}
