/// How hard leveling searches, and from which seed.
///
/// The search is `ActivityListGA` under a budget of generated schedules; effort
/// 0 keeps the single pass with forward-backward improvement
/// (`ResourceLeveling.levelImproved`). The same effort and seed give the same
/// schedule on every machine and whatever the number of threads.
public struct LevelingOptions: Sendable, Equatable {
    /// Schedules the search may generate, counting every decoding and every
    /// justification pass (the single pass included); 0 for the single pass
    /// alone; nil for the default of the network's size (`defaultEffort(nodes:)`).
    public var effort: Int?
    /// The only source of randomness of the search.
    public var seed: UInt64
    /// Threads for the search; nil for every core. The result does not depend on it.
    public var threads: Int?

    /// The default budget. The AWS plan levels in well under 0.3 s with it and a
    /// 1,000-task plan under 2 s on a 2-core machine; on PSPLIB it is the budget at
    /// which heuristics are usually compared (Kolisch & Hartmann 2006).
    public static let defaultEffort = 5_000
    /// Nodes placed by the default search at most, all schedules together: a plan
    /// larger than 400 tasks gets fewer schedules (1,000 tasks: 2,000), so that
    /// leveling 100,000 tasks by default takes seconds, not minutes, and `compare`
    /// can level six alternatives of a 1,000-task plan in a few seconds. On the
    /// generated 1,000-task bench plans the search has stopped improving well
    /// before 2,000 schedules.
    public static let defaultPlacements = 2_000_000
    public static let defaultSeed: UInt64 = 1

    public init(effort: Int? = nil, seed: UInt64 = LevelingOptions.defaultSeed, threads: Int? = nil) {
        self.effort = effort
        self.seed = seed
        self.threads = threads
    }

    /// The single pass with forward-backward improvement, no search.
    public static let singlePass = LevelingOptions(effort: 0)

    /// The default budget for a network of `nodes` nodes: `defaultEffort`
    /// schedules, or fewer so that they place at most `defaultPlacements` nodes.
    public static func defaultEffort(nodes: Int) -> Int { min(defaultEffort, defaultPlacements / max(1, nodes)) }

    /// The budget for a network of `nodes` nodes.
    public func effort(nodes: Int) -> Int { effort ?? Self.defaultEffort(nodes: nodes) }
}
