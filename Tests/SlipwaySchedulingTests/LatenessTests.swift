import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// One rule for "late": more than the critical tolerance past due.
struct LatenessTests {
    @Test(arguments: [
        (5.0, 4.0 as Double?, 1.0 as Double?),
        (4.0, 4.0, nil),
        (4.0 + 5e-10, 4.0, nil),  // float noise, not lateness
        (4.0 + 2e-9, 4.0, 2e-9),
        (3.0, 4.0, nil),          // early is on time, never negative lateness
        (9.0, nil, nil),          // nothing due
    ])
    func lateOnlyBeyondTheTolerance(finish: Double, due: Double?, lateBy: Double?) throws {
        let lateness = Lateness(finish: finish, due: due)
        #expect(lateness.late == (lateBy != nil))
        if let lateBy {
            #expect(abs(try #require(lateness.lateBy) - lateBy) < 1e-15)
        } else {
            #expect(lateness.lateBy == nil)
        }
    }

    struct Row: Encodable {
        var id: String
        var lateness: Lateness
        var after = true
    }

    @Test func encodesLateThenLateByInPlace() {
        #expect(JSONOutput.encode([Row(id: "a", lateness: Lateness(finish: 5, due: 4)), Row(id: "b", lateness: Lateness(finish: 3, due: 4))]) == """
            [
              {
                "id": "a",
                "late": true,
                "lateBy": 1,
                "after": true
              },
              {
                "id": "b",
                "late": false,
                "lateBy": null,
                "after": true
              }
            ]

            """)
    }

    @Test func resolutionsAndTargetsUseTheRule() throws {
        let checked = CheckedPlan.load(text: """
            plan: Targets
            deadline: week 2
            constraints:
              - id: missed
                target: week 1
                mitigations: [{id: m1, duration: 2w}]
              - id: met
                target: week 3
                mitigations: [{id: m2, duration: 2w}]
              - id: open
                mitigations: [{id: m3, duration: 2w}]
            tasks:
              - {id: t, duration: 3w, due: week 2}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        #expect(schedule.resolutions.map(\.lateness) == [Lateness(finish: 2, due: 1), Lateness(finish: 2, due: 3), Lateness(finish: 2, due: nil)])
        #expect(schedule.resolutions.map(\.lateBy) == [1, nil, nil])
        #expect(schedule.lateness(task: try #require(plan.taskIndex(of: "t")), in: plan).lateBy == 1)
        #expect(schedule.lateness(in: plan).lateBy == 1)
    }
}
