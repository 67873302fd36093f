import ArgumentParser
import SlipwayCore
import SlipwayScheduling

/// Reading task ids and slips from the command line against a loaded plan.
enum WhatIfArguments {
    /// The index of a task, or a usage error naming the nearest id.
    static func task(_ id: String, in plan: Plan) throws -> Int {
        if let i = plan.taskIndex(of: id) { return i }
        Console.error("error: '\(id)' is not a task of '\(plan.title)'\(Suggestion.hint(for: id, in: plan.tasks.map(\.id)))")
        throw ExitCode(2)
    }

    /// A signed duration in the plan's unit (`1w`, `-3d`, `2`).
    static func weeks(_ text: String, in plan: Plan, what: String) throws -> Double {
        switch TimeSyntax(unit: plan.unit, calendar: plan.calendar).duration(text) {
        case .success(let w): return w
        case .failure(let f):
            Console.error("error: \(what): \(f.message)")
            throw ExitCode(2)
        }
    }

    /// Slips written `TASK BY` (two words, no '=') or as `TASK=BY` pairs.
    static func slips(_ words: [String], start: Bool, in plan: Plan) throws -> [SlipAnalysis.Slip] {
        if words.count == 2, !words[0].contains("="), !words[1].contains("=") {
            return [SlipAnalysis.Slip(task: try task(words[0], in: plan), by: try weeks(words[1], in: plan, what: "the slip of '\(words[0])'"), start: start)]
        }
        return try words.map { word in
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                Console.error("error: '\(word)' is not a slip; write TASK BY for one task, or TASK=BY pairs such as nats-replacement=1w auth-framework=-2d")
                throw ExitCode(2)
            }
            return SlipAnalysis.Slip(task: try task(parts[0], in: plan), by: try weeks(parts[1], in: plan, what: "the slip of '\(parts[0])'"), start: start)
        }
    }

    /// The network changes of some slips, or exit 2 naming a finished task.
    static func changes(_ slips: [SlipAnalysis.Slip], whatIf: WhatIf, schedule: Schedule) throws -> [WhatIf.Change] {
        switch SlipAnalysis.changes(for: slips, whatIf: whatIf, base: schedule.timing) {
        case .success(let (changes, _)): return changes
        case .failure(.finished(let j)):
            Console.error("error: '\(whatIf.plan.tasks[j].id)' is finished (it has an actual finish); a finished task cannot slip")
            throw ExitCode(2)
        }
    }
}
