import Foundation
import SlipwayCore

/// A schedule saved for later comparison: per task its early start and finish
/// and whether it was critical, the plan finish, constraint resolutions, the
/// critical path, the fingerprint of the plan file and when it was saved.
///
/// Stored as JSON next to the plan (`BaselineStore.path(forPlan:name:)`).
/// Times are weeks from t = 0, as in all machine output.
public struct Baseline: Codable, Sendable, Equatable {
    public static let formatName = "slipway-baseline"
    public static let currentVersion = 1

    public struct Task: Codable, Sendable, Equatable {
        public var id: String
        public var earlyStart: Double
        public var earlyFinish: Double
        public var duration: Double
        public var totalFloat: Double
        public var critical: Bool
    }

    public struct ConstraintEntry: Codable, Sendable, Equatable {
        public var id: String
        public var resolved: Double
        public var target: Double?
    }

    public var format: String
    public var version: Int
    /// `default`, or the `--name` it was saved under.
    public var name: String
    /// The plan's title, and the file name it was saved from.
    public var plan: String
    public var planFile: String
    /// `ContentHash.fnv1a64` of the plan file's bytes, and of its progress sidecar when it had one.
    public var planHash: String
    public var progressHash: String?
    /// ISO 8601, UTC.
    public var savedAt: String
    public var statusDate: Double?
    public var finish: Double
    public var deadline: Double?
    public var criticalPath: [String]
    public var tasks: [Task]
    public var constraints: [ConstraintEntry]

    /// Captures a schedule.
    ///
    /// - Complexity: O(*T* + *C*).
    public init(plan: Plan, schedule: Schedule, name: String, planFile: String, planHash: String,
                progressHash: String?, savedAt: String) {
        format = Baseline.formatName
        version = Baseline.currentVersion
        self.name = name
        self.plan = plan.title
        self.planFile = planFile
        self.planHash = planHash
        self.progressHash = progressHash
        self.savedAt = savedAt
        statusDate = plan.statusDate
        finish = schedule.finish
        deadline = plan.deadline
        criticalPath = schedule.criticalPath.map { plan.tasks[$0].id }
        let t = schedule.timing
        tasks = schedule.taskOrder.map { i in
            Task(id: plan.tasks[i].id, earlyStart: t.earlyStart[i], earlyFinish: t.earlyFinish[i],
                 duration: schedule.duration(i), totalFloat: t.totalFloat[i], critical: t.isCritical(i))
        }
        constraints = schedule.resolutions.map { r in
            ConstraintEntry(id: plan.constraints[r.constraint].id, resolved: r.resolved, target: r.target)
        }
    }

    /// The saved dates of each task by id (for a Gantt's baseline bars).
    public var tasksByID: [String: Task] {
        Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The JSON text, written as every JSON output is (`JSONOutput`): keys in the
    /// order declared above, one task per line, so that two saves diff well; a nil
    /// value is `null`. Numbers are rounded to 1e-9 weeks, below the tolerance
    /// variance compares them with. A number JSON cannot hold (never in a
    /// schedule) would be `null`, which `decode` refuses.
    ///
    /// Baselines saved before this layout (`JSONEncoder`, keys sorted, nil values
    /// left out) read the same: `decode` does not depend on either.
    ///
    /// - Complexity: O(*T* + *C*).
    public func encoded() -> Data {
        Data(JSONOutput.encode(self).utf8)
    }

    /// Why a baseline file cannot be used: a kind with its data, worded only
    /// when it is shown.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public enum Kind: Equatable, Sendable {
            case missing
            case unreadable
            /// Not JSON of a baseline; the decoder's account of where, when it has one.
            case malformed(detail: String?)
            /// Not UTF-8 from this byte on.
            case notUTF8(line: Int, column: Int)
            case wrongFormat(String)
            case newerVersion(Int)
            case duplicateTask(String)
            case finishBeforeStart(String)
            /// A time (of the named task, or of the baseline itself) that no schedule
            /// can hold: beyond 10^15 weeks, or not a number.
            case timeOutOfRange(String)
            /// A baseline of another plan: no task id in common.
            case noSharedTask(plan: String, planFile: String, current: String)
        }

        public var path: String
        public var kind: Kind

