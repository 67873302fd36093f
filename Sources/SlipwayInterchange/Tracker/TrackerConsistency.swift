import SlipwayCore

/// How a tracker disagrees with itself: statistics that do not count what the
/// document holds, severities that differ between a heading and the resolution
/// table, table rows that name no constraint, and constraints missing from the table.
public enum TrackerConsistency {
    /// Warnings in that order, each at the line of the statement it questions.
    ///
    /// - Parameters:
    ///   - matches: for each table row, its constraint (`TrackerImport.rowMatches`).
    ///   - cross: which activity is which constraint's mitigation and which action's work.
    /// - Complexity: O(*r* + *c*) for *r* table rows and *c* constraints.
    public static func findings(_ doc: TrackerDocument, matches: [Int?], cross: TrackerCrossReference) -> [Diagnostic] {
        var result: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }

        var counts: [Constraint.Severity: Int] = [:]
        for entry in doc.constraints { if let s = entry.severity { counts[s, default: 0] += 1 } }
        for (key, stated, line) in doc.statistics {
            let lower = key.lowercased()
            let actual: Int
            let what: String
            if lower.hasPrefix("total") {
                actual = doc.constraints.count
                what = "constraints"
            } else if let s = Constraint.Severity(rawValue: lower) {
                actual = counts[s] ?? 0
                what = "\(s.rawValue) constraints"
            } else {
                continue
            }
            if stated != actual {
                result.append(.warning(.statisticsMismatch, at: at(line),
                                       "the statistics claim \(stated) \(what), but the document holds \(actual)"))
            }
        }

        for (r, row) in doc.table.enumerated() {
            let label = row.cell("Constraint") ?? ""
            guard let e = matches[r] else {
                result.append(.warning(.unknownTableRow, at: at(row.line),
                                       "the table row '\(label)' names no constraint of the document"))
                continue
            }
            let entry = doc.constraints[e]
            if let cell = row.cell("Severity"), let tableSeverity = severity(in: cell), let headingSeverity = entry.severity,
               tableSeverity != headingSeverity {
                result.append(.warning(.severityMismatch, at: at(row.line),
                                       "'\(label)' is \(tableSeverity.rawValue.uppercased()) in the table but \(headingSeverity.rawValue.uppercased()) in its heading \(entry.section) (line \(entry.line))"))
            }
        }

        let listed = Set(matches.compactMap { $0 })
        for (e, entry) in doc.constraints.enumerated() where !listed.contains(e) {
            result.append(.warning(.missingFromTable, at: at(entry.line),
                                   "\(entry.section) '\(entry.name)' is missing from the resolution table: it has no status, owner, target or progress"))
        }
        return result
    }

    /// `🔴 CRITICAL` -> critical.
    static func severity(in cell: String) -> Constraint.Severity? {
        cell.split(separator: " ").lazy.compactMap { Constraint.Severity(rawValue: $0.lowercased()) }.first
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let missingFromTable = DiagnosticCode("missing-from-table")
    public static let severityMismatch = DiagnosticCode("severity-mismatch")
    public static let statisticsMismatch = DiagnosticCode("statistics-mismatch")
    public static let unknownTableRow = DiagnosticCode("unknown-table-row")
}
