extension Encoder {
    /// For a group of keys that always travel together and mean the same thing in
    /// every output (`late` and `lateBy`, see `Lateness`), written by one type:
    /// with `JSONOutput`, a container that writes into the object holding this
    /// value, in place of a key of its own. In an array, at the top level and with
    /// other encoders (`JSONEncoder`), it is the value's own keyed container.
    ///
    /// Asked by the value itself rather than found by a conformance check on every
    /// value encoded, which costs a large schedule more than its writing.
    public func inlineContainer<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        (self as? JSONOutputEncoder)?.holderContainer(keyedBy: type) ?? container(keyedBy: type)
    }
}
