/// The keys each kind of mapping in a plan file may have. Anything else is an
/// error, so that a typo (`dependson`, `duraton`) cannot pass silently.
///
/// Each kind is an enum, in the order suggestions consider the keys, so that the
/// reader switches on a case instead of comparing strings, and matches a key
/// from its bytes without making a `String` of it.
enum PlanSchema {
    enum PlanKey: String, SchemaKey {
        case plan, start, unit, daysPerWeek = "days-per-week", deadline, budget, currency,
             statusDate = "status-date", owners, phases, constraints, tasks, scenarios
        static let table = KeyTable<Self>()
    }

    enum OwnerKey: String, SchemaKey {
        case id, name, capacity, rate, skills
        static let table = KeyTable<Self>()
    }

    enum PhaseKey: String, SchemaKey {
        case id, name, weeks
        static let table = KeyTable<Self>()
    }

    enum ConstraintKey: String, SchemaKey {
        case id, title, category, severity, status, progress, owner,
             target, blocks, mitigations, description, impact,
             section, name, label, severityNote = "severity-note", timeline, options, limits, links, risks
        static let table = KeyTable<Self>()
    }

    enum TaskKey: String, SchemaKey {
        case id, title, duration, milestone, owner, needs, phase, after,
             notBefore = "not-before", due, cost, why, notes, group,
             actualStart = "actual-start", actualFinish = "actual-finish", progress, remaining, spent,
             wait, skills, crash, risks, criteria
        static let table = KeyTable<Self>()
    }

    enum LinkKey: String, SchemaKey {
        case id, type, lag, why, hard
        static let table = KeyTable<Self>()
    }

    static var plan: [String] { PlanKey.names }
    static var owner: [String] { OwnerKey.names }
    static var phase: [String] { PhaseKey.names }
    static var constraint: [String] { ConstraintKey.names }
    static var task: [String] { TaskKey.names }
    static var link: [String] { LinkKey.names }
    // Kinds read through the string table (rare, small mappings).
    static let risk = ["id", "title", "probability", "impact", "on", "mode", "why"]
    static let option = ["id", "title", "chosen", "why", "mitigations", "risks"]
    static let scenario = ["id", "title", "why", "choose", "durations", "capacity", "start", "not-before",
                           "add-links", "remove-links", "without-risks", "tasks"]
    static let linkChange = ["task", "after"]
    static let criterion = ["text", "status"]
    static let crash = ["to", "cost"]

    /// `[a-z0-9][a-z0-9._-]*`
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, isLowerAlnum(first) else { return false }
        return id.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlnum(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }
}

/// The keys of a schema as bytes, for matching keys without making strings.
///
/// Byte equality is string equality here: every key is lower-case ASCII letters
/// and '-', and no other text is canonically equivalent to such a string (the
/// Unicode singletons that decompose to ASCII, such as the Kelvin sign, decompose
/// to other characters), so `==` on `String` would match exactly the same keys.
struct KeyTable<Key: SchemaKey>: Sendable {
    let names: [String]
    private let keys: [Key]
    private let bytes: [[UInt8]]

    init() {
        keys = Array(Key.allCases)
        names = keys.map(\.rawValue)
        bytes = names.map { Array($0.utf8) }
    }

    /// - Complexity: O(*k*) for *k* keys of the schema.
    func match(_ text: UnsafeBufferPointer<UInt8>) -> Key? {
        for i in bytes.indices where bytes[i].count == text.count {
            if bytes[i].withUnsafeBufferPointer({ $0.elementsEqual(text) }) { return keys[i] }
        }
        return nil
    }
}

extension SchemaKey {
    static func match(_ tree: YAMLTree, _ index: Int) -> Self? {
        tree.withBytes(of: index) { table.match($0) }
    }

    static var names: [String] { table.names }
}
