import Foundation
import SlipwayEngine
import SlipwayRendering
import Testing

/// DOT output is compared with files in Golden/. To accept a deliberate change,
/// run `SLIPWAY_UPDATE_GOLDEN=1 swift test --filter Golden` (or `make golden`)
/// and review the diff of Tests/SlipwayRenderingTests/Golden.
@Suite struct GoldenDOTTests {
    @Test(arguments: DiagramKind.allCases)
    func dotOutputMatchesTheGoldenFile(kind: DiagramKind) throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let actual = try Diagram.render(kind, format: .dot, plan: plan, schedule: schedule).data
        let name = "review-\(kind.rawValue).dot"
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["SLIPWAY_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: source)
            return
        }
        let golden = Bundle.module.url(forResource: "Golden", withExtension: nil)!.appendingPathComponent(name)
        let expected = try Data(contentsOf: golden)
        #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                "DOT for \(kind.rawValue) differs from Golden/\(name); if intended, run SLIPWAY_UPDATE_GOLDEN=1 swift test --filter Golden")
    }
}
