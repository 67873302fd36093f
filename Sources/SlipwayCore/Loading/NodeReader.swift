/// Reads a composed YAML document field by field, collecting diagnostics instead
/// of stopping at the first problem.
///
/// It also bounds the work of reading: YAML aliases share one node under many
/// names, so a small file can stand for an exponentially large tree (the
/// "billion laughs" attack). Every node visited is counted against a budget
/// proportional to the file's size; a real document never needs more nodes than
/// it has bytes, so exceeding the budget means aliases are multiplying the tree.
///
/// Messages and the `what` of each read are closures, built only when a
/// problem is reported: a valid plan of a million tasks builds none of them.
final class NodeReader {
    struct BudgetExceeded: Error {
        var location: SourceLocation
    }

    private(set) var diagnostics: [Diagnostic] = []
    private var visitsLeft: Int
    /// Stop collecting after this many errors: a file that is wrong everywhere
    /// (a list of 100,000 bad entries, say) must not produce 100,000 lines.
    let errorLimit: Int
    private(set) var errorCount = 0

    init(nodeLimit: Int, errorLimit: Int = 200) {
        self.visitsLeft = nodeLimit
        self.errorLimit = errorLimit
    }

    var tooManyErrors: Bool { errorCount >= errorLimit }

    func error(_ code: DiagnosticCode, at location: SourceLocation?, _ message: @autoclosure () -> String,
               notes: @autoclosure () -> [Diagnostic.Note] = []) {
        errorCount += 1
        if errorCount <= errorLimit {
            diagnostics.append(.error(code, at: location, message(), notes: notes()))
        }
    }

    func warning(_ code: DiagnosticCode, at location: SourceLocation?, _ message: String) {
        diagnostics.append(.warning(code, at: location, message))
    }

    @inline(__always) func visit(_ node: YAMLNode) throws {
        visitsLeft -= 1
        if visitsLeft < 0 { throw BudgetExceeded(location: node.location) }
    }

    /// The entries of a mapping node, in file order. Reports keys not in `known`
    /// (suggesting the nearest known key) and drops them.
    func fields(of node: YAMLNode, known: [String], what: @autoclosure () -> String) throws -> [(key: String, value: YAMLNode, location: SourceLocation)]? {
        try visit(node)
        guard node.isMapping else {
            error(.expectedMapping, at: node.location, "\(what()) must be a mapping of keys to values, not \(node.kindDescription)")
            return nil
        }
        var result: [(String, YAMLNode, SourceLocation)] = []
        var pending: YAMLNode?
        let tree = node.tree
        for child in tree.children(of: node.index) {
            let child = YAMLNode(tree: tree, index: child)
            guard let keyNode = pending else {
                pending = child
                continue
            }
            pending = nil
            try visit(keyNode)
            guard keyNode.isScalar else {
                error(.expectedScalar, at: keyNode.location, "keys of \(what()) must be plain names")
                continue
            }
            let key = keyNode.string
            guard known.contains(key) else {
                error(.unknownKey, at: keyNode.location, "unknown key '\(key)' in \(what())\(Suggestion.hint(for: key, in: known))")
                continue
            }
            result.append((key, child, keyNode.location))
        }
        return result
    }

    /// The entries of a mapping node whose keys are a schema's: checks the node
    /// and its keys as `fields(of:known:what:)` does (visiting the same nodes,
    /// reporting the same errors), and returns a view that yields each known
    /// key's case with its value. Keys are matched on their UTF-8 bytes.
    ///
    /// - Complexity: O(*p* · *k*) for *p* pairs and a schema of *k* keys.
    func fields<Key: SchemaKey>(of node: YAMLNode, schema: Key.Type, what: @autoclosure () -> String) throws -> KnownFields<Key>? {
        try visit(node)
        guard node.isMapping else {
            error(.expectedMapping, at: node.location, "\(what()) must be a mapping of keys to values, not \(node.kindDescription)")
            return nil
        }
        var iterator = node.children.makeIterator()
        var codes = FieldCodes()
        var pair = 0
        while let key = iterator.next() {
            _ = iterator.next()
            defer { pair += 1 }
            let keyNode = YAMLNode(borrowing: node.ref, index: key)
            try visit(keyNode)
            guard keyNode.isScalar else {
                error(.expectedScalar, at: keyNode.location, "keys of \(what()) must be plain names")
                continue
            }
            guard let index = keyNode.withBytes({ Key.table.index($0) }) else {
                let name = keyNode.string
                error(.unknownKey, at: keyNode.location, "unknown key '\(name)' in \(what())\(Suggestion.hint(for: name, in: Key.names))")
                continue
            }
            codes.set(pair, index)
        }
        return KnownFields(tree: node.ref, mapping: node.index, codes: codes)
    }

