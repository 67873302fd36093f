import SlipwayEngine
import SlipwayCore
import SlipwayInterchange
import SlipwayScheduling
import Testing

@Suite struct TrackerImportTests {
    /// Counted by hand from the seed's headings: 18 constraints, 5 critical (1.1, 1.2, 1.4,
    /// 3.1, 4.4), 6 high (1.3, 1.5, 2.2, 3.2, 3.3, 4.1), 6 medium (2.1, 2.3, 2.5, 3.4,
    /// 4.2, 4.3), 1 low (2.4); the table's 10 rows all name a constraint with the
    /// heading's severity, and 8 constraints are not in it.
    @Test func seedConsistencyFindingsAreExactlyTheDocumentsContradictions() throws {
        let imported = try Fixture.importedSeed()
        let findings = imported.diagnostics.filter { ["statistics-mismatch", "severity-mismatch", "unknown-table-row", "missing-from-table"].contains($0.id) }
        let rendered = findings.map { "\($0.location!.line): \($0.id): \($0.message)" }
        #expect(rendered == [
            "13: statistics-mismatch: the statistics claim 25 constraints, but the document holds 18",
            "15: statistics-mismatch: the statistics claim 8 high constraints, but the document holds 6",
            "16: statistics-mismatch: the statistics claim 7 medium constraints, but the document holds 6",
            "17: statistics-mismatch: the statistics claim 5 low constraints, but the document holds 1",
            "69: missing-from-table: 1.5 'State Management' is missing from the resolution table: it has no status, owner, target or progress",
            "83: missing-from-table: 2.1 'ECS Task Limits' is missing from the resolution table: it has no status, owner, target or progress",
            "112: missing-from-table: 2.3 'EventBridge Limits' is missing from the resolution table: it has no status, owner, target or progress",
            "126: missing-from-table: 2.4 'SQS Throughput Limits' is missing from the resolution table: it has no status, owner, target or progress",
            "140: missing-from-table: 2.5 'DynamoDB Partition Limits' is missing from the resolution table: it has no status, owner, target or progress",
            "191: missing-from-table: 3.4 'File System Dependencies' is missing from the resolution table: it has no status, owner, target or progress",
            "216: missing-from-table: 4.2 'Migration Timeline' is missing from the resolution table: it has no status, owner, target or progress",
            "227: missing-from-table: 4.3 'Budget Constraints' is missing from the resolution table: it has no status, owner, target or progress",
        ])
    }

    /// Hand-checked: Phase 3 opens at t = 4; its messaging layer (1.1's chosen option,
    /// 2-3w, PERT mean 2.5) ends at 6.5; 1.1 blocks the migration phase, so the rest
    /// of Phase 3 starts at 6.5, and its five activities without estimates take the
    /// phase window (6w) to 12.5. Phase 4 (t = 10..12) ends earlier.
    @Test func seedImportSchedulesPastTheDeadlineThroughTheMessagingWork() throws {
        let imported = try Fixture.importedSeed()
        let yaml = try #require(imported.yaml)
        let (plan, schedule) = try Fixture.scheduled(text: yaml)
        #expect(plan.constraints.count == 18)
        #expect(plan.deadline == 12)
        #expect(plan.budget == 50000 && plan.currency == "USD")
        #expect(plan.calendar.start?.description == "2025-01-13")
        #expect(plan.phases.map(\.id) == ["pre-migration", "foundation", "migration", "optimization"])
        #expect(abs(schedule.finish - 12.5) < 1e-9)
        let chain = schedule.criticalPath.map { plan.tasks[$0].id }
        #expect(chain.first == "eventbridge-sqs-sns")
        #expect(chain.count == 2)
        let unestimated = ["start-with-stateless-components", "load-testing-at-each-stage", "monitor-service-limits", "cost-tracking", "performance-benchmarking"]
        #expect(unestimated.contains(chain.last ?? ""))
        let nats = try #require(plan.constraints.firstIndex { $0.id == "protocol-incompatibility" })
        #expect(schedule.criticalChain.map(\.node).contains(.resolution(nats)))
        // The agents wait for the messaging layer (the block) and follow it: 6.5 + 3.5 = 10.
        let agents = try #require(plan.taskIndex(of: "container-based-agent-system"))
        #expect(abs(schedule.timing.earlyStart[agents] - 6.5) < 1e-9 && abs(schedule.timing.earlyFinish[agents] - 10) < 1e-9)
    }

    /// 1.1's three "Option N:" bullets (lines 28-30) are its options; its one timeline
    /// (line 31, "2-3 weeks for implementation") is every option's estimate, and the
    /// first is chosen because the tracker does not say which it takes.
    @Test func seedImportsTheThreeNATSOptions() throws {
        let imported = try Fixture.importedSeed()
        let plan = try #require(imported.plan)
        let nats = try #require(plan.constraints.first { $0.id == "protocol-incompatibility" })
        #expect(nats.choices.map(\.id) == ["eventbridge-sqs-sns", "self-managed-nats", "hybrid-approach-protocol"])
        #expect(nats.choices.map(\.title) == ["EventBridge + SQS/SNS for pub/sub patterns", "Self-managed NATS on ECS with persistent volumes",
                                             "Hybrid approach with protocol translation layer"])
        #expect(nats.chosen == 0 && nats.choices.map(\.markedChosen) == [true, false, false])
        #expect(nats.choices[0].why?.contains("does not say which it takes") == true)
        #expect(nats.options.isEmpty)
        for option in nats.choices {
            #expect(option.tasks.count == 1)
            #expect(option.tasks.first?.estimate == Estimate(optimistic: 2, mostLikely: 2.5, pessimistic: 3))
            #expect(option.tasks.first?.phase == "migration")
            #expect(option.tasks.first?.title == "Implement new messaging layer: \(option.title)")
        }
        // The chosen option's task is the constraint's one mitigation in the plan.
        #expect(nats.mitigations.map { plan.tasks[$0].id } == ["eventbridge-sqs-sns"])
        let warnings = imported.diagnostics.filter { ["assumed-choice", "shared-timeline"].contains($0.id) }
        #expect(warnings.map { "\($0.location!.line): \($0.id)" } == ["28: assumed-choice", "31: shared-timeline"])
        #expect(warnings.last?.message.contains("gives one timeline, '2-3 weeks for implementation', for its 3 options; each option is given 2-3w") == true)
    }

    /// Hand-checked against the matcher's rules (at least two discriminating shared
    /// words, one in the constraint's Mitigation bullets; best score first). For
    /// example 1.3 goes to "Implement basic configuration system" (configuration:
    /// in 2 of the 18 constraints, in 1.3's sentence and bullets, 3 ln(1 + 18/2);
    /// system: in 5, in its sentence and "AWS Systems Manager" bullet, 3 ln(1 + 18/5);
    /// 11.49), not to "Create service abstraction layer" (abstraction 2 ln(1 + 18/3)
    /// and layer 2 ln(1 + 18/5): 6.94), which then goes to 3.1.
    @Test func seedPlansEachPieceOfWorkOnce() throws {
        let imported = try Fixture.importedSeed()
        let plan = try #require(imported.plan)
        let expected: [(line: Int, heading: Int, activity: String, constraint: String, words: String)] = [
            (255, 45, "Implement basic configuration system", "configuration-management-gap", "configuration, system"),
            (256, 57, "Add authentication framework", "authentication-layer-missing", "add, authentication"),
            (257, 155, "Create service abstraction layer", "service-discovery", "service, abstraction"),
            (260, 204, "AWS training for team", "team-aws-experience", "aws, training, team"),
            (272, 83, "Request quota increases", "ecs-task-limits", "request, quota, increases"),
            (279, 179, "Migrate hive mind to Aurora", "local-hive-mind-dependency", "migrate, hive, mind, aurora"),
            (280, 21, "Implement new messaging layer", "protocol-incompatibility", "messaging, layer"),
            (281, 33, "Container-based agent system", "process-spawning-model", "container, agent, system"),
        ]
        let matched = imported.diagnostics.filter { $0.id == "matched-activity" }
        #expect(matched.map { $0.location!.line } == expected.map(\.line))
        for (warning, pair) in zip(matched, expected) {
            let c = try #require(plan.constraints.first { $0.id == pair.constraint })
            #expect(warning.message.hasPrefix("'\(pair.activity)'") && warning.message.contains("(shared words: \(pair.words))"))
            #expect(warning.notes.map { $0.location?.line } == [pair.heading])
            // One task: the constraint's mitigation, in the activity's phase, and no free activity beside it.
            let task = plan.tasks[c.mitigations[0]]
            #expect(task.title.hasPrefix(pair.activity) && task.phase != nil)
            #expect(!plan.tasks.contains { $0.constraint == nil && $0.title == pair.activity })
            #expect(!plan.tasks.contains { $0.title == "Mitigation: \(c.name ?? "")" })
        }
        // 18 constraints' work and 26 activities, 8 of which are that work: 36 tasks.
        #expect(plan.tasks.count == 36)
        #expect(Set(plan.tasks.map(\.title)).count == 36)
        // Auto-scaling is in the bullets of 2.5 and 3.2 alike: said, not guessed.
        let tie = try #require(imported.diagnostics.first { $0.id == "ambiguous-activity" })
        #expect(tie.location?.line == 293 && tie.notes.map { $0.location?.line } == [140, 167])
        #expect(plan.tasks.contains { $0.title == "Implement auto-scaling" && $0.constraint == nil && $0.phase == "optimization" })
    }

    /// Each contradiction at the statement it questions, with a note at the one it
    /// contradicts: 1.1 blocks the migration yet its work is in it (26/280); 4.1's
    /// "Ongoing" against its target week 2 (214/309); targets of weeks 2, 3 and 4 for
    /// work Phase 3 places in weeks 5-10 (300/280, 301/281, 308/279); quota
    /// increases "this week" against Phase 2 (327/272); container agents prototyped
    /// in week 2 against Phase 3 (331/281).
    @Test func seedContradictionsAreReportedAtTheirLines() throws {
        let findings = try Fixture.importedSeed().diagnostics.filter {
            ["blocks-own-phase", "open-timeline-target", "phase-after-target", "action-before-phase"].contains($0.id)
        }
        #expect(findings.map { "\($0.location!.line)/\($0.notes.compactMap { $0.location?.line })" } == [
            "26/[280]", "214/[309]", "300/[280]", "301/[281]", "308/[279]", "327/[272]", "331/[281]",
        ])
        #expect(findings.map(\.id) == ["blocks-own-phase", "open-timeline-target", "phase-after-target", "phase-after-target",
                                       "phase-after-target", "action-before-phase", "action-before-phase"])
        #expect(findings[1].message.contains("has the timeline 'Ongoing', which has no end, but the resolution table gives it a target of week 2"))
        #expect(findings[4].message.contains("target for 'Hive Mind DB' (3.3) is week 4, but the phases place its work, 'Migrate hive mind to Aurora', in Phase 3: Migration (weeks 5-10)"))
        #expect(findings[5].message.contains("'Request initial quota increases' (Immediate Actions, due by week 1) comes before its phase"))
    }

    @Test func tableRowsMapToTheirConstraints() throws {
        let plan = try #require(try Fixture.importedSeed().plan)
        func row(_ id: String) -> Constraint { plan.constraints.first { $0.id == id }! }
        #expect(row("protocol-incompatibility").label == "NATS Protocol")
        #expect(row("process-spawning-model").label == "Process Spawning")
        #expect(row("uncontrolled-agent-spawning").label == "Agent Spawning")
        #expect(row("configuration-management-gap").label == "Configuration Mgmt")
        #expect(row("local-hive-mind-dependency").label == "Hive Mind DB")
        let nats = row("protocol-incompatibility")
        #expect(nats.status == "in-design" && nats.owner == "architecture" && nats.target == 2 && nats.progress == 20)
        #expect(nats.choices.count == 3 && nats.blocks.map(\.id) == ["migration"])
        #expect(plan.tasks[nats.mitigations[0]].estimate == Estimate(optimistic: 2, mostLikely: 2.5, pessimistic: 3))
        #expect(row("team-aws-experience").owner == "management")
        #expect(plan.referent(of: "core-team")?.owner.map { plan.owners[$0].name } == "Core Team")
    }

    @Test func unmappedContentIsReportedWithItsLine() throws {
        let warnings = try Fixture.importedSeed().diagnostics
        func has(_ line: Int, _ text: String) -> Bool {
            warnings.contains { $0.location?.line == line && $0.message.contains(text) }
        }
        #expect(has(3, "Document Version"))
        #expect(has(83, "has no Timeline"))
        #expect(has(214, "timeline 'Ongoing'"))
        #expect(has(248, "timeline 'Throughout migration'"))
        #expect(has(304, "target 'Ongoing'"))
        #expect(has(313, "7. Success Criteria"))
        #expect(has(323, "8. Next Steps"))
        #expect(has(252, "have no estimates"))
    }

    @Test func contradictionsBetweenHeadingAndTableAreFound() throws {
        let text = try Fixture.seed()
            .replacingOccurrences(of: "| Hive Mind DB | 🟠 HIGH |", with: "| Hive Mind DB | 🟡 MEDIUM |")
            .replacingOccurrences(of: "| Team Experience |", with: "| Quantum Flux |")
        let findings = Interchange.importTracker(text: text, source: "t.md").diagnostics
        let severity = findings.filter { $0.id == "severity-mismatch" }
        #expect(severity.count == 1 && severity[0].location?.line == 308)
        #expect(severity.first?.message.contains("MEDIUM in the table but HIGH in its heading 3.3") == true)
        let unknown = findings.filter { $0.id == "unknown-table-row" }
        #expect(unknown.map { $0.location?.line } == [309])
        // Team AWS Experience (4.1) lost its row, so it is missing from the table too.
        #expect(findings.filter { $0.id == "missing-from-table" }.count == 9)
    }

    /// An option may carry its own estimate and the choice; the others share the
    /// timeline. Only Option 2 shares it here, so nothing is said about sharing.
    static let optionsTracker = """
        # T

        ## 1. Technical Constraints

        ### 1.1 Messaging 🔴 CRITICAL

        **Constraint**: NATS is not offered
        - **Mitigation**:
          - Option 1: EventBridge (estimate 3w)
          - Option 2: NATS on ECS (chosen)
          - Keep the client library
        - **Timeline**: 2 weeks

        """

    @Test func optionsCarryTheirOwnEstimatesAndTheChoice() throws {
        let imported = Interchange.importTracker(text: Self.optionsTracker, source: "t.md")
        let plan = try #require(imported.plan)
        let c = plan.constraints[0]
        #expect(c.choices.map(\.id) == ["eventbridge", "nats-ecs"])
        #expect(c.choices.map { $0.tasks[0].estimate } == [.fixed(3), .fixed(2)])
        #expect(c.chosen == 1 && c.choices[1].why == "Marked (chosen) in the tracker." && c.choices[0].why == nil)
        #expect(c.choices.allSatisfy { $0.tasks[0].notes == ["Keep the client library"] && $0.tasks[0].phase == nil })
        #expect(c.mitigations.map { plan.tasks[$0].id } == ["nats-ecs"])
        #expect(!imported.diagnostics.contains { ["assumed-choice", "shared-timeline"].contains($0.id) })
    }

    /// The activity on line 16 is 1.1's mitigation (migrate, aurora in its bullet;
    /// hive, mind in its sentence): one task, with the timeline's 2 weeks, not its own 3.
    @Test func anActivitysOwnEstimateGivesWayToItsConstraintsTimeline() throws {
        let text = """
            # T

            ## 1. Technical Constraints

            ### 1.1 Hive Mind 🟠 HIGH

            **Constraint**: Hive mind uses SQLite
            - **Mitigation**:
              - Migrate to Aurora
            - **Timeline**: 2 weeks

            ## 2. Risk Mitigation Matrix

            ### Phase 1: Migration (Weeks 1-4)
            1. **Work**:
               - Migrate hive mind to Aurora (estimate 3w)
               - Write the runbook

            """
        let imported = Interchange.importTracker(text: text, source: "t.md")
        let plan = try #require(imported.plan)
        #expect(plan.tasks.map(\.id) == ["migrate-hive-mind-to-aurora", "write-the-runbook"])
        #expect(plan.tasks[0].estimate == .fixed(2) && plan.tasks[0].phase == "migration" && plan.tasks[0].constraint == 0)
        #expect(plan.tasks[1].estimate == .fixed(4) && plan.tasks[1].constraint == nil)
        let mismatch = try #require(imported.diagnostics.first { $0.id == "estimate-mismatch" })
        #expect(mismatch.location?.line == 16 && mismatch.notes.map { $0.location?.line } == [10])
        let matched = try #require(imported.diagnostics.first { $0.id == "matched-activity" })
        #expect(matched.location?.line == 16 && matched.notes.map { $0.location?.line } == [5])
    }

    @Test(arguments: [("2-3 weeks for implementation", 2.0, 3.0), ("3-4 weeks", 3, 4), ("2 weeks", 2, 2), ("1 week", 1, 1), ("3 days", 0.6, 0.6)])
    func timelinesBecomeEstimates(text: String, optimistic: Double, pessimistic: Double) throws {
        let yaml = "### 1.1 X 🔴 CRITICAL\n\n**Constraint**: x\n- **Timeline**: \(text)\n"
        let plan = try #require(Interchange.importTracker(text: "# T\n\n## 1. Technical Constraints\n\n" + yaml, source: "t").plan)
        #expect(abs(plan.tasks[0].estimate.optimistic - optimistic) < 1e-12)
        #expect(abs(plan.tasks[0].estimate.pessimistic - pessimistic) < 1e-12)
    }
}
