import SlipwayEngine
import Testing
@testable import SlipwayCore

struct PlanLoaderTests {
    /// The excerpt of section 2 of the contract, completed so that every id it names exists.
    static let fullPlan = """
        plan: MisterSmith AWS migration
        start: 2025-01-13
        unit: week
        days-per-week: 5
        deadline: 12w
        budget: 50000
        currency: USD
        status-date: week 3

        owners:
          - id: core-team
            name: Core Team
            capacity: 1
            rate: 6000
          - id: platform
          - id: database
            capacity: 2
          - id: architecture

        phases:
          - id: pre-migration
            name: "Phase 1: Pre-Migration"
            weeks: 1-2
          - id: foundation
            weeks: 3-4
          - id: migration
            weeks: 5-10

        constraints:
          - id: nats-protocol
            title: NATS protocol is incompatible with Amazon MQ
            category: technical
            severity: critical
            status: in-design
            progress: 20
            owner: architecture
            target: week 2
            blocks: [migration]
            mitigations:
              - id: nats-replacement
                title: Build the EventBridge + SQS/SNS messaging layer
                duration: 2-3w
                phase: pre-migration
                after: [config-system]
          - id: auth-missing
            title: No authentication
            severity: high
            mitigations:
              - id: auth
                duration: 2w

        tasks:
          - id: aws-training
            duration: 2w
          - id: poc
            duration: 3d
          - id: vpc
            duration: 1w/2w/4w
          - id: config-system
            title: Configuration abstraction layer
            duration: 1-2w
            owner: platform
            needs: {platform: 1, database: 1}
            phase: pre-migration
            after:
              - aws-training
              - "poc SS+1w"
              - {id: vpc, type: FF, lag: -2d}
            not-before: week 3
            due: week 4
            cost: 12000
            why: "Secrets Manager needs a config layer first (tracker 1.3)"
          - id: readiness
            title: Migration readiness review
            milestone: true
            after: [nats-protocol, auth-missing]
        """

    @Test func readsEveryFieldOfTheContractExcerpt() throws {
        let result = PlanLoader.load(text: Self.fullPlan)
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.map { $0.rendered(path: "plan") })")
        let plan = try #require(result.plan)
        #expect(plan.title == "MisterSmith AWS migration")
        #expect(plan.calendar.start == CivilDate(year: 2025, month: 1, day: 13))
        #expect(plan.calendar.daysPerWeek == 5)
        #expect(plan.deadline == 12)
        #expect(plan.budget == 50000)
        #expect(plan.currency == "USD")
        #expect(plan.statusDate == 3, "week 3 is an end: t = 3")
        #expect(plan.owners.map(\.id) == ["core-team", "platform", "database", "architecture"])
        #expect(plan.owners[0].name == "Core Team" && plan.owners[0].rate == 6000)
        #expect(plan.owners[2].capacity == 2)
        #expect(plan.phases[0].windowStart == 0 && plan.phases[0].windowEnd == 2)
        #expect(plan.phases[2].windowStart == 4 && plan.phases[2].windowEnd == 10)

        let nats = plan.constraints[0]
        #expect(nats.severity == .critical && nats.category == "technical" && nats.status == "in-design")
        #expect(nats.progress == 20 && nats.owner == "architecture" && nats.target == 2)
        #expect(nats.blocks.map(\.id) == ["migration"])
        // Mitigations are tasks, in file order, tied to their constraint.
        #expect(plan.tasks.map(\.id) == ["nats-replacement", "auth", "aws-training", "poc", "vpc", "config-system", "readiness"])
        #expect(nats.mitigations == [0])
        #expect(plan.tasks[0].constraint == 0)
        #expect(plan.tasks[0].estimate == Estimate(optimistic: 2, mostLikely: 2.5, pessimistic: 3))
        #expect(plan.tasks[0].duration == 2.5)

        #expect(plan.tasks[3].duration == 0.6, "3d is 3/5 of a week")
        #expect(plan.tasks[4].estimate == Estimate(optimistic: 1, mostLikely: 2, pessimistic: 4))
        #expect(abs(plan.tasks[4].duration - 13.0 / 6.0) < 1e-12, "PERT mean (1 + 8 + 4) / 6")

        let config = plan.tasks[5]
        #expect(config.duration == 1.5)
        #expect(config.owner == "platform")
        #expect(config.needs == [OwnerUnits(owner: "platform", units: 1, ownerIndex: 1), OwnerUnits(owner: "database", units: 1, ownerIndex: 2)])
        #expect(config.after.map(\.id) == ["aws-training", "poc", "vpc"])
        #expect(config.after.map(\.type) == [.finishToStart, .startToStart, .finishToFinish])
        #expect(config.after.map(\.lag) == [0, 1, -0.4])
        #expect(config.notBefore == 2, "week 3 is a start: t = 2")
        #expect(config.due == 4)
        #expect(config.cost == 12000)
        #expect(config.why == "Secrets Manager needs a config layer first (tracker 1.3)")

