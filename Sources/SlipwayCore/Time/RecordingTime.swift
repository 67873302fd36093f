import Foundation

/// The moment stamped on what a command records (a baseline's `savedAt`, a
/// progress update's `at`): now, or the moment `SOURCE_DATE_EPOCH` names
/// (seconds since 1970-01-01 UTC, the reproducible-builds.org convention), so
/// that a scripted example or a test writes the same files on every run. The
/// week-4 example of `make run` sets it, and the committed review pack stays
/// unchanged when nothing else changed.
public enum RecordingTime {
    public struct Malformed: Error, CustomStringConvertible {
        public let value: String
        public var description: String {
            "SOURCE_DATE_EPOCH='\(value)' is not a whole number of seconds since 1970-01-01 UTC"
        }
    }

    /// - Throws: `Malformed` when the variable is set to anything but a
    ///   non-negative whole number (the convention asks to fail, not to guess).
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return Date() }
        guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)), seconds >= 0,
              seconds <= 253_402_300_799 else { throw Malformed(value: text) }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `now` as an ISO 8601 stamp in UTC (`2025-01-13T00:00:00Z`).
    public static func stamp(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        ISO8601DateFormatter().string(from: try now(environment: environment))
    }
}
