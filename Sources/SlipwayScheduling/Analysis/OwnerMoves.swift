import SlipwayEngine
import SlipwayCore

/// Moving work between owners, one way back to a target when leveling by owner
/// capacity delays the plan: a critical task that waits for its owner's other
/// work is given to an owner with room, and the plan is leveled again.
///
/// Work moves only to an owner that has every skill the task lists (`skills:` on
/// owners and tasks); a task that lists none stays with its owner. With
/// `anyOwner` every owner with the capacity is tried, and the lead judges.
public enum OwnerMoves {
    public struct Move: Sendable, Equatable {
        public var task: Int
        public var from: Int
        public var to: Int
    }

    /// Greedy search: each round moves the one critical, unstarted task with a
    /// single owner to whichever other owner gives the earliest leveled finish,
    /// until the target is met, nothing helps, or `maxMoves` are made.
    ///
    /// The search ranks moves by the single leveling pass, which is cheap; the
    /// finishes it returns are measured as `leveling` asks, and moves that do not
    /// gain on the plan leveled that way are left out.
    ///
    /// - Returns: the moves in order with the finish after each, and the best
    ///   single moves of the first round (for alternatives).
    /// - Complexity: O(*m* · *c* · *O* · *L*) for *m* rounds, *c* candidate
    ///   tasks, *O* owners and *L* the cost of one single-pass leveling, then
    ///   *m* + 4 levelings as `leveling` asks.
    public static func search(plan: Plan, network ordered: OrderedNetwork, target: Double, anyOwner: Bool = false, maxMoves: Int = 4,
                              leveling: LevelingOptions = .singlePass)
        -> (moves: [Move], finishes: [Double], singles: [(move: Move, finish: Double)]) {
        let found = greedy(plan: plan, network: ordered, target: target, anyOwner: anyOwner, maxMoves: maxMoves)
        guard leveling != .singlePass else { return found }
        let tol = Timing.criticalTolerance
        func finish(_ moves: some Sequence<Move>) -> Double {
            let reassigned = Dictionary(moves.map { ($0.task, $0.to) }, uniquingKeysWith: { $1 })
            let demands = LeveledMeasure.demands(plan: plan, nodeCount: ordered.nodeCount, reassigned: reassigned)
            return LeveledMeasure.timing(ordered, demands: demands, options: leveling).finish
        }
        let base = finish([])
        var finishes = found.moves.indices.map { finish(found.moves.prefix($0 + 1)) }
        var moves = found.moves
        if let last = finishes.last, last >= base - tol {
            moves = []
            finishes = []
        }
        var singles = found.singles.map { (move: $0.move, finish: finish([$0.move])) }.filter { $0.finish < base - tol }
        singles.sort { ($0.finish, $0.move.task, $0.move.to) < ($1.finish, $1.move.task, $1.move.to) }
        return (moves, finishes, singles)
    }

    /// The greedy search itself, each trial leveled by the single pass.
    static func greedy(plan: Plan, network ordered: OrderedNetwork, target: Double, anyOwner: Bool, maxMoves: Int)
        -> (moves: [Move], finishes: [Double], singles: [(move: Move, finish: Double)]) {
        let tol = Timing.criticalTolerance
        var reassigned: [Int: Int] = [:]
        var moves: [Move] = []
        var finishes: [Double] = []
        var singles: [(move: Move, finish: Double)] = []
        let network = ordered.network
        var timing = LeveledMeasure.timing(ordered, demands: LeveledMeasure.demands(plan: plan, nodeCount: network.nodeCount), options: .singlePass)
        for round in 0..<maxMoves {
            guard timing.finish > target + tol else { break }
            var best: (move: Move, timing: Timing)?
            for j in plan.tasks.indices where timing.isCritical(j) && reassigned[j] == nil && network.duration[j] > tol {
                let task = plan.tasks[j]
                let demands = task.demands
                guard demands.count == 1, let from = demands[0].ownerIndex,
                      Forecast(task: task, statusDate: plan.statusDate).state == .notStarted else { continue }
                guard anyOwner || !task.skills.isEmpty else { continue }
                for to in plan.owners.indices where to != from && plan.owners[to].capacity >= demands[0].units - tol
                    && (anyOwner || canDo(plan.owners[to], task)) {
                    var trial = reassigned
                    trial[j] = to
                    let t = LeveledMeasure.timing(ordered, demands: LeveledMeasure.demands(plan: plan, nodeCount: network.nodeCount, reassigned: trial),
                                                  options: .singlePass)
                    let move = Move(task: j, from: from, to: to)
                    if round == 0, t.finish < timing.finish - tol { singles.append((move, t.finish)) }
                    if t.finish < (best?.timing.finish ?? timing.finish) - tol { best = (move, t) }
                }
            }
            guard let chosen = best else { break }
            reassigned[chosen.move.task] = chosen.move.to
            moves.append(chosen.move)
            finishes.append(chosen.timing.finish)
            timing = chosen.timing
        }
        singles.sort { ($0.finish, $0.move.task, $0.move.to) < ($1.finish, $1.move.task, $1.move.to) }
        return (moves, finishes, Array(singles.prefix(3)))
    }

    /// Whether an owner has every skill a task lists.
    public static func canDo(_ owner: Owner, _ task: PlanTask) -> Bool {
        task.skills.allSatisfy { owner.skills.contains($0) }
    }
}
