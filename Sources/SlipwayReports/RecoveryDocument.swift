import SlipwayCore
import SlipwayScheduling

/// `slipway recover --format json`: the ways back to a target, in rank order.
public struct RecoveryDocument: Encodable, Sendable {
    public var target: Double
    /// The forecast finish, before any option.
    public var finish: Double
    /// Whether the forecast misses the target.
    public var needed: Bool
    /// Whether every option was measured leveled by owner capacity.
    public var leveled: Bool
    /// Whether some option reaches the target.
    public var reachable: Bool
    public var options: [Option]
    /// The recovery notes, as sentences.
    public var notes: [String]

    public struct Option: Encodable, Sendable {
        /// `shorten`, `fast-track`, `fast-track+shorten` or `move-work`.
        public var kind: String
        public var finish: Double
        public var reachesTarget: Bool
        public var totalShortening: Double
        /// At owner rates; null when some owner has no rate.
        public var cost: Double?
        public var cuts: [Cut]
        public var moves: [Move]
        public var fastTracks: [FastTrack]
    }

    public struct Cut: Encodable, Sendable {
        public var id: String
        public var by: Double
        public var cost: Double?
    }

    /// A task given to another owner.
    public struct Move: Encodable, Sendable {
        public var id: String
        public var from: String
        public var to: String
    }

    /// A finish-to-start link turned into start-to-start with `lag`.
    public struct FastTrack: Encodable, Sendable {
        public var from: String
        public var to: String
        public let type = "SS"
        public var lag: Double
    }

    /// - Complexity: O(*n*) in the size of the report.
    public init(plan: Plan, report r: Recovery.Report) {
        target = r.target
        finish = r.forecastFinish
        needed = r.needed
        leveled = r.leveled
        reachable = r.anyReachesTarget
        options = r.options.map { option in
            Option(kind: option.kind.rawValue, finish: option.finish, reachesTarget: option.reachesTarget,
                   totalShortening: option.totalShortening, cost: option.cost,
                   cuts: option.cuts.map { Cut(id: plan.tasks[$0.task].id, by: $0.by, cost: $0.cost) },
                   moves: option.moves.map { Move(id: plan.tasks[$0.task].id, from: plan.owners[$0.from].id, to: plan.owners[$0.to].id) },
                   fastTracks: option.fastTracks.map { FastTrack(from: plan.tasks[$0.from].id, to: plan.tasks[$0.to].id, lag: $0.lag) })
        }
        notes = r.notes.map(RecoveryReport.sentence)
    }
}
