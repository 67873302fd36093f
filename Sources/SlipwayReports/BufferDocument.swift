import SlipwayCore
import SlipwayScheduling

/// `slipway buffers --format json`: the critical chain of the leveled plan and its
/// buffers as items of the schedule. Times and sizes in weeks from t = 0.
public struct BufferDocument: Encodable, Sendable {
    public let unit = "week"
    /// `rsse` or `half`.
    public var method: String
    public var criticalChain: [String]
    /// Where the chain ends, leveled, without progress.
    public var chainFinish: Double
    /// The chain's end plus the project buffer.
    public var bufferedFinish: Double
    public var deadline: Double?
    /// With progress: the status date and the leveled forecast finish; null without.
    public var statusDate: Double?
    public var forecastFinish: Double?
    public var buffers: [Item]
    /// The last nodes of feeding chains with only fixed estimates, which get no buffer by `rsse`.
    public var unbuffered: [String]

    public struct Item: Encodable, Sendable {
        /// `project`, or `feeding:` and the id of the feeding chain's last node.
        public var id: String
        /// `project` or `feeding`.
        public var kind: String
        /// The tasks of the chain it protects, first to last.
        public var chain: [String]
        /// The critical chain node (a task, or a constraint meaning its resolution)
        /// a feeding chain joins; null for the project buffer and for work that
        /// joins at the project's end.
        public var joins: String?
        public var size: Double
        public var start: Double
        public var end: Double
        public var squeezed: Double
        /// Null without progress.
        public var status: Status?
    }

    public struct Status: Encodable, Sendable {
        public var chainCompletion: Double
        public var consumed: Double
        public var consumption: Double?
        /// `green`, `yellow` or `red`.
        public var zone: String
        public var burnRate: Double?
        /// All of the chain's work is done: a feeding buffer protects nothing more.
        public var chainFinished: Bool
    }

    /// - Complexity: O(*n*) in the tasks of every buffer's chain.
    public init(plan: Plan, buffers b: CriticalChainBuffers) {
        method = b.method.rawValue
        criticalChain = b.criticalChain.map { plan.tasks[$0].id }
        chainFinish = b.chainFinish
        bufferedFinish = b.bufferedFinish
        deadline = plan.deadline
        statusDate = b.statusDate
        forecastFinish = b.forecastFinish
        unbuffered = b.unbuffered.map { BufferReport.id(of: $0, plan: plan) }
        buffers = b.buffers.map { buffer in
            Item(id: BufferReport.name(buffer, plan: plan), kind: buffer.kind.rawValue, chain: buffer.chain.map { plan.tasks[$0].id },
                 joins: buffer.joins.map { BufferReport.id(of: $0, plan: plan) }, size: buffer.size, start: buffer.start, end: buffer.end,
                 squeezed: buffer.squeezed,
                 status: buffer.status.map { s in
                     Status(chainCompletion: s.chainCompletion, consumed: s.consumed, consumption: s.consumption, zone: s.zone.rawValue,
                            burnRate: s.burnRate, chainFinished: s.chainFinished)
                 })
        }
    }
}
