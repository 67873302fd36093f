/// Reads the plain subset of YAML that plan files are nearly always written in
/// straight from the bytes, into the same events, hence the same tree, that
/// libyaml would give; for anything else it gives up, and the composer reads the
/// text with libyaml from the start.
///
/// Why: libyaml decodes and re-copies every character through its buffers and
/// token queue, which was most of the time of composing a large plan. The subset
/// is read in one pass with no copy but the scalars' own bytes.
///
/// The subset: a root block mapping at column 1; block mappings of plain keys;
/// block sequences indented under their key; `- key: value` entries; values that
/// are single-line plain scalars, single-line quoted scalars without escapes, or
/// single-line flow sequences and mappings of those; comments and blank lines.
/// Text outside it, and text libyaml would refuse, makes it give up: tabs, CR,
/// control characters, line and paragraph separators, byte-order marks, document
/// markers and directives, anchors, aliases, tags, block scalars, multi-line
/// scalars and flow collections, empty values, explicit keys, indentless
/// sequences, keys of 1,000 bytes or more. So it may give up on text it could
/// have read, never read text differently: the tests compare the two on plans and
/// on thousands of mutations of them.
///
/// Marks are libyaml's: 1-based lines, and columns counted in characters; a
/// block mapping starts at its first key and a block sequence at its first `-`.
struct YAMLFastPath {
    /// The text and the questions about it that change nothing. Apart from the
    /// state below, so that asking them copies 16 bytes and not the reader.
    private let input: Input
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ascii: Bool
    private var builder: YAMLComposer.Builder
    private var diagnostics: [Diagnostic] = []
    /// The next byte to read, always at the start of a line between entries.
    private var pos = 0
    private var line: UInt32 = 1
    private var lineStart = 0
    /// Open block collections: the indentation of their entries.
    private var blocks: [(indent: Int, isMapping: Bool)] = []
    private var rootStarted = false
    /// The indentation of the mapping whose last key has no value on its line:
    /// the next line must open a more indented block.
    private var pending: Int?
    /// The column cache of a line that is not ASCII.
    private var columnLine: UInt32 = 0, columnAt = 0, columnCount: UInt32 = 0

    /// The document of `bytes` read as libyaml would read it, with the
    /// diagnostics of composing (duplicate keys) appended to `diagnostics`; nil
    /// when the text is outside the subset.
    ///
    /// - Complexity: O(*n*) in the size of the text.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>, builder: YAMLComposer.Builder, diagnostics: inout [Diagnostic]) -> YAMLNode? {
        guard let ascii = Self.validate(bytes) else { return nil }
        var reader = YAMLFastPath(bytes: bytes, ascii: ascii, builder: builder)
        do throws(GiveUp) {
            let root = try reader.run()
            diagnostics += reader.diagnostics
            return root
        } catch {
            return nil
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, builder: YAMLComposer.Builder) {
        self.input = Input(bytes: bytes)
        self.bytes = bytes
        self.ascii = ascii
        self.builder = builder
    }

