import Foundation
import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
@testable import SlipwayReports

/// The slip report names the finish move, the moved tasks and the deadline status.
struct SlipReportTests {
    @Test func slipReportStatesFinishMovesAndDeadline() throws {
        let checked = CheckedPlan.load(text: """
            plan: Two
            deadline: week 4
            tasks:
              - id: a
                duration: 2w
              - id: b
                duration: 2w
                after: [a]
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let result = try SlipAnalysis.analyze([.init(task: 0, by: 1)], whatIf: WhatIf(plan: plan, schedule: schedule), base: schedule.timing).get()
        let text = SlipReport.render(plan: plan, result: result)
        #expect(text.contains("Finish: week 4 -> week 5 (+1w)"))
        #expect(text.contains("Deadline week 4: NOW MISSED by 1w"))
        #expect(text.contains("Tasks that move (2)"))
        let json = SlipReport.renderJSON(plan: plan, result: result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["finishDelta"] as? Double == 1)
        #expect(object["criticalPath"] as? [String] == ["a", "b"])
    }
}
