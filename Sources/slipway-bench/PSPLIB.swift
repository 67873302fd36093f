import Foundation

/// A single-mode resource-constrained project scheduling instance of PSPLIB
/// (Kolisch & Sprecher 1997, EJOR 96(1):205-216), jobs indexed from 0; job 0 is
/// the dummy source and the last job the dummy sink, both of duration 0.
struct PSPLIBInstance {
    var duration: [Double]
    /// The successors of each job, finish-to-start.
    var successors: [[Int]]
    /// What each job needs of each renewable resource, per period.
    var demand: [[Double]]
    /// What each renewable resource has per period.
    var capacity: [Double]
}

/// Readers for the PSPLIB `.sm` instance files and the solution lists beside them.
enum PSPLIB {
    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads an `.sm` file: the job and resource counts of the header, then the
    /// sections PRECEDENCE RELATIONS (jobnr, #modes, #successors, successors...),
    /// REQUESTS/DURATIONS (jobnr, mode, duration, R1..Rk) and
    /// RESOURCEAVAILABILITIES (R1..Rk). Only single-mode files are accepted.
    ///
    /// - Complexity: O(*L*) for *L* characters of text.
    static func instance(text: String, path: String) throws -> PSPLIBInstance {
        var jobs = 0, resources = 0
        var section = ""
        var successors: [[Int]] = [], duration: [Double] = [], demand: [[Double]] = [], capacity: [Double] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            func fail(_ message: String) -> FormatError { FormatError(description: "\(path):\(number + 1): error: \(message)") }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("jobs (incl. supersource/sink )") || trimmed.hasPrefix("- renewable") {
                guard let value = trimmed.split(separator: ":").last?.split(separator: " ").first.flatMap({ Int($0) }) else {
                    throw fail("expected a count after ':'")
                }
                if trimmed.hasPrefix("jobs") { jobs = value } else { resources = value }
                continue
            }
            if trimmed.hasSuffix(":") && trimmed.uppercased() == trimmed { section = trimmed; continue }
            // Data rows are all integers; headers, rules and '*' separators are not.
            let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Int($0) }
            guard !fields.isEmpty, fields.allSatisfy({ $0 != nil }) else { continue }
            let row = fields.map { $0! }
            switch section {
            case "PRECEDENCE RELATIONS:":
                guard row.count >= 3, row[0] == successors.count + 1, row[1] == 1, row.count == 3 + row[2] else {
                    throw fail("expected jobnr \(successors.count + 1), 1 mode, #successors and that many successors")
                }
                guard row[3...].allSatisfy({ (1...jobs).contains($0) }) else { throw fail("successor out of 1...\(jobs)") }
                successors.append(row[3...].map { $0 - 1 })
            case "REQUESTS/DURATIONS:":
                guard row.count == 3 + resources, row[0] == duration.count + 1, row[1] == 1 else {
                    throw fail("expected jobnr \(duration.count + 1), mode 1, duration and \(resources) requests")
                }
                duration.append(Double(row[2]))
                demand.append(row[3...].map(Double.init))
            case "RESOURCEAVAILABILITIES:":
                guard row.count == resources, capacity.isEmpty else { throw fail("expected one row of \(resources) availabilities") }
                capacity = row.map(Double.init)
            default: continue
            }
        }
        guard jobs > 0, successors.count == jobs, duration.count == jobs, capacity.count == resources else {
            throw FormatError(description: "\(path): error: \(jobs) jobs declared, \(successors.count) precedence rows, "
                + "\(duration.count) request rows, \(capacity.count) of \(resources) availabilities")
        }
        return PSPLIBInstance(duration: duration, successors: successors, demand: demand, capacity: capacity)
    }

    /// Reads a solution or bound list (`j30opt.sm`, `j60hrs.sm`, ...): every row
    /// that starts with three integers, parameter, instance and makespan (the upper
    /// bound in the `lb` files), keyed "parameter_instance" like the file names
    /// `j301_1.sm`. The header, author and date columns are skipped.
    ///
    /// - Complexity: O(*L*) for *L* characters of text.
    static func makespans(text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).prefix(3).compactMap { Int($0) }
            if fields.count == 3 { result["\(fields[0])_\(fields[1])"] = fields[2] }
        }
        return result
    }
}
