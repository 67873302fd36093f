import Foundation

/// One slot per job of a `DispatchQueue.concurrentPerform`: each job writes only
/// its own slot, under a lock, and the caller reads them all, in job order,
/// once every job is done — so the order of results never depends on threads.
final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot's value, in job order; call after the jobs are done.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
