import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling

/// Options and scenarios, compared by hand on small plans.
struct ComparisonTests {
    static let plan = """
        plan: Choice
        deadline: 5w
        owners: [{id: dev}, {id: ops}]
        constraints:
          - id: c
            options:
              - id: slow
                chosen: true
                mitigations: [{id: build-slow, duration: 3w, owner: dev}]
              - id: fast
                mitigations: [{id: build-fast, duration: 1w, owner: dev}]
        tasks:
          - {id: prep, duration: 1w, owner: dev}
          - {id: ship, duration: 1w, owner: dev, after: [c, prep]}
          - {id: docs, duration: 2w, owner: dev}
        scenarios:
          - id: second-dev
            capacity: {dev: 2}
        """

    func compare(_ text: String = plan, seed: UInt64 = 3) -> [Comparison.Outcome] {
        let loaded = CheckedPlan.load(text: text)
        let alternatives = Comparison.alternatives(of: loaded.plan!)
        return Comparison.run(text: text, sidecar: nil, alternatives: alternatives, settings: .init(iterations: 200, seed: seed))
    }

    /// By the links: build-slow 0-3, ship 3-4: F = 4. The fast option builds in 1w:
    /// ship 1-2, F = 2 — the option shortens the critical path by 2 weeks, and the
    /// finish moves by 2. Leveled (one dev): prep, docs and the build share the
    /// dev: 1 + 2 + 3 + 1 = 7 with the slow option, 1 + 2 + 1 + 1 = 5 with the fast
    /// one. The second dev (capacity 2) removes the leveling delay: back to F = 4.
    @Test func optionsAndScenariosMoveTheFinishByHandCheckedAmounts() throws {
        let outcomes = compare()
        #expect(outcomes.map(\.alternative.label) == ["plan as it is (c = slow)", "c = fast", "scenario second-dev"])
        let plan = outcomes[0], fast = outcomes[1], second = outcomes[2]
        #expect(plan.finish == 4 && fast.finish == 2 && second.finish == 4)
        #expect(plan.leveledFinish == 7 && fast.leveledFinish == 5 && second.leveledFinish == 4)
        // Fixed durations: the chance of week 5 is all or nothing.
        #expect(plan.chance == 0 && fast.chance == 1 && second.chance == 1)
        #expect(fast.joinsCriticalPath.contains("build-fast") && fast.leavesCriticalPath.contains("build-slow"))
        // Both reach the deadline with certainty and neither has a cost (no rates):
        // the earlier leveled forecast decides, the second dev's 4 over the fast option's 5.
        #expect(second.isBest && !fast.isBest && !plan.isBest)
    }

    @Test func theSameSeedGivesTheSameNumbers() {
        let text = Self.plan.replacingOccurrences(of: "duration: 3w", with: "duration: 2-4w")
        let a = compare(text, seed: 9), b = compare(text, seed: 9)
        #expect(a.map(\.chance) == b.map(\.chance) && a.map(\.p80) == b.map(\.p80))
        #expect(a.map { $0.simulation?.finishes ?? [] } == b.map { $0.simulation?.finishes ?? [] })
    }

    /// An overlay file that names what the plan lacks is refused at its line, in
    /// its own file.
    @Test func overlaysNamingUnknownIdsAreRefusedAtTheirLine() throws {
        let plan = try #require(CheckedPlan.load(text: Self.plan).plan)
        let overlay = """
            id: what-if
            choose: {c: quick}
            durations: {bulid-slow: 2w}
            capacity: {devs: 2}
            remove-links: [{task: ship, after: docs}]
            """
        let (scenarios, readProblems) = PlanLoader.readScenarios(overlay: overlay, path: "what-if.yaml", for: plan)
        #expect(readProblems.isEmpty)
        let scenario = try #require(scenarios.first)
        let loaded = PlanLoader.load(text: Self.plan, sidecar: nil, variant: .init(scenario: scenario))
        let rendered = loaded.diagnostics.errors.map { $0.rendered(path: "plan.yaml") }
        #expect(rendered == [
            "what-if.yaml:2:13: error: 'quick' is not an option of 'c' (options: slow, fast)",
            "what-if.yaml:3:13: error: 'bulid-slow' in 'durations' of scenario 'what-if' is not a task of the plan; did you mean 'build-slow'?",
            "what-if.yaml:4:12: error: 'devs' in 'capacity' of scenario 'what-if' is not an owner of the plan; did you mean 'dev'?",
            "what-if.yaml:5:36: error: 'ship' has no link after 'docs' to remove (its predecessors: c, prep)",
        ], "\(rendered)")
    }

    /// Options must be chosen once, and the rest of the plan may follow the
    /// constraint but not one option's tasks.
    @Test func optionsAreCheckedAtTheirPlace() {
        let none = PlanLoader.load(text: Self.plan.replacingOccurrences(of: "chosen: true", with: "chosen: false"))
        #expect(none.diagnostics.errors.map(\.code) == [.noChosenOption])
        let both = PlanLoader.load(text: Self.plan.replacingOccurrences(of: "- id: fast\n", with: "- id: fast\n        chosen: true\n"))
        #expect(both.diagnostics.errors.map(\.code) == [.severalChosenOptions])
        let outside = PlanLoader.load(text: Self.plan.replacingOccurrences(of: "after: [c, prep]", with: "after: [build-slow, build-fast]"))
        #expect(outside.diagnostics.errors.map(\.code) == [.optionTaskReference, .optionTaskReference])
        #expect(outside.diagnostics.errors.last?.message.hasPrefix("'build-fast' is work of option 'fast' of 'c', which is not chosen") == true)
    }

    /// A scenario in the plan changes nothing until it is compared.
    @Test func scenariosDoNotChangeThePlan() throws {
        let checked = CheckedPlan.load(text: Self.plan)
        let plan = try #require(checked.plan)
        #expect(plan.owners[0].capacity == 1 && plan.scenarios.map(\.id) == ["second-dev"])
        #expect(plan.tasks.map(\.id) == ["build-slow", "prep", "ship", "docs"])
    }
}
