import Testing
import SlipwayTestSupport
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Critical chain buffers sized, placed and measured by hand on a small plan.
struct CriticalChainBuffersTests {
    /// Ranges have the midpoint as most likely, so mean = midpoint and
    /// pessimistic - mean = half the range.
    ///   a  2-6w  mean 4, spread 2   0-4    chain
    ///   b  1-3w  mean 2, spread 1   4-6    chain
    ///   c  1-2w  mean 1.5, spread 0.5  0-1.5
    ///   d  2w    fixed              1.5-3.5  joins e with slack 6 - 3.5 = 2.5
    ///   f  1-5w  mean 3, spread 2   2.5-5.5 (a SS+2.5w), joins e with slack 0.5
    ///   e  3-7w  mean 5, spread 2   6-11   chain
    ///   end milestone               11     chain
    static let plan = SharedPlans.buffers

    static func buffers(_ text: String = plan, method: CriticalChainBuffers.Method) throws -> (Plan, CriticalChainBuffers) {
        let checked = CheckedPlan.load(text: text)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.map { $0.rendered(path: "plan") })")
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        return (plan, CriticalChainBuffers.compute(plan: plan, schedule: schedule, method: method))
    }

    static func ids(_ tasks: [Int], _ plan: Plan) -> [String] { tasks.map { plan.tasks[$0].id } }

    static func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    /// rsse: project sqrt(2² + 1² + 2²) = 3 after the chain's end at 11, so 11-14;
    /// c-d: sqrt(0.5² + 0²) = 0.5, ending where d's slack ends, 3.5 + 2.5 = 6;
    /// f: 2, ending at 5.5 + 0.5 = 6, so from 4, while f runs to 5.5: 1.5 squeezed.
    @Test func rootSumOfSquaresSizesAndPlaces() throws {
        let (plan, b) = try Self.buffers(method: .rsse)
        #expect(Self.ids(b.criticalChain, plan) == ["a", "b", "e", "end"])
        #expect(b.chainFinish == 11)
        #expect(b.buffers.map(\.kind) == [.project, .feeding, .feeding])
        let project = b.projectBuffer, cd = b.buffers[1], f = b.buffers[2]
        #expect(Self.near(project.size, 3) && project.start == 11 && Self.near(b.bufferedFinish, 14))
        #expect(Self.ids(cd.chain, plan) == ["c", "d"] && cd.joins == .task(plan.taskIndex(of: "e")!))
        #expect(Self.near(cd.size, 0.5) && Self.near(cd.start, 5.5) && Self.near(cd.end, 6) && cd.squeezed == 0)
        #expect(Self.ids(f.chain, plan) == ["f"])
        #expect(Self.near(f.size, 2) && Self.near(f.start, 4) && Self.near(f.squeezed, 1.5))
        #expect(b.buffers.allSatisfy { $0.status == nil } && b.statusDate == nil)
    }

    /// half: project 11 / 2 = 5.5 (11-16.5); c-d spans 0-3.5: 1.75, from 6 - 1.75 = 4.25;
    /// f spans 2.5-5.5: 1.5, from 4.5, with f running to 5.5: 1 squeezed.
    @Test func halfTheChainsLength() throws {
        let (_, b) = try Self.buffers(method: .half)
        #expect(Self.near(b.projectBuffer.size, 5.5) && Self.near(b.bufferedFinish, 16.5))
        #expect(Self.near(b.buffers[1].size, 1.75) && Self.near(b.buffers[1].start, 4.25))
        #expect(Self.near(b.buffers[2].size, 1.5) && Self.near(b.buffers[2].start, 4.5) && Self.near(b.buffers[2].squeezed, 1))
    }

    /// As of week 5: a finished a week late (0-5), so b runs 5-7 and e 7-12: the
    /// forecast ends at 12, 1 week into the 3-week project buffer: a third, yellow
    /// (a third is the yellow zone's first point). The chain has done a's 4 weeks of
    /// 11: 36%; burn rate (1/3) / (4/11) = 11/12.
    /// d started at t = 2 and is 10% done: 1.8 weeks left, it ends at 6.8 and leaves
    /// e (at 7) 0.2 of slack: 0.5 - 0.2 = 0.3 of its 0.5 used, 60%, yellow; c and
    /// d have done 1.5 + 0.2 of 3.5 weeks.
    /// f began at 2.5 and is half done: it ends at 5 + 1.5 = 6.5, 0.5 before e:
    /// 2 - 0.5 = 1.5 of 2 used, 75%, red; burn rate 0.75 / 0.5 = 1.5.
    @Test func consumptionAgainstCompletionWithProgress() throws {
        let tracked = Self.plan.replacingOccurrences(of: "deadline: 13w\n", with: "deadline: 13w\nstatus-date: week 5\n")
            .replacingOccurrences(of: "{id: a, duration: 2-6w}", with: "{id: a, duration: 2-6w, actual-start: week 1, actual-finish: week 5}")
            .replacingOccurrences(of: "{id: c, duration: 1-2w}", with: "{id: c, duration: 1-2w, actual-start: week 1, actual-finish: week 2}")
            .replacingOccurrences(of: "{id: d, duration: 2w, after: [c]}", with: "{id: d, duration: 2w, after: [c], actual-start: 2, progress: 10}")
            .replacingOccurrences(of: "after: [\"a SS+2.5w\"]}", with: "after: [\"a SS+2.5w\"], actual-start: 2.5, progress: 50}")
        let (plan, b) = try Self.buffers(tracked, method: .rsse)
        // The buffers are those of the plan as planned.
        #expect(Self.ids(b.criticalChain, plan) == ["a", "b", "e", "end"] && b.chainFinish == 11)
        #expect(b.statusDate == 5 && b.forecastFinish == 12)
        let project = try #require(b.projectBuffer.status)
        #expect(Self.near(project.consumed, 1) && Self.near(project.consumption, 1.0 / 3) && project.zone == .yellow)
        #expect(Self.near(project.chainCompletion, 4.0 / 11) && Self.near(project.burnRate, 11.0 / 12))
        let cd = try #require(b.buffers[1].status)
        #expect(Self.near(cd.consumed, 0.3) && Self.near(cd.consumption, 0.6) && cd.zone == .yellow)
        #expect(Self.near(cd.chainCompletion, 1.7 / 3.5) && !cd.chainFinished)
        let f = try #require(b.buffers[2].status)
        #expect(Self.near(f.consumed, 1.5) && Self.near(f.consumption, 0.75) && f.zone == .red && Self.near(f.burnRate, 1.5))
    }

    /// Progress without a status date (finished work only) is measured too: a took
    /// 5 weeks instead of 4 (0-5), so b runs 5-7, e 7-12: the project buffer is a
    /// third used, with no status date to name.
    @Test func finishedWorkWithoutAStatusDateIsMeasured() throws {
        let tracked = Self.plan.replacingOccurrences(of: "{id: a, duration: 2-6w}", with: "{id: a, duration: 2-6w, actual-start: week 1, actual-finish: week 5}")
        let (_, b) = try Self.buffers(tracked, method: .rsse)
        #expect(b.statusDate == nil && b.forecastFinish == 12)
        #expect(Self.near(b.projectBuffer.status?.consumption, 1.0 / 3))
    }

    @Test(arguments: [(0.0, CriticalChainBuffers.Zone.green), (0.33, .green), (1.0 / 3, .yellow), (0.66, .yellow),
                      (2.0 / 3, .red), (1.4, .red)])
    func zonesAreThirdsOfTheBuffer(used: Double, zone: CriticalChainBuffers.Zone) {
        #expect(CriticalChainBuffers.status(consumed: 3 * used, size: 3, completion: 0.5).zone == zone)
    }

    @Test func aBufferOfNoSizeIsRedAtAnyDelay() {
        #expect(CriticalChainBuffers.status(consumed: 0, size: 0, completion: 0).zone == .green)
        let late = CriticalChainBuffers.status(consumed: 0.1, size: 0, completion: 0)
        #expect(late.zone == .red && late.consumption == nil && late.burnRate == nil)
    }

    /// q and p share an owner of capacity 1 and no link: leveling puts q (the one
    /// with less float, latest start 0) first, 0-3, then p 3-5. The chain runs
    /// through the owner: q -> p, buffered by sqrt(1² + 1²).
    @Test func theChainFollowsOwnersWhenLeveled() throws {
        let (plan, b) = try Self.buffers("""
            plan: Shared
            owners: [{id: x}]
            tasks:
              - {id: p, duration: 1-3w, owner: x}
              - {id: q, duration: 2-4w, owner: x}
            """, method: .rsse)
        #expect(Self.ids(b.criticalChain, plan) == ["q", "p"])
        #expect(b.chainFinish == 5 && Self.near(b.projectBuffer.size, 2.0.squareRoot()))
        #expect(b.buffers.count == 1)
    }

    /// A chain of fixed estimates varies in nothing: no buffer by rsse, and said so.
    @Test func fixedChainsGetNoBufferByRootSumOfSquares() throws {
        let (plan, b) = try Self.buffers("""
            plan: Fixed
            tasks:
              - {id: a, duration: 2-4w}
              - {id: side, duration: 1w}
              - {id: z, duration: 1w, after: [a, side]}
            """, method: .rsse)
        #expect(b.buffers.count == 1)
        #expect(b.unbuffered == [.task(plan.taskIndex(of: "side")!)])
        let (_, half) = try Self.buffers("""
            plan: Fixed
            tasks:
              - {id: a, duration: 2-4w}
              - {id: side, duration: 1w}
              - {id: z, duration: 1w, after: [a, side]}
            """, method: .half)
        #expect(half.buffers.count == 2 && Self.near(half.buffers[1].size, 0.5) && half.unbuffered.isEmpty)
    }
}
