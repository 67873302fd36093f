/// How much of one resource is in use over time: a step function kept as sorted
/// breakpoints, `usage[i]` on `[times[i], times[i + 1])` and the last step to
/// infinity (always 0 once every reservation has ended).
///
/// Three parallel arrays and no dictionary, so that a profile can be emptied and
/// refilled without allocating: the activity-list search decodes thousands of
/// schedules into the same profiles.
public struct ResourceProfile: Sendable {
    private(set) var times: [Double] = [0]
    private(set) var usage: [Double] = [0]
    /// Per breakpoint, the first node whose reservation ends there (-1 when none),
    /// so that a delay can name the work it waited for.
    private var endsAt: [Int32] = [-1]

    public static let eps = 1e-9

    public init() {}

    /// Empties the profile, keeping its storage.
    ///
    /// - Complexity: O(1) amortized.
    mutating func reset() {
        times.removeAll(keepingCapacity: true)
        usage.removeAll(keepingCapacity: true)
        endsAt.removeAll(keepingCapacity: true)
        times.append(0)
        usage.append(0)
        endsAt.append(-1)
    }

    /// The index of the step that contains `t` (the last breakpoint at or before it).
    ///
    /// - Complexity: O(log *k*) for *k* breakpoints.
    func step(containing t: Double) -> Int {
        times.withUnsafeBufferPointer { times in
            var lo = 0, hi = times.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if times[mid] <= t + Self.eps { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
    }

    /// The earliest time at or after `t0` from which `units` more fit under
    /// `capacity` for `duration` weeks: a scan from the step holding `t0`, which
    /// jumps past each step too full to the end of that step.
    ///
    /// - Precondition: `units <= capacity` (the last step is free).
    /// - Complexity: O(log *k* + *s*), *s* the steps scanned.
    func earliestFit(from t0: Double, duration: Double, units: Double, capacity: Double) -> Double {
        let first = step(containing: t0)
        return times.withUnsafeBufferPointer { times in
            usage.withUnsafeBufferPointer { usage in
                var t = t0
                var i = first
                scan: while true {
                    var j = i
                    while j < times.count && (j == i || times[j] < t + duration - Self.eps) {
                        if usage[j] + units > capacity + Self.eps {
                            // Too full: the earliest try after this step is its end.
                            t = times[j + 1]
                            i = j + 1
                            continue scan
                        }
                        j += 1
                    }
                    return t
                }
            }
        }
    }

    /// The node whose reservation, first among those ending at `t`, ends there.
    ///
    /// - Complexity: O(log *k*).
    func node(endingAt t: Double) -> Int32? {
        let i = step(containing: t)
        return abs(times[i] - t) <= Self.eps && endsAt[i] >= 0 ? endsAt[i] : nil
    }

    /// Takes `units` over `[start, end)`.
    ///
    /// - Complexity: O(*k*) for the breakpoints shifted on insertion.
    mutating func reserve(node: Int32, from start: Double, to end: Double, units: Double) {
        guard end > start + Self.eps else { return }
        let first = split(at: start)
        let last = split(at: end)
        usage.withUnsafeMutableBufferPointer { usage in
            for i in first..<last { usage[i] += units }
        }
        if endsAt[last] < 0 { endsAt[last] = node }
    }

    /// Makes `t` a breakpoint (or finds one within the tolerance) and returns its index.
    private mutating func split(at t: Double) -> Int {
        let i = step(containing: t)
        if abs(times[i] - t) <= Self.eps { return i }
        times.insert(t, at: i + 1)
        usage.insert(usage[i], at: i + 1)
        endsAt.insert(-1, at: i + 1)
        return i + 1
    }
}
