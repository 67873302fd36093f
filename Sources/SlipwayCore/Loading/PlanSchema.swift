/// The keys each kind of mapping in a plan file may have. Anything else is an
/// error, so that a typo (`dependson`, `duraton`) cannot pass silently.
///
/// Each kind is an enum, in the order suggestions consider the keys, so that the
/// reader switches on a case instead of comparing strings, and matches a key
/// from its bytes without making a `String` of it.
enum PlanSchema {
    enum PlanKey: String, SchemaKey {
        case plan, start, unit, daysPerWeek = "days-per-week", deadline, budget, currency,
             statusDate = "status-date", holidays, owners, phases, constraints, tasks, scenarios
        static let table = KeyTable<Self>()
    }

    enum OwnerKey: String, SchemaKey {
        case id, name, capacity, rate, skills, leave, availability
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
    /// Each key's bytes as two little-endian words (no key is longer than 16
    /// bytes), and its length: a key is matched by three comparisons.
    private let words: [(UInt64, UInt64)]
    private let lengths: [Int]
    /// An open-addressing hash table of key indices (-1 empty), 64 slots for at
    /// most 20 keys, so a probe rarely goes past its first slot.
    private let slots: [Int8]

    init() {
        keys = Array(Key.allCases)
        names = keys.map(\.rawValue)
        words = names.map { name in Array(name.utf8).withUnsafeBufferPointer { Self.pack($0)! } }
        lengths = names.map(\.utf8.count)
        var slots = [Int8](repeating: -1, count: 64)
        for i in keys.indices {
            var h = Self.hash(words[i], lengths[i])
            while slots[h] >= 0 { h = (h + 1) & 63 }
            slots[h] = Int8(i)
        }
        self.slots = slots
    }

    /// The bytes as two words, or nil past 16 bytes.
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        let n = bytes.count
        guard n <= 16 else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0, k = 0
        while k < n && k < 8 {
            low |= UInt64(bytes[k]) << (8 * k)
            k += 1
        }
        while k < n {
            high |= UInt64(bytes[k]) << (8 * (k - 8))
            k += 1
        }
        return (low, high)
    }

    private static func hash(_ w: (UInt64, UInt64), _ length: Int) -> Int {
        Int(truncatingIfNeeded: (w.0 &* 0x9E37_79B9_7F4A_7C15 ^ w.1 &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(length)) >> 58)
    }

    /// The index of the key `bytes` spell, or nil.
    ///
    /// - Complexity: O(*m*) for a key of *m* bytes, expected.
    func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let w = Self.pack(bytes) else { return nil }
        var h = Self.hash(w, bytes.count)
        while slots[h] >= 0 {
            let i = Int(slots[h])
            if lengths[i] == bytes.count && words[i] == w { return i }
            h = (h + 1) & 63
        }
        return nil
    }

    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? { index(bytes).map { keys[$0] } }

    func key(at index: Int) -> Key { keys[index] }
}

extension SchemaKey {
    /// The key a scalar node names, matched on its bytes.
    static func match(_ node: YAMLNode) -> Self? {
        node.withBytes { table.match($0) }
    }

    static var names: [String] { table.names }
}

extension Plan {
    /// Whether `id` may name a task, owner, phase or constraint: `[a-z0-9][a-z0-9._-]*`.
    /// Importers check ids they take from another tool's fields with it.
    public static func isValidID(_ id: String) -> Bool { PlanSchema.isValidID(id) }
}
