import SlipwayCore
import SlipwayScheduling

/// A Gantt chart drawn with Graphviz: Slipway computes every position itself and
/// Graphviz only paints (the `nop2` engine, as `neato -n2`), so the chart comes out
/// as SVG, PNG and PDF like the other diagrams.
///
/// Rows are grouped by phase (plan order; tasks without a phase last), each group
/// in order of early start. Bars are red on the critical path, blue otherwise;
/// total float trails a bar as a thin grey bar; milestones are diamonds; the
/// deadline and the status date are vertical lines; each phase's planned window
/// is shaded behind its rows; critical chain buffers, when given, are hatched
/// rows after the tasks. Node names: `bar:ID`, `float:ID`, `milestone:ID`,
/// `baseline:ID`, `title:ID`, `buffer:NAME`; the rest is furniture.
public enum GanttChart {
    /// A task's dates in another schedule, in weeks from t = 0.
    public struct Span: Sendable, Equatable {
        public var start: Double
        public var finish: Double

        public init(start: Double, finish: Double) {
            self.start = start
            self.finish = finish
        }
    }

    /// The bars of a saved baseline, by task index of `plan`; tasks the baseline
    /// does not know (added since) get none.
    ///
    /// - Complexity: O(*T* + *B*), the tasks of the plan and of the baseline.
    public static func spans(of baseline: Baseline, in plan: Plan) -> [Int: Span] {
        let saved = baseline.tasksByID
        var result: [Int: Span] = [:]
        for (i, task) in plan.tasks.enumerated() {
            if let b = saved[task.id] { result[i] = Span(start: b.earlyStart, finish: b.earlyFinish) }
        }
        return result
    }

    /// Builds the chart.
    ///
    /// - Parameter baseline: dates of another schedule by task index (a saved
    ///   baseline); each is drawn as a thin dark bar under the task's forecast bar.
    /// - Parameter buffers: critical chain buffers, drawn as hatched rows after the
    ///   tasks (`schedule` should then be the leveled one they were sized on).
    /// - Complexity: O(*T* log *T* + *W* + *B*) for *T* tasks shown, *W* weeks on the
    ///   axis (at most 1,429 are drawn: longer plans narrow their weeks) and *B* buffers.
    public static func graph(plan: Plan, schedule: Schedule, filter: DiagramFilter = .all,
                             baseline: [Int: Span]? = nil, buffers: CriticalChainBuffers? = nil) -> GraphSpec {
        var canvas = GanttCanvas(plan: plan, schedule: schedule, baseline: baseline ?? [:], buffers: buffers)
        let groups = rowGroups(plan: plan, schedule: schedule, shown: filter.mask(plan: plan, schedule: schedule))
        canvas.drawTitle(filter: filter)
        let bufferRows = buffers.map { 1 + $0.buffers.count } ?? 0
        canvas.drawAxis(rowCount: groups.reduce(0) { $0 + 1 + $1.tasks.count } + bufferRows)
        for group in groups { canvas.drawGroup(phase: group.phase, tasks: group.tasks) }
        canvas.drawBuffers()
        canvas.drawMarkers()
        canvas.drawLegend()
        return canvas.spec()
    }

    struct RowGroup {
        var phase: Phase?
        var tasks: [Int]
    }

    /// Phases in plan order, then tasks without a phase; each by early start, early
    /// finish, then file order, so ties come out the same every run.
    static func rowGroups(plan: Plan, schedule: Schedule, shown: [Bool]) -> [RowGroup] {
        var byPhase = [[Int]](repeating: [], count: plan.phases.count)
        var unphased: [Int] = []
        for j in plan.tasks.indices where shown[j] {
            if let p = plan.tasks[j].phaseIndex {
                byPhase[p].append(j)
            } else {
                unphased.append(j)
            }
        }
        let timing = schedule.timing
        func ordered(_ tasks: [Int]) -> [Int] {
            tasks.sorted { a, b in
                (timing.earlyStart[a], timing.earlyFinish[a], a) < (timing.earlyStart[b], timing.earlyFinish[b], b)
            }
        }
        var groups = plan.phases.indices.compactMap { p in byPhase[p].isEmpty ? nil : RowGroup(phase: plan.phases[p], tasks: ordered(byPhase[p])) }
        if !unphased.isEmpty { groups.append(RowGroup(phase: nil, tasks: ordered(unphased))) }
        return groups
    }
}
