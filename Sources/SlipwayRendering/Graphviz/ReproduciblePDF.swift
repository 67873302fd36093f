import Foundation

/// Makes cairo's PDF output reproducible. Cairo 1.16 stamps every PDF with the
/// time of rendering (`/CreationDate (D:20261129013051Z)`) and ignores
/// SOURCE_DATE_EPOCH, so the same plan would give a different file each run and
/// every `make run` would dirty the committed diagrams.
enum ReproduciblePDF {
    /// The stamp written instead: the same length as cairo's, so the byte offsets
    /// in the PDF's cross-reference table stay valid.
    static let fixedDate = Array("D:19700101000000Z".utf8)

    /// - Complexity: O(*n*) in the size of the PDF.
    static func normalized(_ pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        let key = Array("/CreationDate (".utf8)
        guard let start = firstIndex(of: key, in: bytes) else { return pdf }
        let value = start + key.count
        guard value + fixedDate.count < bytes.count, bytes[value + fixedDate.count] == UInt8(ascii: ")"),
              bytes[value] == UInt8(ascii: "D") else { return pdf }
        bytes.replaceSubrange(value..<(value + fixedDate.count), with: fixedDate)
        return Data(bytes)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        outer: for i in 0...(haystack.count - needle.count) {
            for j in 0..<needle.count where haystack[i + j] != needle[j] { continue outer }
            return i
        }
        return nil
    }
}