        public var message: String {
            let saveAgain = "save it again with 'slipway baseline save'"
            switch kind {
            case .missing: return "no baseline here; save one first with 'slipway baseline save PLAN'"
            case .unreadable: return "cannot read the baseline file; check its permissions"
            case .malformed(let detail?): return "not a valid Slipway baseline (\(detail)); \(saveAgain)"
            case .malformed(nil): return "not a valid Slipway baseline; \(saveAgain)"
            case .notUTF8: return "not UTF-8 text from this byte on: not a Slipway baseline; \(saveAgain)"
            case .wrongFormat(let format): return "'format' is '\(format)', not '\(formatName)': this is not a Slipway baseline"
            case .newerVersion(let version):
                return "baseline version \(version) was written by a newer slipway (this one reads version \(currentVersion)); upgrade slipway or \(saveAgain)"
            case .duplicateTask(let id): return "task '\(id)' appears twice; the file was edited or damaged; \(saveAgain)"
            case .finishBeforeStart(let id): return "task '\(id)' finishes before it starts; the file was edited or damaged; \(saveAgain)"
            case .timeOutOfRange(let what): return "\(what) has a time beyond 10^15 weeks, which no plan can reach; the file was edited or damaged; \(saveAgain)"
            case .noSharedTask(let plan, let planFile, let current):
                return "this baseline (of '\(plan)', \(planFile)) shares no task with the plan '\(current)'; it belongs to another plan. Save a baseline of this plan with 'slipway baseline save'"
            }
        }

        public var description: String {
            if case .notUTF8(let line, let column) = kind { return "\(path):\(line):\(column): error: \(message)" }
            return "\(path): error: \(message)"
        }
    }

    /// Reads and checks a baseline file. Never traps: every problem is a `Problem`.
    public static func load(path: String) -> Result<Baseline, Problem> {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            return .failure(Problem(path: path, kind: exists ? .unreadable : .missing))
        }
        return decode(data, path: path)
    }

    /// Decodes and checks baseline JSON.
    public static func decode(_ data: Data, path: String) -> Result<Baseline, Problem> {
        if let bad = UTF8Check.firstInvalid(in: data) {
            return .failure(Problem(path: path, kind: .notUTF8(line: bad.line, column: bad.column)))
        }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch let error as DecodingError {
            return .failure(Problem(path: path, kind: .malformed(detail: describe(error))))
        } catch {
            return .failure(Problem(path: path, kind: .malformed(detail: nil)))
        }
        guard baseline.format == formatName else {
            return .failure(Problem(path: path, kind: .wrongFormat(baseline.format)))
        }
        guard baseline.version <= currentVersion else {
            return .failure(Problem(path: path, kind: .newerVersion(baseline.version)))
        }
        // A plan's times are within 521,775 weeks, so its schedule's sums stay far
        // below 10^15; a larger time (an edited `1e300`) would trap where a chart
        // counts its weeks.
        func inRange(_ t: Double?) -> Bool { t.map { $0.isFinite && abs($0) < 1e15 } ?? true }
        guard inRange(baseline.finish), inRange(baseline.deadline), inRange(baseline.statusDate) else {
            return .failure(Problem(path: path, kind: .timeOutOfRange("the baseline")))
        }
        var seen = Set<String>()
        for task in baseline.tasks {
            guard inRange(task.earlyStart), inRange(task.earlyFinish), inRange(task.duration), inRange(task.totalFloat) else {
                return .failure(Problem(path: path, kind: .timeOutOfRange("task '\(task.id)'")))
            }
            guard seen.insert(task.id).inserted else {
                return .failure(Problem(path: path, kind: .duplicateTask(task.id)))
            }
            guard task.earlyStart.isFinite, task.earlyFinish.isFinite, task.earlyFinish >= task.earlyStart - 1e-9 else {
                return .failure(Problem(path: path, kind: .finishBeforeStart(task.id)))
            }
        }
        for c in baseline.constraints where !inRange(c.resolved) || !inRange(c.target) {
            return .failure(Problem(path: path, kind: .timeOutOfRange("constraint '\(c.id)'")))
        }
        return .success(baseline)
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            path.isEmpty ? "at the top" : "at " + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)' \(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong kind of value \(at(context.codingPath))"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "the file is not JSON" : "bad value \(at(context.codingPath))"
        @unknown default: return "unreadable"
        }
    }
}
