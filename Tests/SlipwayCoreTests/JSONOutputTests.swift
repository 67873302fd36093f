import Foundation
import Testing
import SlipwayEngine
@testable import SlipwayCore

/// `JSONOutput` against hand-written text: every JSON output of Slipway has this
/// layout, so the golden files of the reports only check what they hold.
struct JSONOutputTests {
    struct Layout: Encodable {
        struct Row: Encodable {
            var id: String
            var tags: [String]
            var size: Double
        }
        struct Inner: Encodable {
            var a: Int
            var b: [Int]
        }
        var name = "layout"
        var rows = [Row(id: "a", tags: ["x", "y"], size: 1.5), Row(id: "b", tags: [], size: 2)]
        var inner = Inner(a: 1, b: [1, 2])
        var empty: [String] = []
        var none: [String: Int] = [:]
    }

    @Test func topTwoLevelsArePrettyAndDeeperOnesCompact() {
        #expect(JSONOutput.encode(Layout()) == """
            {
              "name": "layout",
              "rows": [
                {"id":"a","tags":["x","y"],"size":1.5},
                {"id":"b","tags":[],"size":2}
              ],
              "inner": {
                "a": 1,
                "b": [1,2]
              },
              "empty": [],
              "none": {}
            }

            """)
    }

    struct Order: Encodable {
        var zeta = 1
        var alpha = 2
        var mid = 3
    }

    @Test func keysKeepDeclarationOrderNotAlphabetical() {
        #expect(JSONOutput.encode(Order()) == "{\n  \"zeta\": 1,\n  \"alpha\": 2,\n  \"mid\": 3\n}\n")
        let object = OrderedObject([(key: "p95", value: 3.0), (key: "mean", value: 1.0), (key: "p10", value: 2.0)])
        #expect(JSONOutput.encode(object) == "{\n  \"p95\": 3,\n  \"mean\": 1,\n  \"p10\": 2\n}\n")
    }

    @Test(arguments: [
        (0.1 + 0.2, "0.3"), (2.0, "2"), (-0.5, "-0.5"), (1e-10, "0"), (-1e-10, "0"), (12.2103027274, "12.210302727"),
        (Double.infinity, "null"), (-Double.infinity, "null"), (Double.nan, "null"),
    ])
    func numbersAreRoundedToANanoweekAndNonFiniteIsNull(_ value: Double, _ text: String) {
        #expect(JSONOutput.encode(value) == text + "\n")
        #expect(JSONOutput.encode([value]) == "[\n  \(text)\n]\n", "in an array")
        #expect(JSONOutput.encode(OrderedObject([(key: "v", value: value)])) == "{\n  \"v\": \(text)\n}\n", "in an object")
    }

    struct Seeded: Encodable {
        var seed: UInt64
        var seeds: [UInt64]
        var count: Int
    }

    @Test func wholeNumbersBeyondTwoToTheFiftyThirdAreExact() {
        // 2^53 + 1 is the first integer a Double cannot hold: through a Double it would print ...992.
        let seeded = Seeded(seed: 9_007_199_254_740_993, seeds: [UInt64.max], count: -3)
        #expect(JSONOutput.encode(seeded) == """
            {
              "seed": 9007199254740993,
              "seeds": [
                18446744073709551615
              ],
              "count": -3
            }

            """)
    }

    struct Optionals: Encodable {
        @OmittedWhenNil var before: Double? = nil
        var number: Double? = nil
        @OmittedWhenNil var gone: Double? = nil
        var flag: Bool? = nil
        @OmittedWhenNil var kept: Double? = 1.5
        var text: String? = "t"
        var list: [String]? = nil
        @OmittedWhenNil var last: String? = nil
    }

    @Test func nilIsNullUnlessDeclaredOmitted() {
        // Omitted keys first, in the middle and last: no comma is left behind.
        #expect(JSONOutput.encode(Optionals()) == """
            {
              "number": null,
              "flag": null,
              "kept": 1.5,
              "text": "t",
              "list": null
            }

            """)
        #expect(JSONOutput.encode([1.0, nil, 2.5]) == "[\n  1,\n  null,\n  2.5\n]\n")
    }

    @Test func stringsAndKeysAreEscaped() {
        let text = "say \"hi\"\\ \n\t\u{01} é / 😀"
        let expected = #""say \"hi\"\\ \n\t\u0001 é / 😀""#
        #expect(JSONOutput.encode(text) == expected + "\n")
        #expect(JSONOutput.encode(OrderedObject([(key: text, value: text)])) == "{\n  \(expected): \(expected)\n}\n")
    }

    struct Pair: Encodable {
        var late = true
        var lateBy: Double? = 2

        enum CodingKeys: CodingKey { case late, lateBy }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.inlineContainer(keyedBy: CodingKeys.self)
            try container.encode(late, forKey: .late)
            try container.encodeIfPresent(lateBy, forKey: .lateBy)
        }
    }

    struct Holder: Encodable {
        struct Row: Encodable {
            var id = "r"
            var pair = Pair(late: false, lateBy: nil)
            var after = 0
        }
        var id = "x"
        var pair = Pair()
        var after = 1
        var rows = [Row()]
    }

    @Test func inlineValuesWriteTheirKeysIntoTheirHolder() {
        #expect(JSONOutput.encode(Holder()) == """
            {
              "id": "x",
              "late": true,
              "lateBy": 2,
              "after": 1,
              "rows": [
                {"id":"r","late":false,"lateBy":null,"after":0}
              ]
            }

            """)
        // Without a holder, in an array or at the top level, it is an object of its own.
        #expect(JSONOutput.encode([Pair()]) == "[\n  {\n    \"late\": true,\n    \"lateBy\": 2\n  }\n]\n")
    }

    /// Written with nested containers, which `Encoder` never closes explicitly.
    struct Nested: Encodable {
        enum Key: String, CodingKey { case list, object, after }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(true, forKey: .after)
            try list.encode(2)
            var object = container.nestedContainer(keyedBy: Key.self, forKey: .object)
            try object.encode("v", forKey: .list)
            try container.encode(true, forKey: .after)
        }
    }

    @Test func nestedContainersCloseWhenTheirParentMovesOn() {
        #expect(JSONOutput.encode(Nested()) == """
            {
              "list": [
                1,
                {"after":true},
                2
              ],
              "object": {
                "list": "v"
              },
              "after": true
            }

            """)
    }

    /// Writes into a container after a sibling opened after it, which closed it.
    struct LateWrite: Encodable {
        enum Key: String, CodingKey { case first, second }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var first = container.nestedUnkeyedContainer(forKey: .first)
            var second = container.nestedUnkeyedContainer(forKey: .second)
            try second.encode(1)
            try first.encode(2)
        }
    }

    @Test func writingIntoAClosedContainerTrapsRatherThanMisplacingText() async {
        await #expect(processExitsWith: .failure) { _ = JSONOutput.encode(LateWrite()) }
    }

    @Test func aTopLevelScalarIsOneLine() {
        #expect(JSONOutput.encode("x") == "\"x\"\n")
        #expect(JSONOutput.encode(true) == "true\n")
        #expect(JSONOutput.encode([String]()) == "[]\n")
    }

    /// Random strings (control characters, quotes, non-ASCII) and numbers, read back
    /// by Foundation's JSON parser: the text is always JSON, and says what was encoded.
    @Test func randomValuesReadBackThroughJSONSerialization() throws {
        var random = SplitMix64(seed: 42)
        let alphabet = Array("ab\"\\/\n\r\t\u{0}\u{1f}\u{7f}é😀 ".unicodeScalars)
        for _ in 0..<200 {
            let strings = (0..<Int(random.next() % 5)).map { _ in
                String(String.UnicodeScalarView((0..<Int(random.next() % 8)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            }
            let numbers = (0..<4).map { _ in (Double(random.next() % 2_000_001) - 1_000_000) / 1000 + 0.1 }
            let object = OrderedObject(strings.enumerated().map { (key: "\($0.offset)\($0.element)", value: numbers) })
            let text = JSONOutput.encode(object)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [Double]], "\(text)")
            #expect(parsed.count == Set(object.entries.map(\.key)).count)
            for (key, value) in object.entries {
                let read = try #require(parsed[key], "\(key) in \(text)")
                #expect(zip(read, value).allSatisfy { abs($0 - $1) < 1e-9 }, "\(text)")
            }
        }
    }
}