    /// Whether every character is one libyaml reads without complaint and that
    /// is not a line break other than LF nor a byte-order mark: nil if not, else
    /// whether the text is ASCII. (The text came from a `String`, so it is valid UTF-8.)
    ///
    /// - Complexity: O(*n*); eight bytes at a time where they are all printable ASCII.
    private static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var ascii = true
        var i = 0
        while i < n {
            // Whether any of eight bytes is below 0x20 or above 0x7E (Anderson,
            // "Bit Twiddling Hacks": hasless and hasmore).
            while i + 8 <= n {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if ((x &- ones &* 0x20) & ~x & highs) | (((x &+ ones) | x) & highs) != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if (b >= 0x20 && b < 0x7F) || b == 0x0A {
                i += 1
                continue
            }
            guard b >= 0xC2 else { return nil }
            ascii = false
            let width = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            guard i + width <= n else { return nil }
            var scalar = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for k in 1..<width { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
            // libyaml's printable set, less NEL, LS and PS (line breaks to it) and the BOM.
            let printable = (scalar >= 0xA0 && scalar <= 0xD7FF) || (scalar >= 0xE000 && scalar <= 0xFFFD) || (scalar >= 0x10000 && scalar <= 0x10FFFF)
            guard printable, scalar != 0x2028, scalar != 0x2029, scalar != 0xFEFF else { return nil }
            i += width
        }
        return ascii
    }

    // MARK: - Lines and blocks

    private mutating func run() throws(GiveUp) -> YAMLNode {
        let n = bytes.count
        builder.documentStart(line: 1, column: 1, diagnostics: &diagnostics)
        while pos < n {
            var i = pos
            while i < n && bytes[i] == .space { i += 1 }
            if i == n { break }
            if bytes[i] == .newline {
                newline(at: i)
                continue
            }
            if bytes[i] == .hash {
                skipToNewline(from: i)
                continue
            }
            let indent = i - lineStart
            if indent == 0 && (bytes[i] == .percent || input.startsWith(i, .dash) || input.startsWith(i, .dot)) { throw GiveUp() }
            try structure(indent: indent, at: i)
            if blocks[blocks.count - 1].isMapping {
                try mappingEntry(at: i, indent: indent)
            } else {
                guard input.isBlockEntry(i) else { throw GiveUp() }
                try sequenceEntry(at: i)
            }
        }
        guard pending == nil, rootStarted else { throw GiveUp() }
        while !blocks.isEmpty { closeBlock() }
        let root: YAMLNode?
        do throws(YAMLComposer.Failure) {
            root = try builder.finish()
        } catch {
            throw GiveUp()
        }
        guard let root else { throw GiveUp() }
        return root
    }

    /// Opens and closes block collections for a line indented by `indent`.
    private mutating func structure(indent: Int, at i: Int) throws(GiveUp) {
        if let parent = pending {
            pending = nil
            // Not more indented: an empty value, or a sequence not indented under its key.
            guard indent > parent else { throw GiveUp() }
            let isMapping = !input.isBlockEntry(i)
            try open(isMapping: isMapping, at: i)
            blocks.append((indent, isMapping))
            return
        }
        while let top = blocks.last, top.indent > indent { closeBlock() }
        if blocks.isEmpty {
            guard !rootStarted, indent == 0, !input.isBlockEntry(i) else { throw GiveUp() }
            rootStarted = true
            try open(isMapping: true, at: i)
            blocks.append((0, true))
            return
        }
        // A line between two levels, or more indented than its block (a continued scalar).
        guard blocks[blocks.count - 1].indent == indent else { throw GiveUp() }
    }

    /// `key: value`, or `key:` before a nested block.
    private mutating func mappingEntry(at i: Int, indent: Int) throws(GiveUp) {
        guard input.isPlainStart(i) else { throw GiveUp() }
        let (end, stop, colon) = input.plain(from: i, flow: false)
        // libyaml drops a simple key more than 1,024 characters long.
        guard colon, stop - i < 1_000 else { throw GiveUp() }
        try scalar(i, end)
        let j = input.skipSpaces(stop + 1)
        if j == bytes.count || bytes[j] == .newline || bytes[j] == .hash {
            pending = indent
            skipToNewline(from: j)
            return
        }
        try value(at: j)
    }

    /// `- value` or `- key: value`, the first entry of a mapping in the sequence.
    private mutating func sequenceEntry(at i: Int) throws(GiveUp) {
        let j = input.skipSpaces(i + 1)
        guard j < bytes.count, bytes[j] != .newline, bytes[j] != .hash, !input.isBlockEntry(j) else { throw GiveUp() }
        if input.isPlainStart(j), input.plain(from: j, flow: false).colon {
            let indent = j - lineStart
            try open(isMapping: true, at: j)
            blocks.append((indent, true))
            try mappingEntry(at: j, indent: indent)
        } else {
            try value(at: j)
        }
    }

    /// A value that ends its line: a scalar or a flow collection, then spaces and
    /// perhaps a comment.
    private mutating func value(at j: Int) throws(GiveUp) {
        let end: Int
        switch bytes[j] {
        case .openBracket: end = try flowSequence(at: j, depth: 0)
        case .openBrace: end = try flowMapping(at: j, depth: 0)
        case .doubleQuote, .singleQuote: end = try quoted(at: j)
        default:
            guard input.isPlainStart(j) else { throw GiveUp() }
            let (scalarEnd, stop, colon) = input.plain(from: j, flow: false)
            guard !colon else { throw GiveUp() }
            try scalar(j, scalarEnd)
            skipToNewline(from: stop)
            return
        }
        // Then the end of the line, or a comment after a space.
        let k = input.skipSpaces(end)
        guard k == bytes.count || bytes[k] == .newline || (bytes[k] == .hash && k > end) else { throw GiveUp() }
        skipToNewline(from: k)
    }

    // MARK: - Flow collections, on one line

    /// `[item, item]`; the index after `]`.
    private mutating func flowSequence(at j: Int, depth: Int) throws(GiveUp) -> Int {
        guard depth < 32 else { throw GiveUp() }
        try open(isMapping: false, at: j)
        var p = try input.flowSpaces(j + 1)
        if bytes[p] == .closeBracket {
            closeFlow()
            return p + 1
        }
        while true {
            // Two statements: a non-mutating call around a mutating one would
            // copy `self`, and with it the builder's arrays, at every item.
            let end = try flowItem(at: p, depth: depth)
            p = try input.flowSpaces(end)
            switch bytes[p] {
            case .comma:
                p = try input.flowSpaces(p + 1)
                // A trailing comma, or an empty item.
                guard bytes[p] != .closeBracket, bytes[p] != .comma else { throw GiveUp() }
            case .closeBracket:
                closeFlow()
                return p + 1
            default:
                throw GiveUp()
            }
        }
    }

    /// `{key: value, key: value}` with plain keys; the index after `}`.
    private mutating func flowMapping(at j: Int, depth: Int) throws(GiveUp) -> Int {
        guard depth < 32 else { throw GiveUp() }
        try open(isMapping: true, at: j)
        var p = try input.flowSpaces(j + 1)
        if bytes[p] == .closeBrace {
            closeFlow()
            return p + 1
        }
        while true {
            guard input.isPlainStart(p) else { throw GiveUp() }
            let (keyEnd, stop, colon) = input.plain(from: p, flow: true)
            guard colon, stop - p < 1_000 else { throw GiveUp() }
            try scalar(p, keyEnd)
            p = try input.flowSpaces(stop + 1)
            guard bytes[p] != .comma, bytes[p] != .closeBrace else { throw GiveUp() }
            let end = try flowItem(at: p, depth: depth)
            p = try input.flowSpaces(end)
            switch bytes[p] {
            case .comma:
                p = try input.flowSpaces(p + 1)
                guard bytes[p] != .closeBrace, bytes[p] != .comma else { throw GiveUp() }
            case .closeBrace:
                closeFlow()
                return p + 1
            default:
                throw GiveUp()
            }
        }
    }

    /// One item of a flow collection; the index after it.
    private mutating func flowItem(at p: Int, depth: Int) throws(GiveUp) -> Int {
        switch bytes[p] {
        case .openBracket: return try flowSequence(at: p, depth: depth + 1)
        case .openBrace: return try flowMapping(at: p, depth: depth + 1)
        case .doubleQuote, .singleQuote: return try quoted(at: p)
        default:
            guard input.isPlainStart(p) else { throw GiveUp() }
            let (end, _, colon) = input.plain(from: p, flow: true)
            guard !colon, end < bytes.count else { throw GiveUp() }
            try scalar(p, end)
            return end
        }
    }

    // MARK: - Scalars

    /// A quoted scalar on one line, without escapes; the index after its closing quote.
    private mutating func quoted(at p: Int) throws(GiveUp) -> Int {
        let quote = bytes[p]
        var q = p + 1
        while q < bytes.count {
            let b = bytes[q]
            if b == quote {
                // '' is an escaped quote in single quotes.
                if quote == .singleQuote && q + 1 < bytes.count && bytes[q + 1] == .singleQuote { throw GiveUp() }
                break
            }
            if b == .newline || (quote == .doubleQuote && b == .backslash) { throw GiveUp() }
            q += 1
        }
        guard q < bytes.count else { throw GiveUp() }
        let (line, column) = (self.line, self.column(p))
        do throws(YAMLComposer.Failure) {
            try builder.scalar(UnsafeBufferPointer(rebasing: bytes[p + 1..<q]), anchor: nil, line: line, column: column, diagnostics: &diagnostics)
        } catch {
            throw GiveUp()
        }
        return q + 1
    }

    // MARK: - Events and positions

    private mutating func scalar(_ start: Int, _ end: Int) throws(GiveUp) {
        let (line, column) = (self.line, self.column(start))
        do throws(YAMLComposer.Failure) {
            try builder.scalar(UnsafeBufferPointer(rebasing: bytes[start..<end]), anchor: nil, line: line, column: column, diagnostics: &diagnostics)
        } catch {
            throw GiveUp()
        }
    }

    private mutating func open(isMapping: Bool, at i: Int) throws(GiveUp) {
        let (line, column) = (self.line, self.column(i))
        do throws(YAMLComposer.Failure) {
            try builder.open(isMapping: isMapping, anchor: nil, line: line, column: column)
        } catch {
            throw GiveUp()
        }
    }

    /// Ends the innermost block collection.
    private mutating func closeBlock() {
        builder.close(diagnostics: &diagnostics)
        blocks.removeLast()
    }

    /// Ends the innermost flow collection.
    private mutating func closeFlow() {
        builder.close(diagnostics: &diagnostics)
    }

    /// The 1-based column of byte `i` of the current line, in characters.
    private mutating func column(_ i: Int) -> UInt32 {
        if ascii { return UInt32(i - lineStart + 1) }
        if columnLine != line || i < columnAt {
            (columnLine, columnAt, columnCount) = (line, lineStart, 0)
        }
        while columnAt < i {
            if bytes[columnAt] & 0xC0 != 0x80 { columnCount += 1 }
            columnAt += 1
        }
        return columnCount + 1
    }

    /// Moves to the start of the next line.
    private mutating func skipToNewline(from p: Int) {
        var q = p
        while q < bytes.count && bytes[q] != .newline { q += 1 }
        if q < bytes.count { newline(at: q) } else { pos = q }
    }

    private mutating func newline(at i: Int) {
        pos = i + 1
        lineStart = pos
        line += 1
    }
}

extension YAMLFastPath {
    fileprivate struct GiveUp: Error {}

