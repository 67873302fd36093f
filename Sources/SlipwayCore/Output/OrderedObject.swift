/// A JSON object whose keys are data, not names known in advance (task ids,
/// percentiles), kept in the order given; a `Dictionary` has no order to keep.
public struct OrderedObject<Value: Encodable>: Encodable {
    public var entries: [(key: String, value: Value)]

    public init(_ entries: [(key: String, value: Value)]) {
        self.entries = entries
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in entries { try container.encode(value, forKey: Key(stringValue: key)) }
    }

    private struct Key: CodingKey {
        var stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

extension OrderedObject: Sendable where Value: Sendable {}
