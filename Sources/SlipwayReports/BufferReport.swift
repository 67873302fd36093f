import SlipwayCore
import SlipwayScheduling

/// Critical chain buffers as a table or JSON: the chain, the promise the project
/// buffer protects, then each buffer with its chain, place and size, and with
/// progress how much of it is used.
public enum BufferReport {
    /// `project`, or `feeding:` and the id of the feeding chain's last node.
    public static func name(_ buffer: CriticalChainBuffers.Buffer, plan: Plan) -> String {
        buffer.kind == .project ? "project" : "feeding:" + (buffer.from.map { id(of: $0, plan: plan) } ?? "")
    }

    /// A task's id, or a constraint's id for its resolution.
    public static func id(of node: Schedule.ScheduleNode, plan: Plan) -> String {
        switch node {
        case .task(let j): return plan.tasks[j].id
        case .resolution(let c): return plan.constraints[c].id
        }
    }

    /// The chain in words: `a -> (c resolved) -> b`.
    static func chainText(_ b: CriticalChainBuffers, plan: Plan) -> String {
        b.criticalChainSteps.map { step in
            switch step.node {
            case .task(let j): return plan.tasks[j].id
            case .resolution(let c): return "(\(plan.constraints[c].id) resolved)"
            }
        }.joined(separator: " -> ")
    }

    static func methodText(_ method: CriticalChainBuffers.Method) -> String {
        switch method {
        case .rsse: return "rsse: the root of the sum of squares of (pessimistic - mean) of the chain's estimates"
        case .half: return "half: half the chain's length"
        }
    }

    public static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    /// The lines above the table.
    public static func heading(plan: Plan, _ b: CriticalChainBuffers) -> [String] {
        let f = TimeFormat(calendar: plan.calendar)
        var lines = ["Critical chain of \(plan.title), leveled by owner capacity (buffers by \(methodText(b.method)))"]
        lines.append("Chain: \(chainText(b, plan: plan))")
        var promise = "Chain ends week \(f.weeks(b.chainFinish)); with the project buffer of \(f.weeks(b.projectBuffer.size)) weeks, "
        promise += "the promise is week \(f.weeks(b.bufferedFinish))"
        if let date = plan.calendar.date(at: b.bufferedFinish, as: .end) { promise += " (\(date))" }
        if let deadline = plan.deadline {
            let late = b.bufferedFinish - deadline
            promise += late > 1e-9 ? ", \(f.weeks(late)) weeks after the deadline (week \(f.weeks(deadline)))" : ", within the deadline (week \(f.weeks(deadline)))"
        }
        lines.append(promise)
        if let forecast = b.forecastFinish, let status = b.projectBuffer.status {
            let when = b.statusDate.map { "As of week \(f.weeks($0))" } ?? "With the progress recorded"
            lines.append("\(when): forecast finish week \(f.weeks(forecast)) (leveled); the project buffer is \(usage(status, f)), "
                         + "\(percent(status.chainCompletion)) of the chain done: \(status.zone.rawValue.uppercased())")
        }
        return lines
    }

    public static func usage(_ s: CriticalChainBuffers.Status, _ f: TimeFormat) -> String {
        s.consumption.map { "\(percent($0)) used (\(f.weeks(s.consumed))w)" } ?? (s.consumed > 0 ? "overrun by \(f.weeks(s.consumed))w" : "unused")
    }

    /// The chain as its first and last task and its length.
    static func chainCell(_ chain: [Int], plan: Plan) -> String {
        guard let first = chain.first, let last = chain.last else { return "" }
        if chain.count == 1 { return plan.tasks[first].id }
        return "\(plan.tasks[first].id) .. \(plan.tasks[last].id) (\(chain.count) tasks)"
    }

    /// The buffers table's headers, alignments and rows: a row per buffer, with its
    /// use when the plan records progress. The table of `render` and the review pack's.
    ///
    /// - Complexity: O(*n*) in the tasks of the buffers' chains.
    public static func table(plan: Plan, buffers b: CriticalChainBuffers) -> (headers: [String], alignments: [TextTable.Alignment], rows: [[String]]) {
        let f = TimeFormat(calendar: plan.calendar)
        let progress = b.projectBuffer.status != nil
        var headers = ["Buffer", "Protects", "Joins", "Size", "Start", "End", "Squeezed"]
        var alignments: [TextTable.Alignment] = [.left, .left, .left, .right, .right, .right, .right]
        if progress {
            headers += ["Chain done", "Used", "Zone", "Burn rate"]
            alignments += [.right, .right, .left, .right]
        }
        let rows = b.buffers.map { buffer in
            var row = [name(buffer, plan: plan), chainCell(buffer.chain, plan: plan),
                       buffer.kind == .project ? "-" : buffer.joins.map { id(of: $0, plan: plan) } ?? "the end",
                       f.weeks(buffer.size), f.weeks(buffer.start), f.weeks(buffer.end), buffer.squeezed > 1e-9 ? f.weeks(buffer.squeezed) : "-"]
            if let s = buffer.status {
                let finished = buffer.kind == .feeding && s.chainFinished
                row += [percent(s.chainCompletion), s.consumption.map(percent) ?? (s.consumed > 0 ? "overrun" : "-"),
                        finished ? "done" : s.zone.rawValue,
                        s.burnRate.map { ((($0 * 100).rounded()) / 100).compact } ?? "-"]
            }
            return row
        }
        return (headers, alignments, rows)
    }

    /// - Complexity: O(*n*) in the tasks of the buffers' chains.
    public static func render(plan: Plan, buffers b: CriticalChainBuffers) -> String {
        var out = heading(plan: plan, b).joined(separator: "\n") + "\n\n"
        let progress = b.projectBuffer.status != nil
        let (headers, alignments, rows) = table(plan: plan, buffers: b)
        var table = TextTable(headers: headers, alignments: alignments)
        for row in rows { table.add(row) }
        out += table.render()
        if !b.unbuffered.isEmpty {
            let names = b.unbuffered.map { id(of: $0, plan: plan) }.joined(separator: ", ")
            out += "\nNo buffer: the feeding chain\(b.unbuffered.count == 1 ? "" : "s") ending at \(names) \(b.unbuffered.count == 1 ? "has" : "have") only fixed estimates.\n"
        }
        let squeezed = b.buffers.filter { $0.squeezed > 1e-9 }.count
        if squeezed > 0 {
            out += "\nSqueezed: \(squeezed) feeding chain\(squeezed == 1 ? " has" : "s have") less slack before \(squeezed == 1 ? "its" : "their") join than \(squeezed == 1 ? "its" : "their") buffer; "
                + "start \(squeezed == 1 ? "it" : "them") earlier, or accept that part of the buffer is used before work begins.\n"
        }
        if progress {
            out += "Zones: green below a third of the buffer used, yellow from a third, red from two thirds (Goldratt 1997); "
                + "a burn rate above 1 uses the buffer faster than the chain progresses; a finished feeding chain is done with its buffer.\n"
        }
        return out
    }

    public static func renderJSON(plan: Plan, buffers b: CriticalChainBuffers) -> String {
        JSONOutput.encode(BufferDocument(plan: plan, buffers: b))
    }
}
