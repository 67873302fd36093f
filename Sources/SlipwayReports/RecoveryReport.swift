import SlipwayCore
import SlipwayScheduling

/// Recovery options in rank order, each with its rescheduled finish.
public enum RecoveryReport {
    public static func render(plan: Plan, whatIf: WhatIf, report r: Recovery.Report, currency: String?) -> String {
        let f = TimeFormat(calendar: plan.calendar)
        var out = "Forecast finish week \(f.weeks(r.forecastFinish))\(r.leveled ? " (leveled by owner capacity)" : ""); target week \(f.weeks(r.target))"
        guard r.needed else {
            return out + ": the target is met, nothing to recover.\n"
        }
        out += ": \(f.weeks(r.forecastFinish - r.target))w late.\n"
        if r.options.isEmpty {
            out += "\nNo way back found: no critical task can be shortened, no critical link overlapped\(r.leveled ? " and no task moved to another owner" : "").\n"
        }
        for (n, option) in r.options.enumerated() {
            out += "\n\(n + 1). \(title(option)): finish week \(f.weeks(option.finish))"
            out += option.reachesTarget ? " (meets the target)" : " (still \(f.weeks(option.finish - r.target))w late)"
            out += "\n"
            for ft in option.fastTracks {
                let link = whatIf.links[ft.link]
                let from = plan.tasks[ft.from].id, to = plan.tasks[ft.to].id
                let old = link.lag == 0 ? "FS" : "FS\(link.lag > 0 ? "+" : "")\(link.lag.compact)w"
                out += "   - overlap: '\(to)' after '\(from)' \(old) -> SS+\(f.weeks(ft.lag))w (starts \(f.weeks(ft.lag))w after '\(from)' starts)\n"
                out += "     assumes this link is soft: " + softness(of: ft, whatIf: whatIf) + "\n"
            }
            for move in option.moves {
                out += "   - give '\(plan.tasks[move.task].id)' to '\(plan.owners[move.to].id)' instead of '\(plan.owners[move.from].id)'\n"
            }
            for cut in option.cuts {
                let task = plan.tasks[cut.task]
                let d = whatIf.network.duration[cut.task]
                out += "   - shorten '\(task.id)' by \(f.weeks(cut.by))w (\(f.weeks(d))w -> \(f.weeks(d - cut.by))w)"
                if let cost = cut.cost { out += ", about \(cost.money)\(currency.map { " " + $0 } ?? "") at the plan's crash cost" } else { out += ", cost unknown" }
                out += "\n"
            }
            if !option.cuts.isEmpty {
                out += "   total shortening \(f.weeks(option.totalShortening))w"
                if let cost = option.cost { out += ", about \(cost.money)\(currency.map { " " + $0 } ?? "")" } else { out += "; cost unknown (the plan gives no crash cost for a task cut)" }
                out += "\n"
            }
        }
        if !r.options.isEmpty && !r.anyReachesTarget { out += "\nNO OPTION REACHES THE TARGET.\n" }
        out += "\n" + r.notes.map { "Note: " + sentence($0) }.joined(separator: "\n") + "\n"
        return out
    }

    static func title(_ option: Recovery.Option) -> String {
        switch option.kind {
        case .shorten: return "Shorten \(option.cuts.count) critical task\(option.cuts.count == 1 ? "" : "s")"
        case .fastTrack: return "Fast-track \(option.fastTracks.count) link\(option.fastTracks.count == 1 ? "" : "s")"
        case .both: return "Fast-track \(option.fastTracks.count) link\(option.fastTracks.count == 1 ? "" : "s") and shorten \(option.cuts.count) task\(option.cuts.count == 1 ? "" : "s")"
        case .moveWork: return "Move \(option.moves.count) task\(option.moves.count == 1 ? "" : "s") to another owner"
        }
    }

    public static func renderJSON(plan: Plan, report r: Recovery.Report) -> String {
        JSONOutput.encode(RecoveryDocument(plan: plan, report: r))
    }

    /// A recovery note in words.
    public static func sentence(_ note: Recovery.Note) -> String {
        switch note {
        case .ownerMovesNeedLeveling:
            return "Moving work between owners is proposed with --level, which levels the plan by owner capacity."
        case .nothingToShorten:
            return "No task can be shortened: no unfinished critical task has a crash limit or a range estimate; give estimates as ranges (2-3w) or 'crash: {to: 2w, cost: 3000}'."
        case .ownerMovesIgnoreSkills:
            return "Owner moves tried every owner with the capacity (--allow-any-owner): skills were not checked, so check that the new owner can do the work."
        case .ownerMovesNeedSkills:
            return "No owner move is proposed: the plan declares no skills, so Slipway cannot tell who could take the work over; add 'skills:' to owners and tasks, or use --allow-any-owner."
        case .hardLinksKept(let count):
            return "\(count) link\(count == 1 ? " has" : "s have") a stated reason or 'hard: true' and \(count == 1 ? "is" : "are") never overlapped."
        case .noOwnerMoveHelps:
            return "No move of a critical task to another owner brings the leveled finish earlier."
        case .noOptionReachesTarget(let best):
            return "No option reaches the target: the best gets to week \(best.readable)."
        }
    }

    /// The reason the plan gives for a link that an option overlaps, when it gives one.
    static func why(of ft: Recovery.FastTrack, whatIf: WhatIf) -> String? {
        guard ft.link < whatIf.graph.linkSources.count, case .after(let task, let entry) = whatIf.graph.linkSources[ft.link] else { return nil }
        return whatIf.plan.tasks[task].after[entry].why
    }

    /// What overlapping a link assumes, in words: the link's own reason (marked
    /// `hard: false`), or the reason its task gives for all its predecessors, or none.
    static func softness(of ft: Recovery.FastTrack, whatIf: WhatIf) -> String {
        if let why = why(of: ft, whatIf: whatIf) { return "the plan says '\(why)' but marks it hard: false; check it still holds" }
        if let why = whatIf.plan.tasks[ft.to].why {
            return "the link has no reason of its own; '\(whatIf.plan.tasks[ft.to].id)' says: \(why)"
        }
        return "the plan gives no reason for it"
    }
}
