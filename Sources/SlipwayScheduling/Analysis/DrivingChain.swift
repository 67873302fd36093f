import SlipwayEngine
import SlipwayCore

/// What sets a node's date: the chain of driving links (links with no slack)
/// that ends at it, walked back from the node to where it begins. For a
/// constraint's resolution this is the answer to "why is it resolved so late?"
/// that the review's constraint register prints beside each constraint.
public struct DrivingChain: Sendable, Equatable {
    /// The steps of the chain, first to last; the last is the node asked about.
    /// In a leveled schedule a step may have waited for an owner's earlier work
    /// rather than for a link of the plan (`waitedForOwner`).
    public var steps: [Schedule.ChainStep]
    /// Where the first node's date comes from when no link drives it.
    public var origin: Origin

    public enum Origin: Sendable, Equatable {
        /// It starts at t = 0.
        case start
        /// It starts at a time the plan sets apart from its links: a `not-before`,
        /// its phase window, or the status date for work not started.
        case release(Double)
        /// Progress fixes its dates (started or finished work).
        case progress
    }
}

extension Schedule {
    /// The chain of driving links into a node, walked back to its beginning. At
    /// each step the first driving link in declared order is followed, so ties go
    /// the same way every run.
    ///
    /// - Complexity: O(*L* · *p*) for a chain of *L* nodes with at most *p*
    ///   predecessors each; bounded by O(*V* + *E*).
    public func drivingChain(into node: ScheduleNode, plan: Plan) -> DrivingChain {
        var steps: [Schedule.ChainStep] = []
        var current = node
        // A schedule is acyclic, so the walk ends; the bound only guards that invariant.
        for _ in 0..<(timing.earlyStart.count) {
            guard let link = links(into: current).first(where: \.isDriving) else { break }
            var owner: Int?
            if case .resource(let o) = link.source { owner = o }
            steps.append(Schedule.ChainStep(node: current, waitedForOwner: owner))
            current = link.from
        }
        steps.append(Schedule.ChainStep(node: current, waitedForOwner: nil))
        steps.reverse()
        let first = current
        var origin = DrivingChain.Origin.start
        if case .task(let j) = first {
            if Forecast(task: plan.tasks[j], statusDate: plan.statusDate).state != .notStarted {
                origin = .progress
            } else if start(j) > Timing.criticalTolerance {
                origin = .release(start(j))
            }
        }
        return DrivingChain(steps: steps, origin: origin)
    }
}
