import SlipwayCore
import SlipwayScheduling

/// `slipway earned --format json`: earned value and earned schedule against a
/// baseline. Money in the plan's currency, times in weeks from t = 0; a figure
/// that cannot be computed (no spending recorded, nothing planned yet) is `null`.
public struct EarnedValueDocument: Encodable, Sendable {
    public let unit = "week"
    public var currency: String?
    /// The baseline's name and when it was saved (ISO 8601, UTC).
    public var baseline: String
    public var savedAt: String
    /// AT: the time measured at.
    public var asOf: Double
    /// The latest status date of the progress known at AT.
    public var lastUpdate: Double?
    /// The plan's `budget`, for comparison with EAC.
    public var budget: Double?
    public var budgetAtCompletion: Double
    public var plannedValue: Double
    public var earnedValue: Double
    public var actualCost: Double?
    public var scheduleVariance: Double
    public var costVariance: Double?
    public var spi: Double?
    public var cpi: Double?
    public var estimateAtCompletion: Double?
    /// How EAC is computed: `BAC / CPI`.
    public let eacFormula = "BAC / CPI"
    public var estimateToComplete: Double?
    public var varianceAtCompletion: Double?
    /// (BAC - EV) / (BAC - AC).
    public var tcpi: Double?
    public var earnedSchedule: EarnedSchedule
    public var tasks: [Task]
    /// PV, EV and AC at t = 0, at each status date of the progress history, and at AT.
    public var history: [Point]
    /// What to know before reading the figures, as sentences.
    public var warnings: [String]

    /// Earned schedule (Lipke 2003), in weeks.
    public struct EarnedSchedule: Encodable, Sendable {
        public var actualTime: Double
        public var earnedSchedule: Double
        /// PD: the baseline's finish.
        public var plannedDuration: Double
        /// SV(t) = ES - AT.
        public var scheduleVariance: Double
        /// SPI(t) = ES / AT.
        public var spi: Double?
        /// IEAC(t) = PD / SPI(t).
        public var estimatedFinish: Double?
    }

    public struct Task: Encodable, Sendable {
        public var id: String
        public var budget: Double
        public var baselineStart: Double?
        public var baselineFinish: Double?
        public var plannedValue: Double
        public var percentComplete: Double
        public var earnedValue: Double
        public var actualCost: Double?
        public var costVariance: Double?
    }

    public struct Point: Encodable, Sendable {
        public var time: Double
        public var plannedValue: Double
        public var earnedValue: Double
        public var actualCost: Double?
    }

    /// - Complexity: O(*T* + *K*) for *T* task rows and *K* history points.
    public init(plan: Plan, earned v: EarnedValue) {
        currency = plan.currency
        baseline = v.baselineName
        savedAt = v.savedAt
        asOf = v.asOf
        lastUpdate = v.lastUpdate
        budget = plan.budget
        budgetAtCompletion = v.budgetAtCompletion
        plannedValue = v.plannedValue
        earnedValue = v.earnedValue
        actualCost = v.actualCost
        scheduleVariance = v.scheduleVariance
        costVariance = v.costVariance
        spi = v.schedulePerformanceIndex
        cpi = v.costPerformanceIndex
        estimateAtCompletion = v.estimateAtCompletion
        estimateToComplete = v.estimateToComplete
        varianceAtCompletion = v.varianceAtCompletion
        tcpi = v.toCompletePerformanceIndex
        earnedSchedule = EarnedSchedule(actualTime: v.asOf, earnedSchedule: v.earnedSchedule, plannedDuration: v.plannedDuration,
                                        scheduleVariance: v.scheduleVarianceTime, spi: v.schedulePerformanceIndexTime,
                                        estimatedFinish: v.independentEstimateAtCompletionTime)
        tasks = v.tasks.map { t in
            Task(id: t.id, budget: t.budget, baselineStart: t.baselineStart, baselineFinish: t.baselineFinish,
                 plannedValue: t.plannedValue, percentComplete: t.percentComplete, earnedValue: t.earnedValue,
                 actualCost: t.actualCost, costVariance: t.costVariance)
        }
        history = v.history.map { Point(time: $0.time, plannedValue: $0.plannedValue, earnedValue: $0.earnedValue, actualCost: $0.actualCost) }
        warnings = v.warnings.map { EarnedValueReport.sentence($0, calendar: plan.calendar) }
    }
}
