/// Planned value over time: each task's budget spread linearly over its planned
/// span (a task of no length spends its budget at its finish), summed. The curve
/// is piecewise linear, non-decreasing, 0 before the first planned work and the
/// budget at completion after the last; steps only where tasks of no length sit.
///
/// Kept as its breakpoints with the value on each side and the slope after each,
/// so that the value at a time and the time at a value (earned schedule) are
/// binary searches.
public struct PlannedValueCurve: Sendable, Equatable {
    /// The times at which the slope changes or a step falls, ascending.
    public private(set) var times: [Double] = []
    /// The value just before each time, and at it (steps included).
    private var before: [Double] = []
    private var at: [Double] = []
    /// The slope from each time to the next.
    private var slope: [Double] = []
    /// The budget at completion: every budget summed.
    public private(set) var total = 0.0

    /// A task's share of the curve.
    public struct Span: Sendable, Equatable {
        public var start: Double
        public var finish: Double
        public var budget: Double

        public init(start: Double, finish: Double, budget: Double) {
            self.start = start
            self.finish = finish
            self.budget = budget
        }
    }

    /// Spans closer to no length than this spend their budget at once.
    static let instant = 1e-9

    /// Builds the curve by a sweep over the spans' starts and finishes.
    ///
    /// - Complexity: O(*n* log *n*) for *n* spans (the sort of their ends).
    public init(spans: [Span]) {
        // (time, change of slope, step)
        var events: [(time: Double, slope: Double, step: Double)] = []
        events.reserveCapacity(2 * spans.count)
        for span in spans where span.budget != 0 {
            total += span.budget
            let length = span.finish - span.start
            if length > Self.instant {
                events.append((span.start, span.budget / length, 0))
                events.append((span.finish, -span.budget / length, 0))
            } else {
                events.append((span.finish, 0, span.budget))
            }
        }
        events.sort { $0.time < $1.time }
        var value = 0.0, currentSlope = 0.0, k = 0
        while k < events.count {
            let time = events[k].time
            if let last = times.last { value += currentSlope * (time - last) }
            before.append(value)
            while k < events.count && events[k].time == time {
                value += events[k].step
                currentSlope += events[k].slope
                k += 1
            }
            // What the slopes add up to after the last finish is rounding: the curve is flat there.
            if k == events.count { currentSlope = 0; value = total }
            times.append(time)
            at.append(value)
            slope.append(max(0, currentSlope))
        }
    }

    /// The planned value at time `t`: what was planned to be spent by then.
    ///
    /// - Complexity: O(log *b*) for *b* breakpoints.
    public func value(at t: Double) -> Double {
        guard let k = lastIndex(notAfter: t) else { return 0 }
        return min(total, at[k] + slope[k] * (t - times[k]))
    }

    /// The latest time at which the planned value is still at most `v`: earned
    /// schedule's "when the value earned should have been earned" (Lipke 2003).
    /// Over a stretch with nothing planned the curve is flat, and the answer is
    /// the stretch's end, as Lipke's count of periods with PV <= EV gives it.
    ///
    /// - Returns: the time, or nil when `v` reaches the total (the curve never
    ///   exceeds it; the caller caps it at the planned duration).
    /// - Complexity: O(log *b*) for *b* breakpoints.
    public func latestTime(notExceeding v: Double) -> Double? {
        let tolerance = 1e-9 * max(1, abs(total))
        // The first breakpoint at which the value exceeds v.
        var low = 0, high = times.count
        while low < high {
            let mid = (low + high) / 2
            if at[mid] > v + tolerance { high = mid } else { low = mid + 1 }
        }
        guard low < times.count else { return nil }
        let k = low
        // Crossed while rising towards the breakpoint, not by its step: solve on
        // the segment before it.
        if before[k] > v + tolerance, k > 0, slope[k - 1] > 0 {
            return times[k - 1] + max(0, v - at[k - 1]) / slope[k - 1]
        }
        return times[k]
    }

    private func lastIndex(notAfter t: Double) -> Int? {
        var low = 0, high = times.count
        while low < high {
            let mid = (low + high) / 2
            if times[mid] <= t { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }
}
