import Foundation
import Testing
import SlipwayTestSupport
import SlipwayCore
import SlipwayScheduling
import SlipwayReview

/// What moved, against a saved baseline or the previous update, hand-checked on
/// a small plan with a progress history (the same as the slip-trend tests').
struct ReviewChangesTests {
    /// design 0-2 -> build 2-4 -> deploy 4-5 -> done 5; docs 0-1 beside it.
    static let plan = SharedPlans.tracked

    /// As of week 1 design is a quarter done and docs finished; as of week 3 design finished at 3.
    static let sidecar: ProgressLog.Source = {
        let calendar = WorkCalendar(start: CivilDate(iso: "2025-01-13"))
        var text = ProgressLog.appending(.init(task: "design", asOf: 1, actualStart: 0, percent: 25), to: nil, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "docs", asOf: 1, actualStart: 0, actualFinish: 1), to: text, planFile: "p.yaml", calendar: calendar)
        text = ProgressLog.appending(.init(task: "design", asOf: 3, actualFinish: 3, percent: 100), to: text, planFile: "p.yaml", calendar: calendar)
        return ProgressLog.Source(path: "p.progress.yaml", text: text)
    }()

    /// The plan as planned, before any progress: finish 5.
    static func kickoff() throws -> Baseline {
        let checked = CheckedPlan.load(text: plan)
        return Baseline(plan: try #require(checked.plan), schedule: try #require(checked.schedule), name: "kickoff", planFile: "p.yaml",
                        planHash: "", progressHash: nil, savedAt: "2025-01-10T09:00:00Z")
    }

    func ids(_ tasks: [Int], _ pack: ReviewPack) -> [String] { tasks.map { pack.plan.tasks[$0].id } }

    /// Against the kickoff baseline: the finish moved from 5 to 6; design, build,
    /// deploy and done moved; docs kept its dates; design and docs finished since.
    @Test func againstTheBaselineEverythingThatMovedAndFinished() throws {
        let baseline = try Self.kickoff()
        let pack = try ReviewFixtures.pack(inputs: .init(text: Self.plan, sidecar: Self.sidecar, baseline: baseline, baselines: [baseline]))
        let changes = try #require(pack.changes)
        #expect(changes.reference == .baseline(name: "kickoff", savedAt: "2025-01-10T09:00:00Z", statusDate: nil))
        #expect(changes.variance.finishVariance == 1)
        #expect(Set(changes.variance.tasks.filter { $0.status == .moved }.map(\.id)) == ["design", "build", "deploy", "done"])
        #expect(ids(changes.finished, pack) == ["design", "docs"])
        #expect(pack.trend.map(\.finish) == [5, 5.5, 6] && pack.trendBaselines.map(\.finish) == [5])
        // The headline's finish card and the changes section say it.
        let page = try XHTMLDocument(Data(ReviewHTML.render(pack).utf8))
        #expect(page.text.contains("+1w since baseline 'kickoff'"))
        #expect(page.text.contains("Finished since: design, docs"))
        #expect(page.text.contains("What moved (4)"))
        // Missed tasks and BEI are computed against the baseline: design was due at 2 and finished at 3.
        let missed = try #require(pack.health.first { $0.check == .missedTasks })
        #expect(missed.passed == false && ids(missed.tasks, pack) == ["design"])
    }

    /// Without a baseline the previous update (status week 1, finish 5.5) is the
    /// reference: +0.5w, and only design finished since (docs had by then).
    @Test func withoutABaselineThePreviousUpdateIsTheReference() throws {
        let pack = try ReviewFixtures.pack(inputs: .init(text: Self.plan, sidecar: Self.sidecar))
        let changes = try #require(pack.changes)
        #expect(changes.reference == .lastUpdate(statusDate: 1))
        #expect(changes.variance.finishVariance == 0.5)
        #expect(changes.referenceLeveledFinish == 5.5)
        #expect(ids(changes.finished, pack) == ["design"])
        // The look-ahead from status week 3 to 5: dev builds (3-5); deploy starts at 5, after the window.
        #expect(pack.lookAhead.count == 1 && pack.lookAhead[0].items.map { pack.plan.tasks[$0.task].id } == ["build"])
    }

    /// A baseline of another plan is refused, as 'slipway variance' refuses it.
    @Test func aBaselineOfAnotherPlanIsAProblem() throws {
        let other = CheckedPlan.load(text: "plan: Other\ntasks:\n  - {id: zz, duration: 1w}\n")
        let baseline = Baseline(plan: try #require(other.plan), schedule: try #require(other.schedule), name: "default", planFile: "o.yaml",
                                planHash: "", progressHash: nil, savedAt: "")
        let checked = CheckedPlan.load(text: Self.plan)
        let result = ReviewPack.build(plan: try #require(checked.plan), schedule: try #require(checked.schedule),
                                      inputs: .init(text: Self.plan, baseline: baseline, baselinePath: "p.baseline.json"),
                                      settings: .init(iterations: 100))
        guard case .failure(let problem) = result else { Issue.record("a baseline of another plan was accepted"); return }
        #expect(problem.description.hasPrefix("p.baseline.json: error: this baseline (of 'Other', o.yaml) shares no task"))
    }
}
