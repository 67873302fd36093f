/// Reads a composed YAML node tree field by field, collecting diagnostics instead
/// of stopping at the first problem.
///
/// It also bounds the work of reading: YAML aliases share one node under many
/// names, so a small file can stand for an exponentially large tree (the
/// "billion laughs" attack). Every node visited is counted against a budget
/// proportional to the file's size; a real document never needs more nodes than
/// it has bytes, so exceeding the budget means aliases are multiplying the tree.
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

    func error(_ code: DiagnosticCode, at location: SourceLocation?, _ message: String, notes: [Diagnostic.Note] = []) {
        errorCount += 1
        if errorCount <= errorLimit {
            diagnostics.append(.error(code, at: location, message, notes: notes))
        }
    }

    func warning(_ code: DiagnosticCode, at location: SourceLocation?, _ message: String) {
        diagnostics.append(.warning(code, at: location, message))
    }

    func visit(_ node: YAMLNode) throws {
        visitsLeft -= 1
        if visitsLeft < 0 { throw BudgetExceeded(location: node.location) }
    }

    /// The entries of a mapping node, in file order. Reports keys not in `known`
    /// (suggesting the nearest known key) and drops them.
    func fields(of node: YAMLNode, known: [String], what: String) throws -> [(key: String, value: YAMLNode, location: SourceLocation)]? {
        try visit(node)
        guard case .mapping(let mapping, _) = node else {
            error(.expectedMapping, at: node.location, "\(what) must be a mapping of keys to values, not \(node.kindDescription)")
            return nil
        }
        var result: [(String, YAMLNode, SourceLocation)] = []
        result.reserveCapacity(mapping.count)
        for pair in mapping {
            let keyNode = pair.key, value = pair.value
            try visit(keyNode)
            guard case .scalar(let scalar) = keyNode else {
                error(.expectedScalar, at: keyNode.location, "keys of \(what) must be plain names")
                continue
            }
            let key = scalar.string
            guard known.contains(key) else {
                error(.unknownKey, at: keyNode.location, "unknown key '\(key)' in \(what)\(Suggestion.hint(for: key, in: known))")
                continue
            }
            result.append((key, value, keyNode.location))
        }
        return result
    }

    /// The items of a sequence node; a single scalar is read as a one-item list.
    func items(of node: YAMLNode, what: String) throws -> [YAMLNode]? {
        try visit(node)
        switch node {
        case .sequence(let items, _): return items
        case .scalar: return [node]
        case .mapping:
            error(.expectedSequence, at: node.location, "\(what) must be a list")
            return nil
        }
    }

    func string(_ node: YAMLNode, what: String) throws -> String? {
        try visit(node)
        guard case .scalar(let scalar) = node else {
            error(.expectedScalar, at: node.location, "\(what) must be a single value, not \(node.kindDescription)")
            return nil
        }
        return scalar.string
    }

    func number(_ node: YAMLNode, what: String, minimum: Double? = nil) throws -> Double? {
        guard let text = try string(node, what: what) else { return nil }
        guard let value = Double(text.trimmingSpaces()), value.isFinite else {
            error(.expectedNumber, at: node.location, "\(what) must be a number, not '\(text)'")
            return nil
        }
        if let minimum, value < minimum {
            error(.outOfRange, at: node.location, "\(what) must be at least \(minimum.compact), not \(text)")
            return nil
        }
        return value
    }

    func bool(_ node: YAMLNode, what: String) throws -> Bool? {
        guard let text = try string(node, what: what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(.expectedBool, at: node.location, "\(what) must be true or false, not '\(text)'")
            return nil
        }
    }
}

extension Double {
    /// `1 week`, `0.5 weeks`, `2.08 weeks`: for people, to a hundredth of a week
    /// (about half an hour of a working week).
    public var weeksPhrase: String { readable == "1" ? "1 week" : "\(readable) weeks" }

    /// A number of weeks for people: rounded to two decimals, as `compact` writes it.
    public var readable: String { ((self * 100).rounded() / 100).compact }

    /// `2` for 2.0, `1.5` for 1.5: the shortest text that reads back the same,
    /// after rounding away float noise below 1e-9.
    public var compact: String {
        let rounded = (self * 1e9).rounded() / 1e9
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        return String(rounded)
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
