import SlipwayEngine
import SlipwayCore

/// A single-mode resource-constrained project scheduling instance of PSPLIB
/// (Kolisch & Sprecher 1997, EJOR 96(1):205-216), jobs indexed from 0; job 0 is
/// the dummy source and the last job the dummy sink, both of duration 0.
public struct PSPLIBInstance: Sendable, Equatable {
    /// Periods per job.
    public var duration: [Double]
    /// The successors of each job, finish-to-start.
    public var successors: [[Int]]
    /// What each job needs of each renewable resource, per period.
    public var demand: [[Double]]
    /// What each renewable resource has per period.
    public var capacity: [Double]

    public init(duration: [Double], successors: [[Int]], demand: [[Double]], capacity: [Double]) {
        self.duration = duration
        self.successors = successors
        self.demand = demand
        self.capacity = capacity
    }

    public enum Outcome: Sendable {
        case parsed(PSPLIBInstance)
        /// The first thing wrong with the file, at its line and column.
        case failed(Diagnostic)
    }

    /// Reads an `.sm` file: the job and resource counts of the header, then the
    /// sections PRECEDENCE RELATIONS (jobnr, #modes, #successors, successors...),
    /// REQUESTS/DURATIONS (jobnr, mode, duration, R1..Rk) and
    /// RESOURCEAVAILABILITIES (R1..Rk). Only single-mode files with renewable
    /// resources are accepted; every number is range-checked at its place.
    ///
    /// - Complexity: O(*L*) for *L* characters of text.
    public static func parse(text: String) -> Outcome {
        var reader = PSPLIBReader()
        do {
            return .parsed(try reader.read(text))
        } catch let failure as PSPLIBReader.Failure {
            return .failed(failure.diagnostic)
        } catch {
            // The reader throws nothing else.
            return .failed(.error(.malformedPSPLIB, at: nil, "\(error)"))
        }
    }

    /// The finish-to-start network of the jobs, durations in periods.
    ///
    /// - Complexity: O(*V* + *E*).
    public func network() -> DependencyNetwork {
        var links: [DependencyNetwork.Link] = []
        for (i, list) in successors.enumerated() {
            for s in list { links.append(.init(from: Int32(i), to: Int32(s))) }
        }
        return DependencyNetwork(duration: duration, links: links)
    }

    /// What each job needs of each resource, for leveling.
    public func demands() -> ResourceDemands {
        ResourceDemands(capacity: capacity, demands: demand.map { row in row.enumerated().map { (resource: $0.offset, units: $0.element) } })
    }
}

/// The parse of one `.sm` file: a line at a time, tracking the section.
private struct PSPLIBReader {
    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// A whitespace-separated field and its 1-based column.
    struct Field {
        var text: Substring
        var column: Int
    }

    var jobs: Int?
    var resources: Int?
    var successors: [[Int]] = []
    var duration: [Double] = []
    var demand: [[Double]] = []
    var capacity: [Double]?
    /// Where each job's requests were written, for a request beyond the availability.
    var requestPlaces: [[SourceLocation]] = []
    var lineNumber = 0
    /// The last line with anything on it: where what is missing is reported.
    var lastLine = 1

    func fail(_ message: String, column: Int = 1) -> Failure {
        Failure(diagnostic: .error(.malformedPSPLIB, at: SourceLocation(line: lineNumber, column: column), message))
    }

