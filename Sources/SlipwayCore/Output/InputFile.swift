import Foundation

/// Reads an input file (or standard input for `-`) and says, in a sentence, why
/// it cannot be read: Foundation's own errors ("The operation could not be
/// completed. (NSCocoaErrorDomain error 256.)") tell a user nothing.
public enum InputFile {
    /// Why a file cannot be read: a kind with its data, worded only when printed.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case missing(path: String)
        case directory(path: String)
        case unopenable(path: String)
        case tooLarge(path: String, size: Int, limit: Int)
        case unreadable(path: String, reason: String)

        public var description: String {
            switch self {
            case .missing(let path): return "there is no file '\(path)'"
            case .directory(let path): return "'\(path)' is a directory, not a file"
            case .unopenable(let path): return "'\(path)' cannot be opened for reading (check its permissions)"
            case .tooLarge(let path, let size, let limit): return "'\(path)' has \(size) bytes, over the limit of \(limit) bytes"
            case .unreadable(let path, let reason): return "'\(path)' could not be read: \(reason)"
            }
        }
    }

    /// The file's bytes, refusing anything larger than `limit` before reading it.
    public static func read(_ path: String, limit: Int = .max) -> Result<Data, Failure> {
        if path == "-" { return .success(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.missing(path: path))
        }
        if isDirectory.boolValue {
            return .failure(.directory(path: path))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.unopenable(path: path))
        }
        defer { try? handle.close() }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            return .failure(.tooLarge(path: path, size: size, limit: limit))
        }
        do {
            return .success(try handle.readToEnd() ?? Data())
        } catch {
            return .failure(.unreadable(path: path, reason: error.localizedDescription))
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
