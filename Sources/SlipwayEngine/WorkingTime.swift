/// A working calendar on the plan's time axis, compiled once into sorted arrays.
///
/// The axis is the plan's (weeks of `days-per-week` working days from t = 0);
/// a calendar takes away gaps (holidays, leave: non-working spans of the axis)
/// and may slow work down from some time on (an owner available at 60% does
/// 0.6 weeks of work per week). Two clocks are kept:
/// - the **work clock** W(t): the work done from t = 0 to t, at the calendar's
///   rate outside gaps and at 0 in them; durations are measured on it;
/// - the **lag clock** C(t): the working time from t = 0 to t, at rate 1 outside
///   gaps and 0 in them; lags and waits are measured on it (a wait is not work,
///   so availability does not stretch it).
///
/// Each clock is piecewise linear and never decreasing: breakpoints `at` in
/// increasing order, the rate of each segment `[at[k], at[k+1])` (the last one
/// open-ended), and the clock's value at each breakpoint. Before the first
/// breakpoint the clock runs at rate 1, as the plain axis does.
public struct WorkingTime: Sendable, Hashable {
    /// One clock: W(t) = value[k] + rate[k] · (t - at[k]) for the last k with at[k] <= t.
    public struct Clock: Sendable, Hashable {
        /// Readings this close are the same: sums of weeks carry rounding noise,
        /// and a reading a hair short of a gap's must still find the gap.
        public static let tolerance = 1e-12

        public let at: [Double]
        public let rate: [Double]
        public let value: [Double]

        /// - Parameters:
        ///   - at: breakpoints, strictly increasing.
        ///   - rate: per segment, the rate from its breakpoint on (>= 0; the last > 0).
        public init(at: [Double], rate: [Double]) {
            precondition(at.count == rate.count, "one rate per breakpoint")
            precondition(rate.last.map { $0 > 0 } ?? true, "the last segment must work")
            self.at = at
            self.rate = rate
            var value = [Double](repeating: 0, count: at.count)
            for k in at.indices {
                value[k] = k == 0 ? at[0] : value[k - 1] + rate[k - 1] * (at[k] - at[k - 1])
            }
            self.value = value
        }

        /// The last breakpoint at or before t, or -1.
        ///
        /// - Complexity: O(log *g*) for *g* breakpoints.
        @inlinable
        public func segment(containing t: Double) -> Int {
            var low = 0, high = at.count
            while low < high {
                let mid = (low + high) >> 1
                if at[mid] <= t { low = mid + 1 } else { high = mid }
            }
            return low - 1
        }

        /// The clock's reading at t.
        @inlinable
        public func reading(at t: Double) -> Double {
            let k = segment(containing: t)
            return k < 0 ? t - (at.isEmpty ? 0 : at[0] - value[0]) : value[k] + rate[k] * (t - at[k])
        }

        /// The earliest time whose reading is `target`: an end that falls just
        /// before a gap ends at the gap's start, not at its end.
        ///
        /// - Complexity: O(log *g*).
        @inlinable
        public func earliest(reading target: Double) -> Double {
            // The first breakpoint whose reading reaches the target.
            var low = 0, high = value.count
            while low < high {
                let mid = (low + high) >> 1
                if value[mid] < target - Self.tolerance { low = mid + 1 } else { high = mid }
            }
            if low == 0 { return at.isEmpty ? target : at[0] - (value[0] - target) }
            let k = low - 1
            return at[k] + (target - value[k]) / rate[k]
        }

        /// The latest time whose reading is `target`: a start that falls just
        /// after a gap starts at the gap's end.
        ///
        /// - Complexity: O(log *g*).
        @inlinable
        public func latest(reading target: Double) -> Double {
            // The last breakpoint whose reading is at most the target.
            var low = 0, high = value.count
            while low < high {
                let mid = (low + high) >> 1
                if value[mid] <= target + Self.tolerance { low = mid + 1 } else { high = mid }
            }
            if low == 0 { return at.isEmpty ? target : at[0] - (value[0] - target) }
            let k = low - 1
            return at[k] + (target - value[k]) / rate[k]
        }

        /// `t` moved out of a gap to the gap's end: the first instant work can be done.
        ///
        /// - Complexity: O(log *g*).
        @inlinable
        public func workingStart(from t: Double) -> Double {
            // A start a hair before a gap (rounding noise) has no work before it either.
            let k = segment(containing: t + 1e-9)
            guard k >= 0, rate[k] == 0 else { return t }
            // Gaps never touch: the segment after a gap works.
            return at[k + 1]
        }
    }

    public let work: Clock
    public let lag: Clock

    /// Breakpoints closer than this (weeks; about a thousandth of a second) are one.
    static let sliver = 1e-9

