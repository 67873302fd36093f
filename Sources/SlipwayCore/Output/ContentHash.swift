import Foundation

/// A stable fingerprint of file contents, to tell whether a plan changed since a
/// baseline was saved.
///
/// FNV-1a, 64 bits (Fowler, Noll, Vo; IETF draft-eastlake-fnv): Foundation on
/// Linux has no SHA-256, and this needs no cryptographic strength, only the
/// same answer on every machine for the same bytes.
public enum ContentHash {
    /// `fnv1a64:` followed by 16 lower-case hex digits.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    public static func fnv1a64(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The fingerprint of a file, or nil when it cannot be read.
    public static func ofFile(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map(fnv1a64)
    }
}