        let readiness = plan.tasks[6]
        #expect(readiness.isMilestone && readiness.duration == 0)
        #expect(readiness.after.map(\.id) == ["nats-protocol", "auth-missing"])
    }

    @Test func dayUnitMakesBareNumbersDays() throws {
        let plan = try #require(PlanLoader.load(text: "plan: d\nunit: day\ndays-per-week: 4\ntasks:\n  - id: a\n    duration: 2\n").plan)
        #expect(plan.tasks[0].duration == 0.5)
    }

    @Test func oversizedInputIsRefusedBeforeParsing() {
        let result = PlanLoader.load(text: "plan: big\n" + String(repeating: "# padding\n", count: 100), maximumBytes: 500)
        #expect(result.plan == nil)
        #expect(result.diagnostics.map(\.id) == ["input-too-large"])
        #expect(result.diagnostics[0].message.hasPrefix("the plan file has 1010 bytes, over the limit of 500 bytes"))
    }

    @Test func emptyTextIsAnError() {
        let result = PlanLoader.load(text: "  \n\n")
        #expect(result.diagnostics.map(\.id) == ["empty-plan"])
        #expect(result.diagnostics[0].location == SourceLocation(line: 1, column: 1))
    }

    @Test func harmlessAliasesAreAllowed() throws {
        let text = """
            plan: Shared links
            tasks:
              - id: a
                duration: 1w
              - id: b
                duration: 1w
              - id: c
                duration: &d 2w
                after: &common [a, b]
              - id: e
                duration: *d
                after: *common
            """
        let result = PlanLoader.load(text: text)
        #expect(result.isValid)
        #expect(result.plan?.tasks[3].after.map(\.id) == ["a", "b"])
        #expect(result.plan?.tasks[3].duration == 2)
    }

    @Test func startOnAWeekdayOtherThanMondayIsAWarning() {
        let result = PlanLoader.load(text: "plan: x\nstart: 2025-01-15\n")
        #expect(result.isValid)
        #expect(result.diagnostics.map(\.id) == ["start-not-monday"])
    }

    /// The fields of a forecast: risk events (on a constraint and on a task, with
    /// their defaults), waits, gate criteria, crash limits, skills, hard links.
    @Test func readsTheForecastFields() throws {
        let result = PlanLoader.load(text: """
            plan: Forecast
            owners: [{id: dev, skills: [ecs, iam]}]
            constraints:
              - id: c
                risks: [{id: late-vendor, title: Vendor late, probability: 30%, impact: 1-2w, mode: delay, why: assumed}]
                mitigations: [{id: m, duration: 1w, owner: dev}]
            tasks:
              - id: t
                duration: 2-4w
                owner: dev
                skills: [ecs]
                crash: {to: 2w, cost: 3000}
                after: [{id: m, hard: true}, {id: approval, why: signed off}, {id: c, why: a, hard: false}]
                risks: [{id: rework, probability: 0.25, impact: 1w}]
              - {id: approval, duration: 1w, wait: true}
              - id: gate
                milestone: true
                criteria: ["tests pass", {text: "rollback tested", status: met}]
            """)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let plan = try #require(result.plan)
        #expect(plan.owners[0].skills == ["ecs", "iam"])
        #expect(plan.risks.map(\.id) == ["late-vendor", "rework"])
        let vendor = plan.risks[0], rework = plan.risks[1]
        #expect(vendor.probability == 0.3 && vendor.impact == Estimate(optimistic: 1, mostLikely: 1.5, pessimistic: 2) && vendor.mode == .delay)
        #expect(vendor.carrier == .constraint(0) && vendor.on.map(\.id) == ["m"] && vendor.why == "assumed")
        #expect(rework.probability == 0.25 && rework.mode == .extend && rework.on.map(\.referent) == [.task(plan.taskIndex(of: "t")!)])
        let t = try #require(plan.taskIndex(of: "t").map { plan.tasks[$0] })
        #expect(t.skills == ["ecs"] && t.crash?.minimum == 2 && t.crash?.costPerWeek == 3000)
        #expect(t.after.map(\.isHard) == [true, true, false], "hard: true; a why makes a link hard; hard: false overrides a why")
        #expect(plan.tasks[plan.taskIndex(of: "approval")!].isWait)
        let gate = plan.tasks[plan.taskIndex(of: "gate")!]
        #expect(gate.criteria.map(\.text) == ["tests pass", "rollback tested"] && gate.criteria.map(\.status) == [.open, .met])
        #expect(plan.referent(of: "rework") == .risk(1))
    }
}
