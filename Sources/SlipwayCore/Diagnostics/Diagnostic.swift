/// A 1-based position in a source file, as editors and compilers count it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// The file, when it is not the plan being reported on (such as the plan's
    /// progress sidecar); nil means the plan file itself.
    public var file: String?

    public init(line: Int, column: Int, file: String? = nil) {
        self.line = line
        self.column = column
        self.file = file
    }

    /// The plan's own places first, in line order, then other files' by name.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file != nil ? 1 : 0, lhs.file ?? "", lhs.line, lhs.column) < (rhs.file != nil ? 1 : 0, rhs.file ?? "", rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The stable code of a kind of diagnostic. Codes are constants declared in an
/// extension beside the rule that raises them (`DiagnosticCode.dependencyCycle`
/// in `PlanGraph.swift`), so a caller matches a kind, never a sentence.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}

/// One finding about a plan: an error that makes it invalid, or a warning about a
/// check (deadline, target, budget) that the schedule fails.
///
/// Diagnostics are data: the library collects and returns them; only the
/// executable prints them, and it decides the exit status.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Context for a diagnostic at another place, such as each link of a dependency cycle.
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation?
        public var message: String

        public init(_ message: String, at location: SourceLocation?) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// A stable code such as `dependency-cycle` or `unknown-reference`, for tests
    /// and for tools that filter findings. Each code is a constant defined beside
    /// the rule that raises it.
    public var code: DiagnosticCode
    /// The code as text (`dependency-cycle`).
    public var id: String { code.rawValue }
    public var location: SourceLocation?
    public var message: String
    public var notes: [Note]

    public init(_ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation?, _ message: String, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(_ code: DiagnosticCode, at location: SourceLocation?, _ message: String, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, notes: notes)
    }

    public static func warning(_ code: DiagnosticCode, at location: SourceLocation?, _ message: String, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message, notes: notes)
    }

    /// The compiler-style text of this diagnostic: `path:line:column: error: message`,
    /// followed by one `note:` line per note.
    public func rendered(path: String) -> String {
        var text = Self.line(path: path, location: location, kind: severity.rawValue, message: message)
        for note in notes {
            text += "\n" + Self.line(path: path, location: note.location, kind: "note", message: note.message)
        }
        return text
    }

    private static func line(path: String, location: SourceLocation?, kind: String, message: String) -> String {
        if let location {
            return "\(location.file ?? path):\(location.line):\(location.column): \(kind): \(message)"
        }
        return "\(path): \(kind): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Stable sort by location; diagnostics without a location come first.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location ?? SourceLocation(line: 0, column: 0)
            let lb = b.element.location ?? SourceLocation(line: 0, column: 0)
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }

    /// At most `limit` diagnostics of each id, then one line that counts the rest:
    /// a plan of 100,000 tasks that all overrun their phase needs one line, not 100,000.
    public func limitedPerID(_ limit: Int) -> [Diagnostic] {
        var seen: [DiagnosticCode: (count: Int, severity: Diagnostic.Severity)] = [:]
        var result: [Diagnostic] = []
        var order: [DiagnosticCode] = []
        for d in self {
            let count = seen[d.code]?.count ?? 0
            if count == 0 { order.append(d.code) }
            seen[d.code] = (count + 1, d.severity)
            if count < limit { result.append(d) }
        }
        for code in order {
            guard let (count, severity) = seen[code], count > limit else { continue }
            result.append(Diagnostic(severity, code, at: nil, "... and \(count - limit) more '\(code)' \(severity.rawValue)s like the ones above"))
        }
        return result
    }

    /// A one-line count such as `2 errors, 1 warning`.
    public var summary: String {
        let e = errors.count, w = warnings.count
        return "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
    }
}
