extension CriticalPathMethod {
    /// The passes of `schedule(_:into:startDelay:)` on a network whose nodes have
    /// working calendars (`NetworkCalendars`): a node's finish is its start with
    /// its work clock advanced by its duration, and a start that falls in a gap
    /// of a node that works moves to the gap's end; lags and risk waits count on
    /// the successor's lag clock (`NetworkCalendars.earliestStart`). The backward
    /// pass inverts each rule: the latest start of a node is the latest time from
    /// which its work still finishes by its latest finish. Floats are axis weeks,
    /// LS - ES, so a leave that a task's successor takes shows as float of the task.
    ///
    /// - Complexity: O((*V* + *E*) log *g*), for *g* the most breakpoints of one
    ///   calendar; no allocation.
    static func scheduleOnCalendars(_ ordered: OrderedNetwork, calendars: NetworkCalendars, into timing: inout Timing,
                                    startDelay: [Double]?) {
        let network = ordered.network, order = ordered.order
        let n = network.nodeCount
        let duration = network.duration, release = network.release, pinned = network.pinnedStart
        let noDelay = [Double](), delay = startDelay ?? noDelay, hasDelay = startDelay != nil
        var finish = 0.0
        for position in 0..<n {
            let j = Int(order[position])
            let d = duration[j], calendar = calendars.of(j)
            var start = max(0, release[j])
            if !pinned[j].isNaN {
                start = pinned[j]
            } else {
                for k in network.predecessors(of: j) {
                    let i = Int(network.predNode[k])
                    let bound = calendars.earliestStart(network.predType[k], afterStart: timing.earlyStart[i], finish: timing.earlyFinish[i],
                                                        lag: network.predLag[k], duration: d, of: j)
                    if bound > start { start = bound }
                }
                if hasDelay { start = calendar.shifted(start, by: delay[j]) }
                if d > 0 { start = calendar.work.workingStart(from: start) }
            }
            // A finish bound in a gap is met by the same work done by the gap's
            // start: the finish is the gap's start, never a day off.
            let end = calendar.finish(from: start, work: d)
            timing.earlyStart[j] = start
            timing.earlyFinish[j] = end
            if end > finish { finish = end }
        }
        timing.finish = finish
        var position = n - 1
        while position >= 0 {
            let i = Int(order[position])
            position -= 1
            let d = duration[i], calendar = calendars.of(i)
            var late = finish
            let successors = network.successors(of: i)
            var free = successors.isEmpty ? finish - timing.earlyFinish[i] : Double.infinity
            for k in successors {
                let j = Int(network.succNode[k]), lag = network.succLag[k], type = network.succType[k]
                // A successor's wait comes after every bound its links put on it.
                let wait = hasDelay && pinned[j].isNaN ? delay[j] : 0
                let successorCalendar = calendars.of(j)
                func unwaited(_ t: Double) -> Double { wait == 0 ? t : successorCalendar.shifted(t, by: -wait) }
                let bound = calendars.latestFinish(type, beforeStart: unwaited(timing.lateStart[j]), finish: unwaited(timing.lateFinish[j]),
                                                   lag: lag, duration: d, of: i, successor: j)
                let slack = calendars.slack(type, fromStart: timing.earlyStart[i], fromFinish: timing.earlyFinish[i],
                                            toStart: unwaited(timing.earlyStart[j]), toFinish: unwaited(timing.earlyFinish[j]),
                                            lag: lag, predecessor: i, successor: j)
                if bound < late { late = bound }
                if slack < free { free = slack }
            }
            // The latest start from which the work still finishes by `late`, and
            // that work's own finish (the start of a gap rather than its end).
            // An event (no work) is as late at a gap's start as at its end: a
            // milestone before a holiday its successor waits out does not float by
            // the holiday. Its latest time is the gap's start, or its own early time
            // when that is already in the gap.
            var lateStart = late
            if d > 0 {
                lateStart = calendar.start(finishingBy: late, work: d)
            } else {
                let earliest = calendar.work.earliest(reading: calendar.work.reading(at: late))
                let early = timing.earlyStart[i]
                lateStart = early >= earliest - 1e-9 && early <= late + 1e-9 ? early : earliest
            }
            timing.lateStart[i] = lateStart
            timing.lateFinish[i] = d > 0 ? calendar.finish(from: lateStart, work: d) : lateStart
            timing.totalFloat[i] = lateStart - timing.earlyStart[i]
            timing.freeFloat[i] = free
        }
    }
}