    /// The items of a sequence node; a single scalar is read as a one-item list.
    func items(of node: YAMLNode, what: @autoclosure () -> String) throws -> [YAMLNode]? {
        guard node.isMapping else { return try itemsView(of: node, what: what()).map { YAMLNode(tree: $0.tree, index: $0.index) } }
        _ = try itemsView(of: node, what: what())
        return nil
    }

    /// `items(of:what:)` without building an array: no items when the node is
    /// not a list (and that is reported).
    func itemsView(of node: YAMLNode, what: @autoclosure () -> String) throws -> Items {
        try visit(node)
        switch node.kind {
        case .sequence: return Items(tree: node.ref, sequence: node.index)
        case .scalar, .alias: return Items(tree: node.ref, single: node.index)
        case .mapping:
            error(.expectedSequence, at: node.location, "\(what()) must be a list")
            return Items.empty
        }
    }

    func string(_ node: YAMLNode, what: @autoclosure () -> String) throws -> String? {
        try scalar(node, what: what()) ? node.string : nil
    }

    /// Visits a node that must be a scalar; reports it when it is not.
    func scalar(_ node: YAMLNode, what: @autoclosure () -> String) throws -> Bool {
        try visit(node)
        guard node.isScalar else {
            error(.expectedScalar, at: node.location, "\(what()) must be a single value, not \(node.kindDescription)")
            return false
        }
        return true
    }

    /// Numbers a plan may hold (money, capacities, units): below 10^15 in size.
    /// Money beyond it is a typo (`cost: 1e19`), and sums of it would no longer be
    /// exact to the unit or formattable as whole numbers.
    static let numberLimit = 1e15

    func number(_ node: YAMLNode, what: @autoclosure () -> String, minimum: Double? = nil) throws -> Double? {
        guard let text = try string(node, what: what()) else { return nil }
        guard let value = Double(text.trimmingSpaces()), value.isFinite else {
            error(.expectedNumber, at: node.location, "\(what()) must be a number, not '\(text)'")
            return nil
        }
        if let minimum, value < minimum {
            error(.outOfRange, at: node.location, "\(what()) must be at least \(minimum.compact), not \(text)")
            return nil
        }
        if abs(value) >= Self.numberLimit {
            error(.outOfRange, at: node.location, "\(what()) must be below 10^15 (1,000,000,000,000,000), not \(text)")
            return nil
        }
        return value
    }

    func bool(_ node: YAMLNode, what: @autoclosure () -> String) throws -> Bool? {
        guard let text = try string(node, what: what()) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(.expectedBool, at: node.location, "\(what()) must be true or false, not '\(text)'")
            return nil
        }
    }
}

/// The keys of one kind of mapping in a plan file, as an enum whose raw values
/// are the keys as written, in the order suggestions consider them.
protocol SchemaKey: RawRepresentable<String>, CaseIterable, Sendable {
    /// The keys as bytes, built once (`PlanSchema`).
    static var table: KeyTable<Self> { get }
}

/// The known keys of a checked mapping with their values, in file order.
/// The known keys of a checked mapping with their values, in file order. Its
/// nodes do not keep the tree alive (see `YAMLNode.owner`).
struct KnownFields<Key: SchemaKey>: Sequence {
    let tree: Unmanaged<YAMLTree>
    let mapping: Int
    /// The keys of the first pairs, as the check found them.
    let codes: FieldCodes

    /// At least the number of fields, for reserving.
    var capacity: Int { YAMLTree.Children(tree: tree, index: mapping).count / 2 }

    func makeIterator() -> Iterator { Iterator(children: YAMLTree.Children(tree: tree, index: mapping).makeIterator(), codes: codes) }

    struct Iterator: IteratorProtocol {
        var children: YAMLTree.Children.Iterator
        let codes: FieldCodes
        var pair = 0

        mutating func next() -> (key: Key, value: YAMLNode, location: SourceLocation)? {
            while let k = children.next(), let v = children.next() {
                defer { pair += 1 }
                let key = YAMLNode(borrowing: children.tree, index: k)
                let known: Key
                if let code = codes.get(pair) {
                    guard code != FieldCodes.unknown else { continue }
                    known = Key.table.key(at: code)
                } else {
                    guard key.isScalar, let match = Key.match(key) else { continue }
                    known = match
                }
                return (known, YAMLNode(borrowing: children.tree, index: v), key.location)
            }
            return nil
        }
    }
}