    static func fields(_ line: Substring) -> [Field] {
        var result: [Field] = []
        var column = 1
        var start: Substring.Index?
        var startColumn = 1
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if c == " " || c == "\t" || c == "\r" {
                if let s = start { result.append(Field(text: line[s..<index], column: startColumn)); start = nil }
            } else if start == nil {
                start = index
                startColumn = column
            }
            column += 1
            index = line.index(after: index)
        }
        if let s = start { result.append(Field(text: line[s..<line.endIndex], column: startColumn)) }
        return result
    }

    /// The integer of a field, at least `minimum`.
    func integer(_ field: Field, _ what: String, minimum: Int = 0) throws -> Int {
        guard let value = Int(field.text) else { throw fail("\(what) should be a whole number, not '\(field.text)'", column: field.column) }
        guard value >= minimum else { throw fail("\(what) should be at least \(minimum), not \(value)", column: field.column) }
        return value
    }

    /// The count after the colon of a header line such as `jobs (incl. supersource/sink ):  32`.
    func count(_ line: Substring, _ what: String) throws -> Int {
        guard let colon = line.firstIndex(of: ":") else { throw fail("expected '\(what):' and a count") }
        let offset = line.distance(from: line.startIndex, to: colon) + 1
        guard let field = Self.fields(line[line.index(after: colon)...]).first else {
            throw fail("expected the number of \(what) after ':'", column: offset + 1)
        }
        return try integer(Field(text: field.text, column: offset + field.column), "the number of \(what)")
    }

    mutating func read(_ text: String) throws -> PSPLIBInstance {
        var section = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if !trimmed.isEmpty { lastLine = lineNumber }
            if trimmed.hasPrefix("jobs (incl. supersource/sink") {
                jobs = try count(line, "jobs")
                continue
            }
            if trimmed.hasPrefix("- renewable") {
                resources = try count(line, "renewable resources")
                continue
            }
            if trimmed.hasPrefix("- nonrenewable") || trimmed.hasPrefix("- doubly constrained") {
                if try count(line, "resources") != 0 {
                    throw fail("only renewable resources are supported (the single-mode RCPSP); this file has others")
                }
                continue
            }
            let fields = Self.fields(line)
            if let last = fields.last, last.text.hasSuffix(":"), fields.allSatisfy({ $0.text.uppercased() == $0.text }) {
                section = fields.map(\.text).joined(separator: " ")
                continue
            }
            // Data rows start with a number; headers, rules and separators do not.
            guard let first = fields.first, Int(first.text) != nil else { continue }
            switch section {
            case "PRECEDENCE RELATIONS:": try precedence(fields)
            case "REQUESTS/DURATIONS:": try request(fields)
            case "RESOURCEAVAILABILITIES:": try availabilities(fields)
            default: continue
            }
        }
        // What is missing is reported at the last line of the file.
        lineNumber = lastLine
        guard let jobs else { throw fail("no 'jobs (incl. supersource/sink ):' line; is this a PSPLIB .sm file?") }
        guard let capacity else { throw fail("no RESOURCEAVAILABILITIES section") }
        guard successors.count == jobs else { throw fail("\(jobs) jobs declared but \(successors.count) rows of PRECEDENCE RELATIONS") }
        guard duration.count == jobs else { throw fail("\(jobs) jobs declared but \(duration.count) rows of REQUESTS/DURATIONS") }
        return PSPLIBInstance(duration: duration, successors: successors, demand: demand, capacity: capacity)
    }

    mutating func precedence(_ row: [Field]) throws {
        guard let jobs else { throw fail("PRECEDENCE RELATIONS before the number of jobs") }
        let job = try integer(row[0], "the job number", minimum: 1)
        guard job == successors.count + 1 else { throw fail("expected job \(successors.count + 1) here, not job \(job)", column: row[0].column) }
        guard job <= jobs else { throw fail("job \(job) is beyond the \(jobs) jobs declared", column: row[0].column) }
        guard row.count >= 3 else { throw fail("expected job number, number of modes and number of successors", column: row.last!.column) }
        guard try integer(row[1], "the number of modes", minimum: 1) == 1 else {
            throw fail("job \(job) has \(row[1].text) modes; only single-mode (.sm) files are supported", column: row[1].column)
        }
        let count = try integer(row[2], "the number of successors")
        guard row.count == 3 + count else {
            throw fail("job \(job) declares \(count) successors but lists \(row.count - 3)", column: row[2].column)
        }
        var list: [Int] = []
        for field in row[3...] {
            let s = try integer(field, "a successor", minimum: 1)
            guard s <= jobs else { throw fail("successor \(s) of job \(job) is beyond the \(jobs) jobs", column: field.column) }
            guard s != job else { throw fail("job \(job) is its own successor", column: field.column) }
            list.append(s - 1)
        }
        successors.append(list)
    }

    mutating func request(_ row: [Field]) throws {
        guard let jobs, let resources else { throw fail("REQUESTS/DURATIONS before the numbers of jobs and resources") }
        let job = try integer(row[0], "the job number", minimum: 1)
        guard job == duration.count + 1 else { throw fail("expected job \(duration.count + 1) here, not job \(job)", column: row[0].column) }
        guard job <= jobs else { throw fail("job \(job) is beyond the \(jobs) jobs declared", column: row[0].column) }
        guard row.count == 3 + resources else {
            throw fail("expected job number, mode, duration and \(resources) requests; found \(row.count) fields", column: row.last!.column)
        }
        guard try integer(row[1], "the mode", minimum: 1) == 1 else {
            throw fail("job \(job) is in mode \(row[1].text); only single-mode (.sm) files are supported", column: row[1].column)
        }
        duration.append(Double(try integer(row[2], "the duration")))
        demand.append(try row[3...].map { Double(try integer($0, "a request")) })
        requestPlaces.append(row[3...].map { SourceLocation(line: lineNumber, column: $0.column) })
    }

    mutating func availabilities(_ row: [Field]) throws {
        guard let resources else { throw fail("RESOURCEAVAILABILITIES before the number of resources") }
        guard capacity == nil else { throw fail("a second row of availabilities", column: row[0].column) }
        guard row.count == resources else { throw fail("expected \(resources) availabilities, found \(row.count)", column: row.last!.column) }
        let values = try row.map { Double(try integer($0, "an availability")) }
        // A job that needs more than there is could never start.
        for (j, requests) in demand.enumerated() {
            for (r, units) in requests.enumerated() where units > values[r] {
                throw Failure(diagnostic: .error(.malformedPSPLIB, at: requestPlaces[j][r],
                    "job \(j + 1) requests \(units.compact) of R \(r + 1), which has only \(values[r].compact) (line \(lineNumber))"))
            }
        }
        capacity = values
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let malformedPSPLIB = DiagnosticCode("malformed-psplib")
}
