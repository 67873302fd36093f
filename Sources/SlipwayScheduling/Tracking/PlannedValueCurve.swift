import SlipwayEngine

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

extension PlannedValueCurve.Span {
    /// A task's span on its working calendar: the budget accrues with the work
    /// done, so none of it over a holiday or the owner's leave, and less of it
    /// per week at reduced availability. The work clock is linear between its
    /// breakpoints, so the span is cut at those inside it, each piece with the
    /// budget of the work done in it; the curve of the pieces is exact.
    /// A span that does no work (all of it in a gap, or of no length) is kept whole.
    ///
    /// - Complexity: O(log *g* + *k*) for *k* breakpoints of the calendar's *g* inside the span.
    public static func working(start: Double, finish: Double, budget: Double, on calendar: WorkingTime) -> [Self] {
        let total = calendar.work(from: start, to: finish)
        guard finish - start > PlannedValueCurve.instant, total > PlannedValueCurve.instant else {
            return [.init(start: start, finish: finish, budget: budget)]
        }
        let clock = calendar.work
        var cuts = [start]
        var k = clock.segment(containing: start) + 1
        while k < clock.at.count && clock.at[k] < finish {
            if clock.at[k] > start { cuts.append(clock.at[k]) }
            k += 1
        }
        cuts.append(finish)
        var pieces: [Self] = []
        for (a, b) in zip(cuts, cuts.dropFirst()) {
            let work = calendar.work(from: a, to: b)
            if work > 0 { pieces.append(.init(start: a, finish: b, budget: budget * work / total)) }
        }
        return pieces
    }
}
