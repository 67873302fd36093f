import Testing
import SlipwayEngine
import SlipwayCore
import SlipwayReports
import SlipwayScheduling

struct ScheduleCSVTests {
    @Test func rowsCarryThePlanNotationAndEscapeCommasAndQuotes() throws {
        let checked = CheckedPlan.load(text: """
            plan: CSV
            start: 2025-01-13
            tasks:
              - {id: a, title: "Design, then \\"review\\"", duration: 1-2w}
              - {id: b, duration: 1w, after: [a, "a SS+1d"]}
            """)
        let plan = try #require(checked.plan), schedule = try #require(checked.schedule)
        let lines = ScheduleCSV.render(plan: plan, schedule: schedule).components(separatedBy: "\r\n")
        #expect(lines[0] == ScheduleCSV.header.joined(separator: ","))
        // a: 1-2w is 1.5w, 0-1.5 (Monday 13 to Wednesday 22 January).
        #expect(lines[1] == "a,\"Design, then \"\"review\"\"\",false,,,,,1-2w,,1.5,0,1.5,0,1.5,0,0,true,2025-01-13,2025-01-22")
        #expect(lines[2] == "b,b,false,,,,,1w,a; a SS+0.2w,1,1.5,2.5,1.5,2.5,0,0,true,2025-01-22,2025-01-29")
        #expect(lines[3].isEmpty)
    }
}
