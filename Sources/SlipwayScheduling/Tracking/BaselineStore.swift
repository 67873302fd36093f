import Foundation
import SlipwayCore

/// Where baselines live and how they are saved: next to the plan,
/// `plans/x.baseline.json` for the default baseline and
/// `plans/x.NAME.baseline.json` for a named one, written atomically.
public enum BaselineStore {
    public static let defaultName = "default"

    /// The plan's file name without `.yaml`/`.yml`, and its directory.
    static func stem(ofPlan path: String) -> (directory: String, stem: String) {
        (FilePath.directory(of: path), FilePath.stem(of: path))
    }

    /// The baseline file of a plan: `x.baseline.json`, or `x.NAME.baseline.json`.
    public static func path(forPlan planPath: String, name: String?) -> String {
        let (directory, stem) = stem(ofPlan: planPath)
        let file = (name == nil || name == defaultName) ? "\(stem).baseline.json" : "\(stem).\(name!).baseline.json"
        return FilePath.joined(directory, file)
    }

    /// Whether a name can be used in a file name: `[a-z0-9][a-z0-9_-]*` (no dots,
    /// so that `x.a.baseline.json` has one reading).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isLowerAlnum else { return false }
        return name.unicodeScalars.allSatisfy { $0.isLowerAlnum || $0 == "-" || $0 == "_" }
    }

    /// Writes a baseline atomically: a reader, or a process killed mid-save,
    /// sees the old file or the new one, never half of one.
    public static func save(_ baseline: Baseline, to path: String) throws {
        try AtomicFile.write(baseline.encoded(), to: path)
    }

    /// One baseline file found next to a plan.
    public struct Entry: Sendable {
        public var name: String
        public var path: String
        public var baseline: Result<Baseline, Baseline.Problem>
    }

    /// Every baseline file of a plan, the default first, then by name.
    ///
    /// - Complexity: O(*f*) in the number of files in the plan's directory, plus
    ///   reading each baseline.
    public static func list(forPlan planPath: String) -> [Entry] {
        let (directory, stem) = stem(ofPlan: planPath)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        var names: [String] = []
        for file in files where file.hasPrefix(stem + ".") && file.hasSuffix(".baseline.json") {
            let middle = file.dropFirst(stem.count + 1).dropLast(".baseline.json".count)
            if file == "\(stem).baseline.json" { names.append(defaultName) }
            else if !middle.isEmpty, isValidName(String(middle)) { names.append(String(middle)) }
        }
        names.sort { ($0 == defaultName ? 0 : 1, $0) < ($1 == defaultName ? 0 : 1, $1) }
        return names.map { name in
            let path = path(forPlan: planPath, name: name)
            return Entry(name: name, path: path, baseline: Baseline.load(path: path))
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isLowerAlnum: Bool { (self >= "a" && self <= "z") || (self >= "0" && self <= "9") }
}
