import Testing
import SlipwayEngine
@testable import SlipwayCore

/// Every progress inconsistency is reported at the line of the field at fault.
struct ProgressCheckTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var yaml: String
        var id: String
        var severity: Diagnostic.Severity
        var line: Int
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "finish before start", yaml: """
            plan: P
            status-date: week 4
            tasks:
              - id: a
                duration: 2w
                actual-start: week 3
                actual-finish: week 1
            """, id: "progress-finish-before-start", severity: .error, line: 7),
        Case(name: "a percentage on a milestone", yaml: """
            plan: P
            status-date: week 2
            tasks:
              - id: m
                milestone: true
                progress: 50
            """, id: "progress-milestone", severity: .error, line: 6),
        Case(name: "a percentage that nothing dates", yaml: """
            plan: P
            tasks:
              - id: a
                duration: 2w
                progress: 40
            """, id: "progress-undated", severity: .warning, line: 5),
        Case(name: "100% done without a finish date or status date", yaml: """
            plan: P
            tasks:
              - id: a
                duration: 2w
                progress: 100
            """, id: "progress-done-undated", severity: .error, line: 5),
        Case(name: "actual start after the status date", yaml: """
            plan: P
            status-date: week 3
            tasks:
              - id: a
                duration: 2w
                actual-start: week 5
            """, id: "progress-after-status-date", severity: .error, line: 6),
        Case(name: "actual finish after the status date", yaml: """
            plan: P
            status-date: week 3
            tasks:
              - id: a
                duration: 2w
                actual-start: week 1
                actual-finish: week 4
            """, id: "progress-after-status-date", severity: .error, line: 7),
        Case(name: "finished but not 100%", yaml: """
            plan: P
            status-date: week 3
            tasks:
              - id: a
                duration: 2w
                actual-finish: week 2
                progress: 40
            """, id: "progress-finished-incomplete", severity: .error, line: 7),
        Case(name: "finished with work remaining", yaml: """
            plan: P
            status-date: week 3
            tasks:
              - id: a
                duration: 2w
                actual-finish: week 2
                remaining: 1w
            """, id: "progress-finished-remaining", severity: .error, line: 7),
        Case(name: "progress before an unstarted predecessor", yaml: """
            plan: P
            status-date: week 3
            tasks:
              - id: a
                duration: 2w
              - id: b
                duration: 1w
                after:
                  - a
                progress: 50
            """, id: "progress-before-predecessor", severity: .warning, line: 9),
    ]

    @Test(arguments: cases)
    func inconsistentProgressIsReportedAtItsLine(_ c: Case) {
        let result = PlanLoader.load(text: c.yaml)
        let found = result.diagnostics.filter { $0.id == c.id }
        #expect(found.count == 1, "\(result.diagnostics)")
        #expect(found.first?.severity == c.severity)
        #expect(found.first?.location?.line == c.line)
    }

    @Test func consistentProgressLoadsWithoutFindings() {
        let result = PlanLoader.load(text: """
            plan: P
            status-date: week 3
            tasks:
              - id: a
                duration: 2w
                actual-start: week 1
                actual-finish: week 2
                progress: 100
              - id: b
                duration: 2w
                after: [a]
                actual-start: week 3
                progress: 50
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.plan?.tasks[0].progress.actualFinish == 2)
        #expect(result.plan?.tasks[1].progress.actualStart == 2)
    }
}
