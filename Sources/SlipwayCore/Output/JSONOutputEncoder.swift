/// The `Encoder` behind `JSONOutput`. It writes as it goes, into one
/// `JSONWriter`, instead of building a tree of values first: a schedule of
/// 100,000 tasks is written without a second copy of it in memory.
///
/// Writing as it goes asks one thing of an `Encodable`: that it writes its
/// containers in order, as a synthesized one does. `Encoder` has no call that
/// ends a container, so a container is closed when its parent writes its next
/// element (or when the encoding ends); a container written to after that traps,
/// since its text can no longer be placed.
///
/// A value is written under its key only once it writes something: a value that
/// writes nothing (`OmittedWhenNil` when nil) leaves no key behind.
final class JSONOutputEncoder: Encoder {
    /// What one encoding shares: the text and the containers open in it.
    final class State {
        // Unchecked: only this encoding, on one thread, ever touches the state, and
        // the dynamic exclusivity checks on a class's properties took a measurable
        // share (about 6%) of writing a large schedule.
        @exclusivity(unchecked) var writer = JSONWriter()
        /// Identities of containers, so that a write to a closed one is caught;
        /// 0 is the top level.
        @exclusivity(unchecked) private var lastID = 0

        func finish() -> String {
            while writer.depth > 0 { writer.close() }
            return writer.text
        }

        /// Readies an element of container `id`, open at `depth`: closes the
        /// containers an earlier element left open, then checks that `id` is
        /// still open.
        private func enter(depth: Int, id: Int, key: String?) {
            while writer.depth > depth { writer.close() }
            precondition(writer.depth == depth && writer.innermostID == id,
                         "JSONOutput: a container was written to after it was closed; write containers in order")
            writer.element(key)
        }

        /// Writes a number, `true`, `false` or `null` as an element.
        func scalar(_ text: String, depth: Int, id: Int, key: String?) {
            enter(depth: depth, id: id, key: key)
            writer.append(text)
        }

        func string(_ value: String, depth: Int, id: Int, key: String?) {
            enter(depth: depth, id: id, key: key)
            writer.appendQuoted(value)
        }

        /// Opens an object or array as an element; returns its identity.
        func open(object: Bool, depth: Int, id: Int, key: String?) -> Int {
            enter(depth: depth, id: id, key: key)
            lastID += 1
            writer.open(object ? "{" : "[", closer: object ? "}" : "]", id: lastID)
            return lastID
        }

        /// Writes `value` as an element of container `id`. The scalars arrays and
        /// ordered objects are made of are written directly, without an encoder
        /// each (a comparison of types, cheaper than a dynamic cast).
        func encode<T: Encodable>(_ value: T, depth: Int, id: Int, key: String?,
                                  parent: JSONOutputEncoder, pathKey: any CodingKey) throws {
            if T.self == String.self { return string(value as! String, depth: depth, id: id, key: key) }
            if T.self == Double.self { return scalar(JSONWriter.number(value as! Double), depth: depth, id: id, key: key) }
            try value.encode(to: JSONOutputEncoder(state: self, depth: depth, parentID: id, key: key, parent: parent, pathKey: pathKey))
        }
    }

    let state: State
    /// The depth of the container this value is an element of, and its identity.
    let depth: Int
    let parentID: Int
    /// The key this value is written under; nil in an array and at the top level.
    let key: String?
    /// The container this value has opened: asked again, the encoder returns it.
    private var opened: (id: Int, isObject: Bool)?
    private var wroteScalar = false
    /// Only for `codingPath`, which is built when asked, not on every value.
    private let parent: JSONOutputEncoder?
    private let pathKey: (any CodingKey)?

