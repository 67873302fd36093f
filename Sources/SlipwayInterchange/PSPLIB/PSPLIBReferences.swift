/// The solution and bound lists published with PSPLIB (`j30opt.sm`,
/// `j60hrs.sm`, `j120lb.sm`, ...): one row per instance, parameter, instance and
/// makespan first (the upper bound in the `lb` files).
public enum PSPLIBReferences {
    /// Every row that starts with three integers, keyed "parameter_instance" like
    /// the file names (`j301_1.sm`: "1_1"). The header, author and date columns
    /// are skipped.
    ///
    /// - Complexity: O(*L*) for *L* characters of text.
    public static func makespans(text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).prefix(3).compactMap { Int($0) }
            if fields.count == 3 { result["\(fields[0])_\(fields[1])"] = fields[2] }
        }
        return result
    }
}
