import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// A slip is a what-if on the network; it must equal scheduling a copy of the
/// plan edited the same way.
struct SlipAnalysisTests {
    /// The plan edited as the slip describes: a longer (or shorter) task, more
    /// remaining work on a started one, or a later not-before.
    static func edited(_ plan: Plan, _ slips: [SlipAnalysis.Slip], base: Timing) -> Plan {
        var edited = plan
        for slip in slips {
            var task = edited.tasks[slip.task]
            let forecast = Forecast(task: task, statusDate: plan.statusDate)
            if forecast.state == .started, let s = plan.statusDate {
                let remaining = task.progress.remaining ?? task.duration * (1 - (task.progress.percent ?? 0) / 100)
                task.progress.remaining = remaining + slip.by
                _ = s
            } else if slip.start || task.isMilestone {
                task.notBefore = base.earlyStart[slip.task] + slip.by
            } else {
                task.estimate = .fixed(max(0, task.duration + slip.by))
            }
            edited.tasks[slip.task] = task
        }
        return edited
    }

    @Test(arguments: 0..<300)
    func slipEqualsReschedulingAnEditedPlan(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 0x2545F4914F6CDD1D &+ 1)
        // A plan whose every task is finished has nothing to slip: draw another.
        var plan = RandomPlans.make(&rng)
        func unfinished(_ plan: Plan) -> [Int] {
            plan.tasks.indices.filter { Forecast(task: plan.tasks[$0], statusDate: plan.statusDate).state != .finished }
        }
        while unfinished(plan).isEmpty { plan = RandomPlans.make(&rng) }
        guard case .scheduled(let schedule) = Scheduler.schedule(plan) else {
            Issue.record("random plans are acyclic by construction"); return
        }
        let whatIf = WhatIf(plan: plan, schedule: schedule)
        let candidates = unfinished(plan)
        let start = Bool.random(using: &rng)
        var slips: [SlipAnalysis.Slip] = []
        for j in candidates.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)) {
            // Negative slips only shorten: a start cannot be pulled before its holds in an edited plan.
            let negativeAllowed = !start && !plan.tasks[j].isMilestone
                && Forecast(task: plan.tasks[j], statusDate: plan.statusDate).state == .notStarted
            let by = negativeAllowed ? [-2, -1, -0.5, 0.5, 1, 3].randomElement(using: &rng)! : [0, 0.5, 1, 2].randomElement(using: &rng)!
            slips.append(.init(task: j, by: by, start: start))
        }
        guard case .success(let result) = SlipAnalysis.analyze(slips, whatIf: whatIf, base: schedule.timing) else {
            Issue.record("no finished task was slipped"); return
        }
        guard case .scheduled(let reference) = Scheduler.schedule(Self.edited(plan, slips, base: schedule.timing)) else {
            Issue.record("an edited plan has the same links"); return
        }
        let a = result.after.timing, b = reference.timing
        for node in 0..<a.earlyStart.count {
            #expect(abs(a.earlyStart[node] - b.earlyStart[node]) < 1e-9, "seed \(seed) node \(node) start")
            #expect(abs(a.earlyFinish[node] - b.earlyFinish[node]) < 1e-9, "seed \(seed) node \(node) finish")
            #expect(abs(a.totalFloat[node] - b.totalFloat[node]) < 1e-9, "seed \(seed) node \(node) float")
        }
        #expect(abs(a.finish - b.finish) < 1e-9)
        #expect(result.after.criticalPath == reference.criticalPath)
        #expect(result.after.resolutions == reference.resolutions)
    }

    static let chain = """
        plan: Chain
        deadline: week 6
        phases:
          - id: late
            weeks: 5-6
        constraints:
          - id: risk
            target: week 3
            mitigations:
              - id: fix
                duration: 2w
        tasks:
          - id: a
            duration: 2w
          - id: b
            duration: 1w
            after: [a]
          - id: side
            duration: 1w
          - id: c
            duration: 1w
            after: [b, risk]
            phase: late
        """

    @Test func slipReportsMovesTargetsPhasesAndCriticalPathByHand() throws {
        // a 0-2, b 2-3, fix 0-2 (risk resolved 2, target 3), c held by phase to 4-5; F = 5.
        let checked = CheckedPlan.load(text: Self.chain)
        let schedule = try #require(checked.schedule)
        let plan = try #require(checked.plan)
        let whatIf = WhatIf(plan: plan, schedule: schedule)
        // fix slips 2w: risk resolved 4 (target 3: now missed), c 4-5 -> 4-5? No: c after risk at 4, phase 4: c 4-5, F 5.
        // a slips 2w: a 0-4, b 4-5, c 5-6; F 6; deadline 6 holds; c past phase end 6? No, it ends at 6.
        let r = try SlipAnalysis.analyze([.init(task: plan.taskIndex(of: "a")!, by: 2), .init(task: plan.taskIndex(of: "fix")!, by: 2)],
                                         whatIf: whatIf, base: schedule.timing).get()
        #expect(r.before.finish == 5)
        #expect(r.after.finish == 6)
        #expect(r.after.lateBy == nil)
        #expect(r.moves.map { plan.tasks[$0.task].id } == ["fix", "a", "b", "c"])
        #expect(r.moves.map(\.finishDelta) == [2, 2, 2, 1])
        #expect(r.after.resolutions[0].lateBy == 1)
        #expect(r.before.resolutions[0].lateBy == nil)
        #expect(r.after.criticalPath.map { plan.tasks[$0].id } == ["a", "b", "c"])
        // A negative slip: a 1w shorter: b 1-2, c still held at 4 by its phase.
        let shorter = try SlipAnalysis.analyze([.init(task: plan.taskIndex(of: "a")!, by: -1)], whatIf: whatIf, base: schedule.timing).get()
        #expect(shorter.after.finish == 5)
        #expect(shorter.moves.map { plan.tasks[$0.task].id } == ["a", "b"])
        // Cutting more than the duration stops at zero and says so.
        let clamped = try SlipAnalysis.analyze([.init(task: plan.taskIndex(of: "side")!, by: -3)], whatIf: whatIf, base: schedule.timing).get()
        #expect(clamped.clamped == [plan.taskIndex(of: "side")!])
    }

    @Test func startSlipDelaysTheStartNotTheDuration() throws {
        let checked = CheckedPlan.load(text: Self.chain)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let whatIf = WhatIf(plan: plan, schedule: schedule)
        let side = plan.taskIndex(of: "side")!
        let r = try SlipAnalysis.analyze([.init(task: side, by: 4.5, start: true)], whatIf: whatIf, base: schedule.timing).get()
        // side 0-1 becomes 4.5-5.5, past F = 5: the finish moves 0.5 and side becomes critical.
        #expect(r.after.timing.earlyStart[side] == 4.5)
        #expect(r.after.timing.earlyFinish[side] == 5.5)
        #expect(r.after.finish == 5.5)
        #expect(r.after.criticalPath.map { plan.tasks[$0].id } == ["side"])
    }

    @Test func anUnstartedTaskCannotBeSlippedBeforeTheStatusDate() throws {
        // c is held at the status date (t = 3); "start 2 weeks earlier" stops at 3 and says so.
        let checked = CheckedPlan.load(text: """
            plan: Status
            status-date: week 3
            tasks:
              - {id: a, duration: 1w, actual-start: week 1, actual-finish: week 1}
              - {id: c, duration: 1w, after: [a]}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let c = plan.taskIndex(of: "c")!
        #expect(schedule.start(c) == 3)
        let r = try SlipAnalysis.analyze([.init(task: c, by: -2, start: true)], whatIf: WhatIf(plan: plan, schedule: schedule),
                                         base: schedule.timing).get()
        #expect(r.after.timing.earlyStart[c] == 3)
        #expect(r.clamped == [c])
    }
}