    /// The bytes of the text, and what can be read from them without state.
    fileprivate struct Input {
        let bytes: UnsafeBufferPointer<UInt8>

        /// A plain scalar from `i`: the end of its text, where it stopped, and
        /// whether it stopped at a `:` that makes it a key (a `:` then a space or the
        /// end of the line). It stops at the end of the line, at ` #`, and in a flow
        /// collection at `,[]{}`. Every `:` inside a flow collection stops it too, so
        /// that the ones libyaml treats otherwise are refused by the callers.
        func plain(from i: Int, flow: Bool) -> (end: Int, stop: Int, colon: Bool) {
            let n = bytes.count
            var p = i, end = i
            while p < n {
                let b = bytes[p]
                if b == .newline { break }
                if b == .space {
                    p += 1
                    continue
                }
                if b == .hash && bytes[p - 1] == .space { break }
                if b == .colon && (flow || p + 1 == n || bytes[p + 1] == .space || bytes[p + 1] == .newline) {
                    return (end, p, !flow || (p + 1 < n && bytes[p + 1] == .space))
                }
                if flow && (b == .comma || b == .openBracket || b == .closeBracket || b == .openBrace || b == .closeBrace) { break }
                p += 1
                end = p
            }
            return (end, p, false)
        }

        /// Whether a plain scalar may start at `i`: not at an indicator, except `-`
        /// before a character that is not a space.
        func isPlainStart(_ i: Int) -> Bool {
            switch bytes[i] {
            case .space, .newline, .questionMark, .colon, .comma, .openBracket, .closeBracket, .openBrace, .closeBrace, .hash,
                 .ampersand, .asterisk, .exclamation, .pipe, .greater, .singleQuote, .doubleQuote, .percent, .at, .backtick:
                return false
            case .dash:
                return i + 1 < bytes.count && bytes[i + 1] != .space && bytes[i + 1] != .newline
            default:
                return true
            }
        }

        func isBlockEntry(_ i: Int) -> Bool {
            bytes[i] == .dash && (i + 1 == bytes.count || bytes[i + 1] == .space || bytes[i + 1] == .newline)
        }

        /// `---` or `...` at `i`.
        func startsWith(_ i: Int, _ b: UInt8) -> Bool {
            i + 2 < bytes.count && bytes[i] == b && bytes[i + 1] == b && bytes[i + 2] == b
        }

        func skipSpaces(_ p: Int) -> Int {
            var q = p
            while q < bytes.count && bytes[q] == .space { q += 1 }
            return q
        }

        /// Skips spaces inside a flow collection; the line must go on.
        func flowSpaces(_ p: Int) throws(GiveUp) -> Int {
            let q = skipSpaces(p)
            guard q < bytes.count, bytes[q] != .newline, bytes[q] != .hash else { throw GiveUp() }
            return q
        }
    }
}

private extension UInt8 {
    static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), hash = UInt8(ascii: "#")
    static let dash = UInt8(ascii: "-"), dot = UInt8(ascii: "."), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    static let questionMark = UInt8(ascii: "?"), percent = UInt8(ascii: "%"), at = UInt8(ascii: "@"), backtick = UInt8(ascii: "`")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]"), openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let ampersand = UInt8(ascii: "&"), asterisk = UInt8(ascii: "*"), exclamation = UInt8(ascii: "!"), pipe = UInt8(ascii: "|")
    static let greater = UInt8(ascii: ">"), singleQuote = UInt8(ascii: "'"), doubleQuote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
}
