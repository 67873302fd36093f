import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

/// `late` and `lateBy` mean the same in every JSON output: `late` is a Bool;
/// `lateBy` is weeks (a positive number) when late and `null` when not; the same
/// for their `...Before` pair in the slip report, and for a `lateBy` alone.
struct LatenessInOutputsTests {
    /// A JSON value read strictly: `true` is not a number, nor `1` a Bool.
    enum Value: Decodable {
        case null, bool(Bool), number(Double), string(String), array([Value]), object([String: Value])

        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null }
            else if let b = try? single.decode(Bool.self) { self = .bool(b) }
            else if let n = try? single.decode(Double.self) { self = .number(n) }
            else if let s = try? single.decode(String.self) { self = .string(s) }
            else if let a = try? single.decode([Value].self) { self = .array(a) }
            else { self = .object(try single.decode([String: Value].self)) }
        }
    }

    /// What is wrong with the lateness keys of every object in `json`, and how many
    /// objects were late and on time, so that a test can require both to be seen.
    struct Findings {
        var problems: [String] = []
        var late = 0, onTime = 0
    }

    func findings(in json: String) throws -> Findings {
        var found = Findings()
        func visit(_ value: Value) {
            switch value {
            case .array(let items): items.forEach(visit)
            case .object(let members):
                for (lateKey, byKey) in [("late", "lateBy"), ("lateBefore", "lateByBefore")] {
                    switch (members[lateKey], members[byKey]) {
                    case (nil, nil), (nil, .null?): break
                    case (.bool(false), .null?): found.onTime += 1
                    case (.bool(true), .number(let by)?) where by > Timing.criticalTolerance: found.late += 1
                    case (nil, .number(let by)?) where by > Timing.criticalTolerance: break
                    case let (late, by):
                        found.problems.append("\(lateKey) \(late.map { "\($0)" } ?? "absent") with \(byKey) \(by.map { "\($0)" } ?? "absent")")
                    }
                }
                members.values.forEach(visit)
            default: break
            }
        }
        visit(try JSONDecoder().decode(Value.self, from: Data(json.utf8)))
        return found
    }

    func load(level: Bool = false) throws -> (Plan, Schedule) {
        let checked = CheckedPlan.load(path: AWSPlanGoldenTests.planPath)
        let scheduled = level ? checked.leveled() : checked
        return (try #require(scheduled.plan), try #require(scheduled.schedule))
    }

    @Test(arguments: [false, true])
    func scheduleTasksConstraintsAndDeadline(leveled: Bool) throws {
        let (plan, schedule) = try load(level: leveled)
        let found = try findings(in: ScheduleJSON.render(plan: plan, schedule: schedule))
        #expect(found.problems == [])
        #expect(found.late > 0 && found.onTime > 0)
    }

    @Test func slipConstraintsBeforeAndAfter() throws {
        let (plan, schedule) = try load()
        let task = try #require(plan.taskIndex(of: "nats-replacement"))
        let result = try SlipAnalysis.analyze([.init(task: task, by: 1)], whatIf: WhatIf(plan: plan, schedule: schedule),
                                              base: schedule.timing).get()
        let found = try findings(in: SlipReport.renderJSON(plan: plan, result: result))
        #expect(found.problems == [])
        #expect(found.late > 0 && found.onTime > 0)
    }

    @Test func varianceMissedTargets() throws {
        let (plan, schedule) = try load()
        let baseline = Baseline(plan: plan, schedule: schedule, name: "default", planFile: "aws-migration.yaml",
                                planHash: "", progressHash: nil, savedAt: "2026-01-01T00:00:00Z")
        let variance = try Variance.compute(plan: plan, schedule: schedule, baseline: baseline, path: "b", planHash: nil).get()
        // Missed targets are late by definition: only the late side can be seen here.
        let found = try findings(in: VarianceReport.renderJSON(plan: plan, variance: variance))
        #expect(found.problems == [])
        #expect(found.late > 0)
    }

    /// The check itself can fail: a number for `late`, a `lateBy` that is not null
    /// when on time, a zero `lateBy` when late.
    @Test(arguments: [
        #"{"tasks": [{"late": 1, "lateBy": 1}]}"#,
        #"{"tasks": [{"late": false, "lateBy": 0}]}"#,
        #"{"constraints": [{"lateBefore": true, "lateByBefore": 0}]}"#,
        #"{"lateBy": -1}"#,
    ])
    func inconsistentLatenessIsCaught(json: String) throws {
        #expect(try findings(in: json).problems.count == 1)
    }
}