/// The key index (5 bits, `unknown` for a pair to skip) of each of the first
/// 48 pairs, packed in four words: the check matches each key once, and
/// reading the fields again costs no second match and no allocation.
/// Pairs past the 48th, which no plan mapping has, are matched again.
struct FieldCodes {
    static let unknown = 31
    private var words: (UInt64, UInt64, UInt64, UInt64) = (~0, ~0, ~0, ~0)

    /// The code of `pair`, or nil past the 48th pair.
    func get(_ pair: Int) -> Int? {
        guard pair < 48 else { return nil }
        let word: UInt64
        switch pair / 12 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return Int((word >> UInt64(5 * (pair % 12))) & 31)
    }

    mutating func set(_ pair: Int, _ code: Int) {
        guard pair < 48 else { return }
        let shift = UInt64(5 * (pair % 12)), value = UInt64(code) << shift, mask = ~(UInt64(31) << shift)
        switch pair / 12 {
        case 0: words.0 = words.0 & mask | value
        case 1: words.1 = words.1 & mask | value
        case 2: words.2 = words.2 & mask | value
        default: words.3 = words.3 & mask | value
        }
    }
}

/// The items of a list, or a single scalar read as a one-item list. Its nodes
/// do not keep the tree alive (see `YAMLNode.owner`).
struct Items: Sequence {
    private let tree: Unmanaged<YAMLTree>?
    private let sequence: Int?
    private let single: Int?

    init(tree: Unmanaged<YAMLTree>, sequence: Int) {
        self.tree = tree
        self.sequence = sequence
        self.single = nil
    }

    init(tree: Unmanaged<YAMLTree>, single: Int) {
        self.tree = tree
        self.sequence = nil
        self.single = single
    }

    private init() {
        tree = nil
        sequence = nil
        single = nil
    }

    static var empty: Items { Items() }

    var count: Int {
        guard let tree else { return 0 }
        return sequence.map { YAMLTree.Children(tree: tree, index: $0).count } ?? 1
    }

    func makeIterator() -> Iterator {
        guard let tree else { return Iterator(tree: nil, children: nil, single: nil) }
        return Iterator(tree: tree, children: sequence.map { YAMLTree.Children(tree: tree, index: $0).makeIterator() }, single: single)
    }

    struct Iterator: IteratorProtocol {
        let tree: Unmanaged<YAMLTree>?
        var children: YAMLTree.Children.Iterator?
        var single: Int?

        mutating func next() -> YAMLNode? {
            guard let tree else { return nil }
            if children != nil { return children!.next().map { YAMLNode(borrowing: tree, index: $0) } }
            defer { single = nil }
            return single.map { YAMLNode(borrowing: tree, index: $0) }
        }
    }
}

extension Double {
    /// `1 week`, `0.5 weeks`, `2.08 weeks`: for people, to a hundredth of a week
    /// (about half an hour of a working week).
    public var weeksPhrase: String { readable == "1" ? "1 week" : "\(readable) weeks" }

    /// A number of weeks for people: rounded to two decimals, as `compact` writes it.
    public var readable: String { ((self * 100).rounded() / 100).compact }

    /// `2` for 2.0, `1.5` for 1.5, `0.000099206` for 9.9206e-05: the shortest
    /// text that reads back the same, after rounding away float noise below
    /// 1e-9, and never in exponent notation (a plan's durations and dates do not
    /// read it, and a 14-second task imported from MS Project is 0.000099206w).
    public var compact: String {
        let rounded = (self * 1e9).rounded() / 1e9
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        let text = String(rounded)
        guard text.contains("e"), rounded.isFinite, abs(rounded) < 1 else { return text }
        // Below 1e-4 Swift writes an exponent: nine decimals hold what the rounding kept.
        var digits = String(Int64((abs(rounded) * 1e9).rounded()))
        digits = String(repeating: "0", count: max(0, 9 - digits.count)) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return (rounded < 0 ? "-0." : "0.") + digits
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let expectedBool = DiagnosticCode("expected-bool")
    public static let expectedMapping = DiagnosticCode("expected-mapping")
    public static let expectedNumber = DiagnosticCode("expected-number")
    public static let expectedScalar = DiagnosticCode("expected-scalar")
    public static let expectedSequence = DiagnosticCode("expected-sequence")
    public static let unknownKey = DiagnosticCode("unknown-key")
}
