/// A value whose keys `JSONOutput` writes into the object that holds it, in place
/// of a key of its own: a group of keys that always travel together and always
/// mean the same thing (`late` and `lateBy`, see `Lateness`), written once.
///
/// Its `encode(to:)` must ask for a keyed container. Other encoders
/// (`JSONEncoder`) nest it under its property's key as an ordinary object.
public protocol InlineEncodable: Encodable {}
