import SlipwayEngine
import SlipwayCore

/// Ways back to a target finish (the deadline, or one given) when the forecast
/// misses it, each with its effect computed by rescheduling:
///
/// - shorten critical tasks (crashing): only tasks the plan says can be shorter
///   (a `crash` limit, or an optimistic estimate below the PERT mean), never a
///   wait; which, by how much, the least total shortening (exact by linear
///   programming for plans of up to 400 nodes, a greedy search beyond), priced
///   from the plan's crash costs, and "cost unknown" without them;
/// - fast-track: turn critical finish-to-start links into start-to-start links
///   with a lag, so the successor overlaps the end of its predecessor; never a
///   hard link (`hard: true`, or a link with a `why`);
/// - both: fast-track first, then shorten what is still needed.
///
/// With leveling on (`Settings.level`), the forecast is the leveled finish, the
/// options above are measured by leveling too, and moving work between owners
/// (`OwnerMoves`) is proposed as well: only to owners with every skill the task
/// lists, and not at all when the plan declares no skills, unless allowed.
public enum Recovery {
    public struct Settings: Sendable {
        /// The finish to reach, in weeks.
        public var target: Double
        /// No task is cut by more than this fraction of its duration (nil: no
        /// limit beyond its crash limit or optimistic estimate).
        public var maxCut: Double?
        /// How much of a predecessor a fast-tracked successor overlaps (0.5: it
        /// starts when its predecessor is half done).
        public var overlap: Double
        /// Measure everything leveled by owner capacity, and try moving work between owners.
        public var level: Bool
        /// Move work to any owner with the capacity, whatever the skills.
        public var allowAnyOwner: Bool
        /// How hard each leveling searches (as `schedule --level`, so that the
        /// forecast is the leveled finish the schedule shows).
        public var leveling: LevelingOptions

        public init(target: Double, maxCut: Double? = nil, overlap: Double = 0.5, level: Bool = false, allowAnyOwner: Bool = false,
                    leveling: LevelingOptions = LevelingOptions()) {
            self.target = target
            self.maxCut = maxCut
            self.overlap = overlap
            self.level = level
            self.allowAnyOwner = allowAnyOwner
            self.leveling = leveling
        }
    }

    public struct Cut: Sendable, Equatable {
        public var task: Int
        public var by: Double
        /// The plan's crash cost per week x weeks cut, nil when the plan gives none.
        public var cost: Double?
    }

    public struct FastTrack: Sendable, Equatable {
        /// Index into `WhatIf.links`.
        public var link: Int
        public var from: Int
        public var to: Int
        /// The start-to-start lag that replaces the finish-to-start link.
        public var lag: Double
    }

    public struct Option: Sendable {
        public enum Kind: String, Sendable { case shorten, fastTrack = "fast-track", both = "fast-track+shorten", moveWork = "move-work" }
        public var kind: Kind
        public var cuts: [Cut]
        public var fastTracks: [FastTrack]
        /// Tasks given to another owner (leveled recovery only).
        public var moves: [OwnerMoves.Move] = []
        /// The finish after the changes, by rescheduling.
        public var finish: Double
        public var reachesTarget: Bool
        public var totalShortening: Double { cuts.reduce(0) { $0 + $1.by } }
        /// Nil when some cut's cost is unknown.
        public var cost: Double? {
            cuts.reduce(Double?(0)) { sum, cut in sum.flatMap { s in cut.cost.map { s + $0 } } }
        }
        public var changeCount: Int { cuts.count + fastTracks.count + moves.count }
    }

    public struct Report: Sendable {
        public var target: Double
        public var forecastFinish: Double
        /// Ranked: options that reach the target first (fewest changes, then least
        /// shortening, then lowest cost), then the others by how close they get.
        public var options: [Option]
        public var notes: [Note]
        /// Whether the finishes are leveled by owner capacity.
        public var leveled: Bool = false
        public var needed: Bool { forecastFinish > target + Timing.criticalTolerance }
        public var anyReachesTarget: Bool { options.contains { $0.reachesTarget } }
    }

