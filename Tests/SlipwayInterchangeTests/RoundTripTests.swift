import SlipwayEngine
import SlipwayCore
import SlipwayInterchange
import SlipwayScheduling
import Testing

@Suite struct RoundTripTests {
    /// Drops the first line, the comment naming the file the plan came from.
    private func body(_ yaml: String) -> String { String(yaml.drop { $0 != "\n" }) }

    @Test func trackerExportImportsBackToTheSamePlan() throws {
        let first = try #require(try Fixture.importedSeed().yaml)
        let (plan, schedule) = try Fixture.scheduled(text: first)
        let exported = try #require(TrackerExport.render(plan: plan, schedule: schedule).text)
        let second = try #require(Interchange.importTracker(text: exported, source: "export.md").yaml)
        #expect(body(second) == body(first))
    }

    @Test func trackerExportStatesTheTrueStatisticsAndUpdatesTheTable() throws {
        let (plan, schedule) = try Fixture.scheduled(text: try #require(try Fixture.importedSeed().yaml))
        let text = try #require(TrackerExport.render(plan: plan, schedule: schedule).text)
        #expect(text.contains("- Total Constraints: 18\n- Critical: 5\n- High: 6\n- Medium: 6\n- Low: 1\n"))
        // NATS: its chosen option (2-3w, mean 2.5) is Phase 3's messaging layer, from
        // t = 4 to 6.5 (week 7), on the critical path; target week 2: 4.5 weeks late.
        #expect(text.contains("| NATS Protocol | 🔴 CRITICAL | In Design | Architecture | Week 2 | 20% | Week 7 | Yes | 4.5 weeks |"))
        #expect(text.contains("| Zero Downtime | 🔴 CRITICAL | Planning | DevOps | Ongoing | 10% | Week 1 | No | No target |"))
        let reimported = Interchange.importTracker(text: text, source: "export.md").diagnostics
        #expect(!reimported.contains { $0.id == "statistics-mismatch" })
    }

    /// The options go back as "Option N:" bullets under one Timeline, and the work
    /// the phases name once more as one activity of its phase.
    @Test func trackerExportWritesOptionsAndEachPieceOfWorkOnce() throws {
        let (plan, schedule) = try Fixture.scheduled(text: try #require(try Fixture.importedSeed().yaml))
        let text = try #require(TrackerExport.render(plan: plan, schedule: schedule).text)
        #expect(text.contains("""
            - **Mitigation**:
              - Option 1: EventBridge + SQS/SNS for pub/sub patterns
              - Option 2: Self-managed NATS on ECS with persistent volumes
              - Option 3: Hybrid approach with protocol translation layer
            - **Timeline**: 2-3 weeks for implementation

            """))
        let lines = text.split(separator: "\n")
        for activity in ["Implement new messaging layer", "Migrate hive mind to Aurora", "Request quota increases", "AWS training for team"] {
            #expect(lines.filter { $0 == "   - \(activity)" }.count == 1, "\(activity)")
        }
        #expect(!text.contains("Mitigation: "))
    }

    /// A choice other than the first and an option's own estimate are written as
    /// marks ("(chosen)", "(estimate 3w)") that the import reads back.
    @Test func optionsWithTheirOwnEstimateAndChoiceComeBack() throws {
        let first = try #require(Interchange.importTracker(text: TrackerImportTests.optionsTracker, source: "t.md").yaml)
        let (plan, schedule) = try Fixture.scheduled(text: first)
        let exported = try #require(TrackerExport.render(plan: plan, schedule: schedule).text)
        #expect(exported.contains("  - Option 1: EventBridge (estimate 3w)\n  - Option 2: NATS on ECS (chosen)\n  - Keep the client library\n- **Timeline**: 2 weeks\n"))
        let second = try #require(Interchange.importTracker(text: exported, source: "export.md").yaml)
        #expect(body(second) == body(first))
    }

    /// A hand-written plan: a mitigation beside the options, an option with two
    /// tasks and a risk. With no single Timeline, every option carries its estimate;
    /// what the tracker cannot hold is named.
    @Test func optionsBesideOtherMitigationsKeepTheirEstimates() throws {
        let (plan, schedule) = try Fixture.scheduled(text: """
            plan: Mixed
            constraints:
              - id: nats
                title: NATS is not offered
                mitigations:
                  - {id: design, title: Design the replacement, duration: 1w}
                options:
                  - id: eb
                    title: "Option 1: EventBridge"
                    chosen: true
                    mitigations: [{id: eb-build, duration: 2-3w}]
                  - id: ecs
                    title: NATS on ECS
                    mitigations: [{id: cluster, duration: 2w}, {id: endpoints, duration: 2d}]
                    risks: [{id: slow, title: Slow disks, probability: 10%, impact: 1w}]
            """)
        let exported = TrackerExport.render(plan: plan, schedule: schedule)
        let text = try #require(exported.text)
        #expect(text.contains("""
            - **Mitigation**:
              - Option 1: EventBridge (estimate 2-3w) (chosen)
              - Option 2: NATS on ECS (estimate 2w)
              - Design the replacement (estimate 1w)

            """))
        #expect(exported.diagnostics.map(\.message).filter { $0.contains("option 'ecs'") || $0.contains("beside its options") } == [
            "option 'ecs' of 'nats' has 2 tasks (the bullet carries the first one's estimate) and risks; the tracker holds one bullet per option, so the rest is left out",
            "constraint 'nats' has 1 mitigation beside its options; the tracker lists them under Mitigation with their estimates and gives no single Timeline",
        ])
        // Chosen in the plan, not for want of a mark: said so. Every option has its
        // own estimate, so the missing Timeline is no default.
        let reimported = Interchange.importTracker(text: text, source: "export.md")
        let back = try #require(reimported.plan)
        #expect(back.constraints[0].choices.map { $0.tasks[0].estimate } == [Estimate(optimistic: 2, mostLikely: 2.5, pessimistic: 3), .fixed(2)])
        #expect(back.constraints[0].chosen == 0 && back.constraints[0].choices[0].why == "Marked (chosen) in the tracker.")
        #expect(!reimported.diagnostics.contains { $0.message.contains("has no Timeline") })
    }

    /// Options with work (one chosen) and an option noted as a string, written by
    /// PlanYAML and read back: the same options, choice, tasks and estimates.
    @Test func planYAMLWritesOptionsThatReadBack() throws {
        let (plan, _) = try Fixture.scheduled(text: """
            plan: Options
            phases:
              - {id: build, weeks: 1-4}
            constraints:
              - id: nats
                title: NATS is not offered
                options:
                  - Rewrite everything in a weekend
                  - id: eventbridge
                    title: EventBridge
                    mitigations:
                      - {id: eb, duration: 2-3w, phase: build, notes: [one]}
                  - id: ecs
                    title: NATS on ECS
                    chosen: true
                    why: "Keeps the client code"
                    mitigations:
                      - {id: cluster, duration: 1w}
                      - {id: endpoints, duration: 2d, after: [cluster]}
            tasks:
              - {id: after-nats, duration: 1w, after: [nats]}
            """)
        let yaml = PlanYAML.render(plan)
        let (back, schedule) = try Fixture.scheduled(text: yaml)
        let c = back.constraints[0]
        #expect(c.options == ["Rewrite everything in a weekend"])
        #expect(c.choices.map(\.id) == ["eventbridge", "ecs"] && c.chosen == 1 && c.choices.map(\.markedChosen) == [false, true])
        #expect(c.choices[1].why == "Keeps the client code")
        #expect(c.choices.map { $0.tasks.map(\.id) } == [["eb"], ["cluster", "endpoints"]])
        #expect(c.choices[0].tasks[0].estimate == Estimate(optimistic: 2, mostLikely: 2.5, pessimistic: 3) && c.choices[0].tasks[0].notes == ["one"])
        #expect(c.mitigations.map { back.tasks[$0].id } == ["cluster", "endpoints"])
        // cluster 1w, endpoints 0.4w after it, then after-nats 1w: 2.4.
        #expect(abs(schedule.finish - 2.4) < 1e-9)
        #expect(PlanYAML.render(back) == yaml)
    }

    @Test(arguments: ["links.yaml", "finish-to-start.yaml", "calendar.yaml"])
    func mspdiExportImportsBackToTheSameSchedule(fixture: String) throws {
        let (plan, schedule) = try Fixture.scheduled(fixture)
        let xml = try #require(MSPDIExport.render(plan: plan, schedule: schedule).text)
        let imported = Interchange.importMSPDI(text: xml, source: "x.xml")
        let (back, backSchedule) = try Fixture.scheduled(text: try #require(imported.yaml))
        // Project lists tasks in outline order (phases first); the set of tasks is the same.
        #expect(back.tasks.map(\.id).sorted() == plan.tasks.map(\.id).sorted())
        #expect(abs(backSchedule.finish - schedule.finish) < 1e-6)
        for (i, task) in plan.tasks.enumerated() {
            let j = try #require(back.taskIndex(of: task.id))
            for (a, b) in [(schedule.timing.earlyStart[i], backSchedule.timing.earlyStart[j]),
                           (schedule.timing.earlyFinish[i], backSchedule.timing.earlyFinish[j]),
                           (schedule.timing.lateFinish[i], backSchedule.timing.lateFinish[j]),
                           (schedule.timing.totalFloat[i], backSchedule.timing.totalFloat[j])] {
                #expect(abs(a - b) < 1e-6, "\(task.id): \(a) vs \(b)")
            }
            #expect(back.tasks[j].phase == task.phase)
            #expect(back.tasks[j].demands == task.demands)
        }
        #expect(back.owners.map(\.id) == plan.owners.map(\.id))
        #expect(back.owners.map(\.rate) == plan.owners.map(\.rate))
    }
}
