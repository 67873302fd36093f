import Foundation
import SlipwayEngine
import SlipwayRendering
import Testing

@Suite struct RenderFormatTests {
    static let cases: [(DiagramKind, RenderFormat)] = DiagramKind.allCases.flatMap { kind in
        [RenderFormat.png, .pdf].map { (kind, $0) }
    }

    @Test(arguments: cases)
    func binaryFormatsStartWithTheirMagicBytesAndHaveContent(kind: DiagramKind, format: RenderFormat) throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let data = try Diagram.render(kind, format: format, plan: plan, schedule: schedule).data
        let magic: [UInt8] = format == .png ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] : Array("%PDF-".utf8)
        #expect(Array(data.prefix(magic.count)) == magic)
        #expect(data.count > 5_000)
    }

    /// Cairo stamps PDFs with the time of rendering; the renderer fixes the stamp so
    /// that the same plan gives the same bytes (committed diagrams stay unchanged).
    @Test func pdfIsTheSameBytesEveryRun() throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let first = try Diagram.render(.gantt, format: .pdf, plan: plan, schedule: schedule).data
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Diagram.render(.gantt, format: .pdf, plan: plan, schedule: schedule).data
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains("/CreationDate (D:19700101000000Z)"))
    }

    @Test func defaultFileNamesComeFromThePlan() {
        #expect(Diagram.defaultPath(plan: "plans/aws-migration.yaml", kind: .network, format: .svg)
                == "output/aws-migration-network.svg")
        #expect(Diagram.defaultPath(plan: "x/y.yaml", kind: .gantt, format: .pdf, filter: DiagramFilter(phase: "build", criticalOnly: true))
                == "output/y-gantt-build-critical.pdf")
    }

    /// Graphviz is not thread-safe; renders from parallel tasks must be serialised.
    @Test func parallelRendersDoNotInterfere() async throws {
        let (plan, schedule) = try Fixtures.scheduled("review.yaml")
        let expected = try Diagram.render(.network, format: .svg, plan: plan, schedule: schedule).data
        let results = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 {
                group.addTask { try Diagram.render(.network, format: .svg, plan: plan, schedule: schedule).data }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