    /// Proposes ways back to `settings.target` from a network (the plan's, or a
    /// what-if variation of it given by `changes`).
    ///
    /// - Complexity: dominated by the shortening search, O(*k*² (*V* + *E*)) per
    ///   step; each fast-track candidate costs one O(*V* + *E*) rescheduling.
    public static func propose(whatIf: WhatIf, changes: [WhatIf.Change] = [], settings: Settings) -> Report {
        settings.level ? proposeLeveled(whatIf: whatIf, changes: changes, settings: settings)
                       : proposeUnleveled(whatIf: whatIf, changes: changes, settings: settings)
    }

    /// What a recovery report says besides its options; the report words it.
    public enum Note: Sendable, Equatable {
        /// Moving work between owners needs leveling (`--level`).
        case ownerMovesNeedLeveling
        /// No unfinished task has a crash limit or an optimistic estimate, so nothing can be shortened.
        case nothingToShorten
        /// Owner moves tried every owner with the capacity (`--allow-any-owner`): skills were not checked.
        case ownerMovesIgnoreSkills
        /// The plan declares no skills, so no owner move is proposed without `--allow-any-owner`.
        case ownerMovesNeedSkills
        /// Hard links (with a reason, or `hard: true`) were left as they are; the count.
        case hardLinksKept(Int)
        /// No move of a critical task to another owner brings the leveled finish earlier.
        case noOwnerMoveHelps
        /// No option reaches the target; the best gets to this finish.
        case noOptionReachesTarget(best: Double)
    }

    /// Leveled recovery: the unleveled options measured again with leveling, and
    /// owner moves; ranked like the others.
    ///
    /// - Complexity: that of the unleveled search, one leveling per option, and
    ///   the owner-move search (`OwnerMoves.search`).
    static func proposeLeveled(whatIf: WhatIf, changes: [WhatIf.Change], settings: Settings) -> Report {
        let tol = Timing.criticalTolerance
        let plan = whatIf.plan
        let network = whatIf.network(with: changes)
        let demands = LeveledMeasure.demands(plan: plan, nodeCount: network.nodeCount)
        let (leveled, leveledNetwork) = LeveledMeasure.level(network, unleveled: CriticalPathMethod.schedule(network), demands: demands,
                                                             options: settings.leveling)
        let leveledFinish = ResourceLeveling.finish(of: leveled, network.network)
        var notes: [Note] = []
        guard leveledFinish > settings.target + tol else {
            return Report(target: settings.target, forecastFinish: leveledFinish, options: [], notes: notes, leveled: true)
        }
        // Shortening and overlapping are searched on the leveled sequence: the plan's
        // links plus the waits leveling gave each owner's work (with the plan's own
        // releases, so that cuts can move work earlier). Each option found is then
        // measured by leveling the plan again.
        // The sequence with the plan's own releases, so that cuts can move work earlier.
        let sequenced = WhatIf(plan: plan,
                               graph: whatIf.graph.adding(links: leveled.resourceLinks, sources: leveled.linkResource.map { .resource(owner: $0) },
                                                          release: whatIf.network.release),
                               ordered: leveledNetwork.with(releases: whatIf.network.release))
        let unleveled = proposeUnleveled(whatIf: sequenced, changes: changes, settings: settings)
        notes += unleveled.notes.filter { note in
            switch note {
            case .ownerMovesNeedLeveling, .noOptionReachesTarget: return false
            default: return true
            }
        }
        let planLinks = whatIf.links.count
        var options: [Option] = unleveled.options.compactMap { option in
            // Overlapping two tasks of one owner is not a change to the plan's links.
            guard option.fastTracks.allSatisfy({ $0.link < planLinks }) else { return nil }
            var measured = option
            var changed = network
            for cut in option.cuts { changed.setDuration(changed.network.duration[cut.task] - cut.by, of: cut.task) }
            if !option.fastTracks.isEmpty {
                var links = whatIf.links
                for ft in option.fastTracks { links[ft.link] = .init(from: Int32(ft.from), to: Int32(ft.to), type: .startToStart, lag: ft.lag) }
                changed = changed.with(links: links)
            }
            measured.finish = LeveledMeasure.timing(changed, demands: demands, options: settings.leveling).finish
            measured.reachesTarget = measured.finish <= settings.target + tol
            return measured
        }
        let declaresSkills = plan.owners.contains { !$0.skills.isEmpty } || plan.tasks.contains { !$0.skills.isEmpty }
        if !plan.owners.isEmpty && !declaresSkills && !settings.allowAnyOwner {
            notes.append(.ownerMovesNeedSkills)
        } else if !plan.owners.isEmpty {
            if settings.allowAnyOwner { notes.append(.ownerMovesIgnoreSkills) }
            let found = OwnerMoves.search(plan: plan, network: network, target: settings.target, anyOwner: settings.allowAnyOwner, leveling: settings.leveling)
            if let last = found.finishes.last {
                options.append(Option(kind: .moveWork, cuts: [], fastTracks: [], moves: found.moves, finish: last,
                                      reachesTarget: last <= settings.target + tol))
            }
            for single in found.singles where found.moves.count != 1 || single.move != found.moves[0] {
                options.append(Option(kind: .moveWork, cuts: [], fastTracks: [], moves: [single.move], finish: single.finish,
                                      reachesTarget: single.finish <= settings.target + tol))
            }
            if found.moves.isEmpty { notes.append(.noOwnerMoveHelps) }
        }
        rank(&options)
        if !options.contains(where: { $0.reachesTarget }) {
            notes.append(.noOptionReachesTarget(best: options.map(\.finish).min() ?? leveledFinish))
        }
        return Report(target: settings.target, forecastFinish: leveledFinish, options: options, notes: notes, leveled: true)
    }

