import Foundation
import Testing

/// Compares output with a file under Golden/. With SLIPWAY_UPDATE_GOLDEN=1 the file
/// is rewritten instead (`make golden`), to be reviewed in the diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SLIPWAY_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(e, a)).firstIndex { $0 != $1 } ?? min(e.count, a.count)
            Issue.record("\(name) differs from its golden file at line \(line + 1):\n expected: \(line < e.count ? String(e[line]) : "<end>")\n   actual: \(line < a.count ? String(a[line]) : "<end>")\nRun `make golden` and review the diff if the change is intended.", sourceLocation: sourceLocation)
        }
    }
}
