import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// The chain of driving links into a node, walked back to where it begins:
/// hand-checked on a plan with a constraint, a phase window and a task after both.
struct DrivingChainTests {
    static let plan = """
        plan: Chains
        phases: [{id: late, name: Late, weeks: 4-5}]
        owners: [{id: dev}]
        constraints:
          - id: c
            title: C
            target: week 2
            mitigations:
              - {id: m1, duration: 1w, after: [a]}
              - {id: m2, duration: 1w}
          - id: d
            title: D
            mitigations:
              - {id: m3, duration: 1w, phase: late}
        tasks:
          - {id: a, duration: 2w, owner: dev}
          - {id: x, duration: 1w, owner: dev}
          - {id: b, duration: 1w, after: [a, c]}
        """

    func names(_ chain: DrivingChain, _ f: ScheduledFixture) -> [String] {
        chain.steps.map { step in
            switch step.node {
            case .task(let j): return f.plan.tasks[j].id
            case .resolution(let c): return "(\(f.plan.constraints[c].id))"
            }
        }
    }

    /// c resolves at 3 when m1 (2-3) ends; m1 waits for a (0-2), which starts at t = 0.
    /// m2 (0-1) has slack and is not on the chain.
    @Test func aResolutionIsDrivenByItsLatestMitigationAndWhatDrivesThat() throws {
        let f = try ScheduledFixture(Self.plan)
        let chain = f.schedule.drivingChain(into: .resolution(0), plan: f.plan)
        #expect(names(chain, f) == ["a", "m1", "(c)"])
        #expect(chain.origin == .start)
    }

    /// m3 has no predecessor: its phase window (weeks 4-5) holds it to t = 3.
    @Test func aChainThatBeginsAtAWindowSaysWhen() throws {
        let f = try ScheduledFixture(Self.plan)
        let chain = f.schedule.drivingChain(into: .resolution(1), plan: f.plan)
        #expect(names(chain, f) == ["m3", "(d)"])
        #expect(chain.origin == .release(3))
    }

    /// b follows a (ends 2) and c's resolution (3): the resolution drives it.
    @Test func aTaskChainPassesThroughTheResolutionThatHoldsIt() throws {
        let f = try ScheduledFixture(Self.plan)
        #expect(names(f.schedule.drivingChain(into: .task(f.index("b")), plan: f.plan), f) == ["a", "m1", "(c)", "b"])
    }

    /// Leveled, x waits for dev's earlier work on a (or a for x): the step says
    /// which owner it waited for, where no link of the plan drives it.
    @Test func aLeveledChainNamesTheOwnerAStepWaitedFor() throws {
        let f = try ScheduledFixture(Self.plan)
        let leveled = Scheduler.level(f.plan, schedule: f.schedule)
        let x = f.index("x"), a = f.index("a")
        let later = leveled.start(x) > leveled.start(a) ? x : a
        let chain = leveled.drivingChain(into: .task(later), plan: f.plan)
        #expect(chain.steps.count == 2)
        #expect(chain.steps.last?.waitedForOwner == 0)
    }
}
