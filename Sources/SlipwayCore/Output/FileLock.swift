import Foundation

/// An advisory lock (flock) held on a file while a read-modify-write of another
/// file runs, so that two `slipway progress` runs at the same moment take turns
/// instead of one losing the other's update.
///
/// The lock is taken on the plan file, which the command never replaces: the
/// sidecar itself is replaced by a rename on every write, so a lock on it would
/// guard a file that is no longer there.
public enum FileLock {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func exclusive<T>(on path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure(description: "cannot open \(path) to lock it: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw Failure(description: "cannot lock \(path): \(String(cString: strerror(errno)))") }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
