import Testing
import SlipwayCore
import SlipwayScheduling

/// The loading benchmark measures `SyntheticPlan.mixed`; these tests hold it to
/// the shape it claims, so that the figures stay about plans like users' files.
struct SyntheticPlanTests {
    static let text = SyntheticPlan.mixed(tasks: 3_000, seed: 5)

    @Test func mixedPlanIsTheSameTextForTheSameSeed() {
        #expect(SyntheticPlan.mixed(tasks: 3_000, seed: 5) == Self.text)
        #expect(SyntheticPlan.mixed(tasks: 3_000, seed: 6) != Self.text)
    }

    @Test func mixedPlanLoadsAndSchedulesWithoutErrors() throws {
        let checked = CheckedPlan.load(text: Self.text)
        #expect(checked.diagnostics.errors.isEmpty, "\(checked.diagnostics.prefix(3).map { $0.rendered(path: "mixed") })")
        let plan = try #require(checked.plan)
        #expect(plan.tasks.count == 3_000)
        #expect(checked.schedule != nil, "links go back in a hidden order, so there is no cycle")
        #expect(plan.constraints.count == 6, "one constraint per 500 tasks")
    }

    @Test func mixedPlanHasEveryLinkTypeAndLagsOfBothSigns() throws {
        let plan = try #require(PlanLoader.load(text: Self.text).plan)
        let links = plan.tasks.flatMap(\.after)
        #expect(Set(links.map { "\($0.type)" }).count == 4, "FS, SS, FF and SF")
        #expect(links.contains { $0.lag < 0 } && links.contains { $0.lag > 0 })
        #expect(plan.tasks.contains { !$0.estimate.isFixed } && plan.tasks.contains { $0.isMilestone })
        #expect(plan.tasks.contains { !$0.needs.isEmpty } && plan.tasks.contains { $0.owner != nil })
    }

    @Test func mixedPlanWritesLinksInEveryForm() {
        #expect(Self.text.contains(#/after: \[t\d+[,\]]/#), "a plain id in a flow list")
        #expect(Self.text.contains(#/"t0\d+ (FS|SS|FF|SF)[+-]\d/#), "shorthand with a lag, zero-padded id")
        #expect(Self.text.contains(#/\{id: t\d+, type: (FS|SS|FF|SF), lag: -/#), "a mapping with a negative lag")
        #expect(Self.text.contains(#/after:\n +- /#), "a block list")
        #expect(Self.text.contains(#/duration: \d+w\/\d+w\/\d+w/#) && Self.text.contains(#/duration: \d+-\d+w/#))
    }

    @Test func mostLinksNameATaskWrittenFurtherDown() throws {
        let plan = try #require(PlanLoader.load(text: Self.text).plan)
        var line: [String: Int] = [:]
        for task in plan.tasks { line[task.id] = task.location.line }
        let links = plan.tasks.flatMap { t in t.after.map { (t.location.line, $0.id) } }
        let forward = links.filter { (at, id) in line[id].map { $0 > at } ?? false }.count
        #expect(Double(forward) > 0.3 * Double(links.count))
    }

    @Test func aMillionTasksStayUnderTheInputLimit() {
        let perTask = Double(Self.text.utf8.count) / 3_000
        #expect(perTask * 1_000_000 < 0.8 * Double(PlanLoader.maximumInputBytes))
    }
}