    /// - Parameters:
    ///   - gaps: non-working spans `[start, end)` of the axis, in any order; they may overlap.
    ///   - rates: (from, rate) steps of the work rate, rate in (0, 1], in any order; 1 before the first.
    /// - Complexity: O(*g* log *g* + *r* log *r*).
    public init(gaps: [(start: Double, end: Double)], rates: [(from: Double, rate: Double)] = []) {
        var merged: [(start: Double, end: Double)] = []
        for gap in gaps.filter({ $0.end > $0.start }).sorted(by: { $0.start < $1.start }) {
            // Gaps that touch (a holiday on Friday, leave from Monday) are one: sums
            // of weeks may leave a sliver of 1e-15 weeks between them, never work.
            if let last = merged.last, gap.start <= last.end + Self.sliver {
                merged[merged.count - 1].end = max(last.end, gap.end)
            } else {
                merged.append(gap)
            }
        }
        lag = Self.clock(gaps: merged, rates: [])
        let steps = rates.sorted { $0.from < $1.from }
        work = steps.isEmpty ? lag : Self.clock(gaps: merged, rates: steps)
    }

    /// The clock that stops in `gaps` (sorted, disjoint) and runs at the rate of
    /// the last step at or before t elsewhere.
    private static func clock(gaps: [(start: Double, end: Double)], rates: [(from: Double, rate: Double)]) -> Clock {
        var points: [Double] = []
        for gap in gaps { points.append(gap.start); points.append(gap.end) }
        for step in rates { points.append(step.from) }
        points.sort()
        var at: [Double] = [], rate: [Double] = []
        var g = 0, s = -1
        for t in points where at.last.map({ t > $0 + sliver }) ?? true {
            // A point within a sliver of another counts as that one.
            while g < gaps.count && gaps[g].end <= t + sliver { g += 1 }
            while s + 1 < rates.count && rates[s + 1].from <= t + sliver { s += 1 }
            let inGap = g < gaps.count && gaps[g].start <= t + sliver
            let r = inGap ? 0 : (s >= 0 ? rates[s].rate : 1)
            if rate.last == r { continue }
            at.append(t)
            rate.append(r)
        }
        return Clock(at: at, rate: rate)
    }

    /// The finish of `work` weeks of work started at `start`: the earliest time
    /// by which the work clock has advanced by `work` (a start in a gap waits for
    /// its end). Zero work finishes where it starts.
    @inlinable
    public func finish(from start: Double, work amount: Double) -> Double {
        guard amount > 0 else { return start }
        return self.work.earliest(reading: self.work.reading(at: start) + amount)
    }

    /// The latest start from which `work` weeks of work finish by `finish`.
    @inlinable
    public func start(finishingBy finish: Double, work amount: Double) -> Double {
        guard amount > 0 else { return finish }
        return self.work.latest(reading: self.work.reading(at: finish) - amount)
    }

    /// `t` moved by a lag of `amount` weeks of working time (negative: back).
    @inlinable
    public func shifted(_ t: Double, by amount: Double) -> Double {
        if amount == 0 { return t }
        let target = lag.reading(at: t) + amount
        return amount > 0 ? lag.earliest(reading: target) : lag.latest(reading: target)
    }

    /// The latest time that has done the same work as `t`: the end of a gap
    /// that `t` falls in or starts (a finish there is as good as at `t`).
    @inlinable
    public func latestEquivalent(of t: Double) -> Double { work.latest(reading: work.reading(at: t)) }

    /// The latest time from which a lag of `amount` weeks of working time
    /// (`shifted(_:by:)`) reaches no later than `t`: the inverse of a lag, for
    /// backward passes and slacks.
    @inlinable
    public func latestOrigin(reaching t: Double, lag amount: Double) -> Double {
        if amount == 0 { return t }
        return lag.latest(reading: lag.reading(at: t) - amount)
    }

    /// The work done between two times.
    @inlinable
    public func work(from a: Double, to b: Double) -> Double { work.reading(at: b) - work.reading(at: a) }
}

/// The calendars of a network's nodes: a few compiled calendars, and per node
/// the index of its own. Networks without one keep the plain arithmetic.
public struct NetworkCalendars: Sendable {
    public let calendars: [WorkingTime]
    public let ofNode: [Int32]

    public init(calendars: [WorkingTime], ofNode: [Int32]) {
        precondition(ofNode.allSatisfy { $0 >= 0 && Int($0) < calendars.count }, "a calendar per node")
        self.calendars = calendars
        self.ofNode = ofNode
    }

    @inlinable public func of(_ node: Int) -> WorkingTime { calendars[Int(ofNode[node])] }
}
