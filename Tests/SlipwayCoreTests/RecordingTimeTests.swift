import Foundation
import Testing
@testable import SlipwayCore

@Suite struct RecordingTimeTests {
    @Test func sourceDateEpochNamesTheMoment() throws {
        // 2025-01-13 is day 20,101 after 1970-01-01: 20,101 x 86,400 s.
        #expect(try RecordingTime.stamp(environment: ["SOURCE_DATE_EPOCH": "1736726400"]) == "2025-01-13T00:00:00Z")
        #expect(try RecordingTime.stamp(environment: ["SOURCE_DATE_EPOCH": "0"]) == "1970-01-01T00:00:00Z")
    }

    @Test func withoutItTheStampIsNow() throws {
        let before = Date()
        let stamped = try RecordingTime.now(environment: [:])
        #expect(stamped.timeIntervalSince(before) >= 0 && stamped.timeIntervalSince(before) < 60)
    }

    @Test(arguments: ["", "yesterday", "-5", "1.5", "99999999999999"])
    func malformedValuesAreRefused(_ value: String) {
        #expect(throws: RecordingTime.Malformed.self) { try RecordingTime.now(environment: ["SOURCE_DATE_EPOCH": value]) }
    }
}
