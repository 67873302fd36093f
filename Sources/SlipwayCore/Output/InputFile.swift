import Foundation

/// Reads an input file (or standard input for `-`) and says, in a sentence, why
/// it cannot be read: Foundation's own errors ("The operation could not be
/// completed. (NSCocoaErrorDomain error 256.)") tell a user nothing.
public enum InputFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The file's bytes, refusing anything larger than `limit` before reading it.
    public static func read(_ path: String, limit: Int = .max) -> Result<Data, Failure> {
        if path == "-" { return .success(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Failure(description: "there is no file '\(path)'"))
        }
        if isDirectory.boolValue {
            return .failure(Failure(description: "'\(path)' is a directory, not a file"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Failure(description: "'\(path)' cannot be opened for reading (check its permissions)"))
        }
        defer { try? handle.close() }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            return .failure(Failure(description: "'\(path)' has \(size) bytes, over the limit of \(limit) bytes"))
        }
        do {
            return .success(try handle.readToEnd() ?? Data())
        } catch {
            return .failure(Failure(description: "'\(path)' could not be read: \(error.localizedDescription)"))
        }
    }

    /// Whether two paths name the same existing file (after following links).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        guard a != "-", b != "-",
              let x = try? FileManager.default.attributesOfItem(atPath: a),
              let y = try? FileManager.default.attributesOfItem(atPath: b) else { return false }
        return (x[.systemFileNumber] as? Int) == (y[.systemFileNumber] as? Int)
            && (x[.systemNumber] as? Int) == (y[.systemNumber] as? Int)
    }
}
