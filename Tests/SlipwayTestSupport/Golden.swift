import Foundation
import Testing

/// Golden files: outputs people read (tables, exports, diagrams, help text), kept as
/// reviewed files in a `Golden/` folder beside the tests that produce them.
///
/// `make golden` runs the tests with `SLIPWAY_UPDATE_GOLDEN=1`, which rewrites the
/// files from the current code instead of comparing; the change is then reviewed in
/// `git diff`, never accepted unseen.
public enum Golden {
    /// Whether this run rewrites golden files rather than checking them.
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["SLIPWAY_UPDATE_GOLDEN"] == "1" }

    /// Checks `actual` byte for byte against `Golden/<name>` in the folder of the calling
    /// test file, or rewrites that file when `isUpdating`.
    ///
    /// The comparison is on UTF-8 bytes, not `String` equality: Swift's `==` treats
    /// canonically equivalent text (a precomposed "é" and "e" + accent) as equal, and a
    /// golden file exists to catch exactly such unannounced changes in the output.
    ///
    /// A difference, a missing file or a failed write is recorded as an issue at the
    /// caller's line, naming the file and showing the first line that differs.
    ///
    /// - Parameters:
    ///   - actual: The output under test.
    ///   - name: The golden file's name inside `Golden/`, such as `help-check.txt`.
    ///   - testFile: The calling test file, whose folder holds `Golden/`; leave the default.
    ///   - sourceLocation: Where a difference is reported; leave the default.
    public static func check(
        _ actual: String, against name: String,
        testFile: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        let actualBytes = Data(actual.utf8)
        let expectedBytes = try? Data(contentsOf: url)
        if isUpdating {
            guard expectedBytes != actualBytes else { return }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actualBytes.write(to: url, options: .atomic)
            } catch {
                Issue.record("could not rewrite the golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expectedBytes else {
            Issue.record("""
                there is no golden file \(url.path); run `make golden` to write it from the current output, \
                and review it before committing
                """, sourceLocation: sourceLocation)
            return
        }
        guard expectedBytes != actualBytes else { return }
        Issue.record("""
            \(name) differs from its golden file \(url.path)
            \(firstDifference(expected: expectedBytes, actual: actualBytes))
            If the change is intended, run `make golden` and review the diff.
            """, sourceLocation: sourceLocation)
    }

    /// The first line at which two texts differ, each version quoted with its line
    /// ending and escapes, so that a missing final newline, a trailing space, a tab or
    /// a carriage return can be seen.
    static func firstDifference(expected: Data, actual: Data) -> String {
        let expectedLines = lines(of: expected), actualLines = lines(of: actual)
        let common = min(expectedLines.count, actualLines.count)
        let index = (0..<common).first { expectedLines[$0] != actualLines[$0] } ?? common
        func quoted(_ lines: [Data], _ end: String) -> String {
            index < lines.count ? String(reflecting: String(decoding: lines[index], as: UTF8.self)) : "(end of \(end))"
        }
        return """
              at line \(index + 1):
              expected: \(quoted(expectedLines, "the golden file"))
                actual: \(quoted(actualLines, "the output"))
            """
    }

    /// Lines with their terminating newline kept. Split on the byte 0x0A rather than on
    /// the Character "\n": in a Swift String "\r\n" is one Character, so a CRLF file
    /// (iCalendar) would otherwise read as a single line.
    static func lines(of text: Data) -> [Data] {
        var lines: [Data] = []
        var start = text.startIndex
        for index in text.indices where text[index] == UInt8(ascii: "\n") {
            lines.append(text[start...index])
            start = index + 1
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }
}
