/// Every JSON output of Slipway (the schedule and the reports of section 4 of the
/// plan-format contract, baselines) comes from an `Encodable` value through here,
/// so that all of them share one layout and one way of writing numbers.
///
/// - Keys come in the order the value encodes them; a synthesized `Encodable`
///   encodes its properties in declaration order, so a type lists the contract's
///   keys in the contract's order.
/// - The top-level container and the containers inside it (depth 1 and 2) put each
///   element on its own line; deeper ones stay on one line, so that a schedule
///   reads, and diffs, as one task per line.
/// - `Double`s are rounded to 1e-9 (`Double.compact`): `0.1 + 0.2` is `0.3`, `2.0`
///   is `2`; infinities and NaN are `null`. Integers, `UInt64` seeds beyond 2^53
///   included, are written exactly.
/// - A nil optional is `null`, whether it is encoded with `encode` or with the
///   `encodeIfPresent` a synthesized `Encodable` uses (`JSONEncoder` would drop the
///   key): the contract's keys are always present. A key that must be absent when
///   its value is nil is declared `@OmittedWhenNil`.
/// - A value whose `encode(to:)` asks for `inlineContainer(keyedBy:)` writes its
///   keys into the object that holds it (see `Lateness`).
///
/// `Date`, `Data` and `URL` get no special treatment: they encode as their own
/// `Encodable` conformances say.
public enum JSONOutput {
    /// The JSON text of `value`, ending with a newline as a text file does.
    ///
    /// Encoding cannot fail here: the encoder never throws, and the values
    /// Slipway encodes do not either, so a throw is a bug and traps.
    ///
    /// - Complexity: O(*n*) in the size of the output.
    public static func encode(_ value: some Encodable) -> String {
        let state = JSONOutputEncoder.State()
        do {
            try value.encode(to: JSONOutputEncoder(state: state, depth: 0, parentID: 0, key: nil))
        } catch {
            preconditionFailure("JSONOutput: encoding \(type(of: value)) threw \(error)")
        }
        return state.finish() + "\n"
    }

    /// A number as JSON output writes it, for outputs that are not JSON but follow
    /// the same rule (the CSV schedule).
    public static func number(_ v: Double) -> String { JSONWriter.number(v) }
}
