/// Splits file paths into directory, name and stem with plain string operations.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on a one-character
/// path such as `-` (Swift 6.3 on Linux), and `slipway` is given `-` for
/// standard input; these never trap.
public enum FilePath {
    /// `plans` for `plans/x.yaml`, an empty string for `x.yaml`, `/` for `/x`.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `x.yaml` for `plans/x.yaml`.
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `x` for `plans/x.yaml` or `plans/x.yml`; other names are kept whole.
    public static func stem(of path: String) -> String {
        let file = name(of: path)
        for suffix in [".yaml", ".yml", ".YAML", ".YML"] where file.hasSuffix(suffix) && file.count > suffix.count {
            return String(file.dropLast(suffix.count))
        }
        return file
    }

    /// `directory/file`, or `file` alone when the directory is empty.
    public static func joined(_ directory: String, _ file: String) -> String {
        directory.isEmpty ? file : (directory.hasSuffix("/") ? directory + file : directory + "/" + file)
    }
}
