import Foundation
import SlipwayEngine
import SlipwayRendering
import SlipwayTestSupport
import Testing

/// DOT output is compared with files in Golden/. To accept a deliberate change, run
/// `make golden` and review the diff of Tests/SlipwayRenderingTests/Golden.
@Suite struct GoldenDOTTests {
    @Test(arguments: DiagramKind.allCases)
    func dotOutputMatchesTheGoldenFile(kind: DiagramKind) throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let dot = try Diagram.render(kind, format: .dot, plan: plan, schedule: schedule).data
        Golden.check(String(decoding: dot, as: UTF8.self), against: "review-\(kind.rawValue).dot")
    }
}