    init(state: State, depth: Int, parentID: Int, key: String?, parent: JSONOutputEncoder? = nil, pathKey: (any CodingKey)? = nil) {
        self.state = state
        self.depth = depth
        self.parentID = parentID
        self.key = key
        self.parent = parent
        self.pathKey = pathKey
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var encoder: JSONOutputEncoder? = self
        while let e = encoder, let k = e.pathKey {
            path.append(k)
            encoder = e.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(encoder: self, depth: depth + 1, id: openOnce(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        Unkeyed(encoder: self, depth: depth + 1, id: openOnce(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValue(encoder: self) }

    /// The object that holds this value, when the value is a member of one and has
    /// written nothing yet (see `Encoder.inlineContainer(keyedBy:)`).
    func holderContainer<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key>? {
        guard key != nil, opened == nil, !wroteScalar else { return nil }
        return KeyedEncodingContainer(Keyed<Key>(encoder: self, depth: depth, id: parentID))
    }

    private func openOnce(object: Bool) -> Int {
        if let opened {
            precondition(opened.isObject == object && !wroteScalar, "JSONOutput: a value asked for two kinds of container")
            return opened.id
        }
        precondition(!wroteScalar, "JSONOutput: a value asked for a container after writing a single value")
        let id = state.open(object: object, depth: depth, id: parentID, key: key)
        opened = (id, object)
        return id
    }

    fileprivate func writeScalar(_ text: String) {
        precondition(opened == nil && !wroteScalar, "JSONOutput: a value wrote two single values, or a single value and a container")
        wroteScalar = true
        state.scalar(text, depth: depth, id: parentID, key: key)
    }

    fileprivate func writeString(_ value: String) {
        precondition(opened == nil && !wroteScalar, "JSONOutput: a value wrote two single values, or a single value and a container")
        wroteScalar = true
        state.string(value, depth: depth, id: parentID, key: key)
    }

    /// The key of an array element in `codingPath`.
    fileprivate struct IndexKey: CodingKey {
        var intValue: Int?
        var stringValue: String { intValue.map(String.init) ?? "" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    fileprivate struct SuperKey: CodingKey {
        var stringValue: String { "super" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }
}

extension JSONOutputEncoder {
    /// An object's members. Every `encodeIfPresent` writes `null` for nil: a
    /// contract's key is always present (see `OmittedWhenNil` for the exception).
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: JSONOutputEncoder
        /// The depth of the object's members, and its identity.
        let depth: Int
        let id: Int

        var codingPath: [any CodingKey] { encoder.codingPath }

        private func scalar(_ text: String, _ key: Key) { encoder.state.scalar(text, depth: depth, id: id, key: key.stringValue) }

        mutating func encodeNil(forKey key: Key) throws { scalar("null", key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { scalar(value ? "true" : "false", key) }
        mutating func encode(_ value: String, forKey key: Key) throws {
            encoder.state.string(value, depth: depth, id: id, key: key.stringValue)
        }
        mutating func encode(_ value: Double, forKey key: Key) throws { scalar(JSONWriter.number(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { scalar(JSONWriter.number(Double(value)), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: Int128, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode(_ value: UInt128, forKey key: Key) throws { scalar(String(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try encoder.state.encode(value, depth: depth, id: id, key: key.stringValue, parent: encoder, pathKey: key)
        }

        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int128?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt128?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                           forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            child(key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            child(key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            JSONOutputEncoder(state: encoder.state, depth: depth, parentID: id, key: "super", parent: encoder, pathKey: SuperKey())
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }

        private func child(_ key: Key) -> JSONOutputEncoder {
            JSONOutputEncoder(state: encoder.state, depth: depth, parentID: id, key: key.stringValue, parent: encoder, pathKey: key)
        }
    }

    /// An array's elements.
    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: JSONOutputEncoder
        /// The depth of the array's elements, and its identity.
        let depth: Int
        let id: Int
        private(set) var count = 0

        init(encoder: JSONOutputEncoder, depth: Int, id: Int) {
            self.encoder = encoder
            self.depth = depth
            self.id = id
        }

        var codingPath: [any CodingKey] { encoder.codingPath }

        private mutating func scalar(_ text: String) {
            count += 1
            encoder.state.scalar(text, depth: depth, id: id, key: nil)
        }

        mutating func encodeNil() throws { scalar("null") }
        mutating func encode(_ value: Bool) throws { scalar(value ? "true" : "false") }
        mutating func encode(_ value: String) throws {
            count += 1
            encoder.state.string(value, depth: depth, id: id, key: nil)
        }
        mutating func encode(_ value: Double) throws { scalar(JSONWriter.number(value)) }
        mutating func encode(_ value: Float) throws { scalar(JSONWriter.number(Double(value))) }
        mutating func encode(_ value: Int) throws { scalar(String(value)) }
        mutating func encode(_ value: Int8) throws { scalar(String(value)) }
        mutating func encode(_ value: Int16) throws { scalar(String(value)) }
        mutating func encode(_ value: Int32) throws { scalar(String(value)) }
        mutating func encode(_ value: Int64) throws { scalar(String(value)) }
        mutating func encode(_ value: Int128) throws { scalar(String(value)) }
        mutating func encode(_ value: UInt) throws { scalar(String(value)) }
        mutating func encode(_ value: UInt8) throws { scalar(String(value)) }
        mutating func encode(_ value: UInt16) throws { scalar(String(value)) }
        mutating func encode(_ value: UInt32) throws { scalar(String(value)) }
        mutating func encode(_ value: UInt64) throws { scalar(String(value)) }
        mutating func encode(_ value: UInt128) throws { scalar(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let index = IndexKey(intValue: count)
            count += 1
            try encoder.state.encode(value, depth: depth, id: id, key: nil, parent: encoder, pathKey: index)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            nextElement().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nextElement().unkeyedContainer() }

        mutating func superEncoder() -> any Encoder { nextElement() }

        private mutating func nextElement() -> JSONOutputEncoder {
            let index = IndexKey(intValue: count)
            count += 1
            return JSONOutputEncoder(state: encoder.state, depth: depth, parentID: id, key: nil, parent: encoder, pathKey: index)
        }
    }

    /// A value that is one number, string, `true`, `false` or `null`, or any
    /// `Encodable` standing for the value it encodes.
    struct SingleValue: SingleValueEncodingContainer {
        let encoder: JSONOutputEncoder

        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.writeScalar("null") }
        mutating func encode(_ value: Bool) throws { encoder.writeScalar(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { encoder.writeString(value) }
        mutating func encode(_ value: Double) throws { encoder.writeScalar(JSONWriter.number(value)) }
        mutating func encode(_ value: Float) throws { encoder.writeScalar(JSONWriter.number(Double(value))) }
        mutating func encode(_ value: Int) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: Int8) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: Int16) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: Int32) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: Int64) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: Int128) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt8) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt16) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt32) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt64) throws { encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt128) throws { encoder.writeScalar(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: encoder) }
    }
}
