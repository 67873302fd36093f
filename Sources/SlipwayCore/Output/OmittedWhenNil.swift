/// A property whose key is absent, not `null`, when its value is nil: for keys that
/// only some outputs have (`levelingDelay` and `unleveledFinish` exist only on a
/// leveled schedule).
///
/// `JSONOutput` writes a nil optional as `null` so that the contract's keys are
/// always there; a key is left out only when its value writes nothing at all,
/// which is what this wrapper does when nil. (`JSONEncoder` would write `{}`.)
@propertyWrapper
public struct OmittedWhenNil<Value: Encodable>: Encodable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        guard let wrappedValue else { return }
        try wrappedValue.encode(to: encoder)
    }
}

extension OmittedWhenNil: Sendable where Value: Sendable {}
extension OmittedWhenNil: Equatable where Value: Equatable {}
