/// Where a file stops being UTF-8: the line and column of its first byte that
/// cannot start or continue a UTF-8 sequence, so that "not UTF-8" points at the
/// byte to fix (a Latin-1 'é' pasted into a plan, a stray binary block).
public enum UTF8Check {
    /// - Returns: nil when every byte is valid UTF-8 (RFC 3629: no overlong forms,
    ///   no surrogates, nothing above U+10FFFF).
    /// - Complexity: O(*n*) in the number of bytes.
    public static func firstInvalid<Bytes: Collection>(in bytes: Bytes) -> SourceLocation? where Bytes.Element == UInt8 {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var pending: [UInt8] = []
        while let b = iterator.next() {
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourceLocation(line: line, column: column)
            }
            pending = [b]
            for _ in 1..<length {
                guard let next = iterator.next(), next & 0xC0 == 0x80 else { return SourceLocation(line: line, column: column) }
                pending.append(next)
            }
            if length == 3 {
                // No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
                if (b == 0xE0 && pending[1] < 0xA0) || (b == 0xED && pending[1] > 0x9F) { return SourceLocation(line: line, column: column) }
            } else if length == 4 {
                // No overlong forms (F0 80..8F) and nothing above U+10FFFF (F4 90..).
                if (b == 0xF0 && pending[1] < 0x90) || (b == 0xF4 && pending[1] > 0x8F) { return SourceLocation(line: line, column: column) }
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }
}
