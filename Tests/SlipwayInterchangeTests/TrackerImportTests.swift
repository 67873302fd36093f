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

    @Test func seedImportPassesCheckAndSchedulesToTheDeadline() throws {
        let imported = try Fixture.importedSeed()
        let yaml = try #require(imported.yaml)
        let (plan, schedule) = try Fixture.scheduled(text: yaml)
        #expect(plan.constraints.count == 18)
        #expect(plan.deadline == 12)
        #expect(plan.budget == 50000 && plan.currency == "USD")
        #expect(plan.calendar.start?.description == "2025-01-13")
        #expect(plan.phases.map(\.id) == ["pre-migration", "foundation", "migration", "optimization"])
        // Phase 4 activities span weeks 11-12 (t = 10..12), the latest work in the plan.
        #expect(abs(schedule.finish - 12) < 1e-9)
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
        #expect(nats.options.count == 3 && nats.blocks.map(\.id) == ["migration"])
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

    @Test(arguments: [("2-3 weeks for implementation", 2.0, 3.0), ("3-4 weeks", 3, 4), ("2 weeks", 2, 2), ("1 week", 1, 1), ("3 days", 0.6, 0.6)])
    func timelinesBecomeEstimates(text: String, optimistic: Double, pessimistic: Double) throws {
        let yaml = "### 1.1 X 🔴 CRITICAL\n\n**Constraint**: x\n- **Timeline**: \(text)\n"
        let plan = try #require(Interchange.importTracker(text: "# T\n\n## 1. Technical Constraints\n\n" + yaml, source: "t").plan)
        #expect(abs(plan.tasks[0].estimate.optimistic - optimistic) < 1e-12)
        #expect(abs(plan.tasks[0].estimate.pessimistic - pessimistic) < 1e-12)
    }
}