    /// Options that reach the target first (fewest changes, then least
    /// shortening, then lowest cost), then the others by how close they get.
    static func rank(_ options: inout [Option]) {
        options.sort { a, b in
            if a.reachesTarget != b.reachesTarget { return a.reachesTarget }
            if a.reachesTarget {
                return (a.changeCount, a.totalShortening, a.cost ?? .infinity) < (b.changeCount, b.totalShortening, b.cost ?? .infinity)
            }
            return (a.finish, a.changeCount) < (b.finish, b.changeCount)
        }
    }

    static func proposeUnleveled(whatIf: WhatIf, changes: [WhatIf.Change], settings: Settings) -> Report {
        let tol = Timing.criticalTolerance
        let target = settings.target
        let network = whatIf.network(with: changes)
        let timing = CriticalPathMethod.schedule(network)
        var notes: [Note] = [.ownerMovesNeedLeveling]
        guard timing.finish > target + tol else {
            return Report(target: target, forecastFinish: timing.finish, options: [], notes: notes)
        }
        let t = whatIf.taskCount
        let weekly = RecoveryMoves.weeklyCost(plan: whatIf.plan)
        func cuts(_ found: [Int: Double]) -> [Cut] {
            found.filter { $0.value > tol }.sorted { $0.key < $1.key }.map { entry in
                Cut(task: entry.key, by: entry.value, cost: weekly[entry.key].map { rate in rate * entry.value })
            }
        }
        var options: [Option] = []

        // 1. Shorten only.
        let room = RecoveryMoves.room(whatIf: whatIf, network: network, maxCut: settings.maxCut)
        if room.allSatisfy({ $0 <= tol }) {
            notes.append(.nothingToShorten)
        }
        let hardKept = RecoveryMoves.hardLinkCount(whatIf: whatIf)
        if hardKept > 0 { notes.append(.hardLinksKept(hardKept)) }
        let shortened = RecoveryMoves.shorten(network: network, taskCount: t, room: room, cost: weekly, target: target)
        if !shortened.cuts.isEmpty {
            options.append(Option(kind: .shorten, cuts: cuts(shortened.cuts), fastTracks: [], finish: shortened.finish,
                                  reachesTarget: shortened.finish <= target + tol))
        }

        // 2. Fast-track, greedily: overlap the critical link that gains the most
        // (then the first declared), until the target is met or none gains; when no
        // single link gains (parallel critical links), overlap the best pair.
        var links = whatIf.links
        var tracked: [FastTrack] = []
        var current = network, currentTiming = timing
        var singles: [Option] = []
        while currentTiming.finish > target + tol {
            var best: (k: Int, link: DependencyNetwork.Link, network: OrderedNetwork, timing: Timing)?
            for k in RecoveryMoves.fastTrackCandidates(whatIf: whatIf, network: current, timing: currentTiming, links: links) {
                var trial = links
                trial[k] = RecoveryMoves.fastTracked(links[k], network: current.network, overlap: settings.overlap)
                let rebuilt = current.with(links: trial)
                let trialTiming = CriticalPathMethod.schedule(rebuilt)
                if tracked.isEmpty, timing.finish - trialTiming.finish > tol {
                    singles.append(Option(kind: .fastTrack, cuts: [],
                                          fastTracks: [FastTrack(link: k, from: Int(links[k].from), to: Int(links[k].to), lag: trial[k].lag)],
                                          finish: trialTiming.finish, reachesTarget: trialTiming.finish <= target + tol))
                }
                if trialTiming.finish < (best?.timing.finish ?? currentTiming.finish) - tol {
                    best = (k, trial[k], rebuilt, trialTiming)
                }
            }
            if let chosen = best {
                tracked.append(FastTrack(link: chosen.k, from: Int(chosen.link.from), to: Int(chosen.link.to), lag: chosen.link.lag))
                links[chosen.k] = chosen.link
                current = chosen.network
                currentTiming = chosen.timing
                continue
            }
            let candidates = Array(RecoveryMoves.fastTrackCandidates(whatIf: whatIf, network: current, timing: currentTiming, links: links).prefix(24))
            var bestPair: (ks: [Int], links: [DependencyNetwork.Link], network: OrderedNetwork, timing: Timing)?
            for a in candidates.indices {
                for b in candidates.indices where b > a {
                    var trial = links
                    let ks = [candidates[a], candidates[b]]
                    for k in ks { trial[k] = RecoveryMoves.fastTracked(links[k], network: current.network, overlap: settings.overlap) }
                    let rebuilt = current.with(links: trial)
                    let trialTiming = CriticalPathMethod.schedule(rebuilt)
                    if trialTiming.finish < (bestPair?.timing.finish ?? currentTiming.finish) - tol {
                        bestPair = (ks, ks.map { trial[$0] }, rebuilt, trialTiming)
                    }
                }
            }
            guard let pair = bestPair else { break }
            for (k, link) in zip(pair.ks, pair.links) {
                tracked.append(FastTrack(link: k, from: Int(link.from), to: Int(link.to), lag: link.lag))
                links[k] = link
            }
            current = pair.network
            currentTiming = pair.timing
        }
        if tracked.count > 1 || (tracked.count == 1 && singles.count != 1) {
            options.append(Option(kind: .fastTrack, cuts: [], fastTracks: tracked, finish: currentTiming.finish,
                                  reachesTarget: currentTiming.finish <= target + tol))
        }
        options += singles.filter { single in !options.contains { $0.fastTracks == single.fastTracks } }

        // 3. Fast-track, then shorten what is still missing.
        if !tracked.isEmpty, currentTiming.finish > target + tol {
            let roomAfter = RecoveryMoves.room(whatIf: whatIf, network: current, maxCut: settings.maxCut)
            let both = RecoveryMoves.shorten(network: current, taskCount: t, room: roomAfter, cost: weekly, target: target)
            if !both.cuts.isEmpty {
                options.append(Option(kind: .both, cuts: cuts(both.cuts), fastTracks: tracked, finish: both.finish,
                                      reachesTarget: both.finish <= target + tol))
            }
        }

        rank(&options)
        if !options.contains(where: { $0.reachesTarget }) {
            notes.append(.noOptionReachesTarget(best: options.map(\.finish).min() ?? timing.finish))
        }
        return Report(target: target, forecastFinish: timing.finish, options: options, notes: notes)
    }
}
