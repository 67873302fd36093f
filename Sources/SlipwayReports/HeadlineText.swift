import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// The headline in words, for the lines under a table and the tracker export:
/// the finish by the links, the leveled finish and the chance of the deadline,
/// so that "on time" never stands alone when leveling or risk says otherwise.
public enum HeadlineText {
    /// `Finish: week 12 (2025-04-04); deadline week 12: on time, 0 weeks to spare`,
    /// then the leveled finish and the chance, one line each.
    public static func lines(plan: Plan, headline h: Headline, leveledFirst: Bool = false) -> [String] {
        let format = TimeFormat(calendar: plan.calendar)
        var lines: [String] = []
        let byLinks = verdict("Finish" + (h.leveledFinish != nil ? " by the links" : ""), h.finish, plan: plan, format: format)
        if let leveled = h.leveledFinish {
            let line = verdict("Leveled by owner capacity", leveled, plan: plan, format: format)
            lines += leveledFirst ? [line, byLinks] : [byLinks, line]
        } else {
            lines.append(byLinks)
        }
        if let c = h.chance {
            var text = "Chance of the deadline: " + chance(c, format: format)
            text += " (\(c.leveled ? "leveled, " : "")\(c.iterations.grouped) iterations, seed \(c.seed): a quick estimate; "
            text += "'slipway simulate\(c.leveled ? " --level" : "")' for more)"
            lines.append(text)
        } else if h.simulationSkipped {
            lines.append("Chance of the deadline: not estimated here (the plan is too large for a quick simulation); run 'slipway simulate'")
        }
        if h.onTimeByLinksOnly {
            lines.append("On time only by the links: owners' capacities or the estimates and risks put the deadline at risk.")
        }
        return lines
    }

    /// `0%, P80 week 15.52`, or `no deadline; P80 week 15.52`.
    public static func chance(_ c: Headline.Chance, format: TimeFormat) -> String {
        (c.onTime.map { "\(percent($0)), " } ?? "no deadline; ") + "P80 week \(format.weeks(c.p80))"
    }

    /// `Label: week 12.5 (2025-04-09); deadline week 12: LATE by 0.5 weeks`.
    public static func verdict(_ label: String, _ finish: Double, plan: Plan, format: TimeFormat) -> String {
        var out = "\(label): week \(format.weeks(finish))"
        if let date = plan.calendar.date(at: finish, as: .end) { out += " (\(date))" }
        if let deadline = plan.deadline {
            let margin = deadline - finish
            if margin >= -Timing.criticalTolerance {
                out += "; deadline week \(format.weeks(deadline)): on time, \(max(0, margin).weeksPhrase) to spare"
            } else {
                out += "; deadline week \(format.weeks(deadline)): LATE by \((-margin).weeksPhrase)"
            }
        }
        return out
    }

    /// `28.8%`, `0.4%`, `100%`; `<0.1%` and `>99.9%` rather than a rounded 0% or 100%
    /// that is not quite so.
    public static func percent(_ share: Double) -> String {
        if share > 0 && share < 0.0005 { return "<0.1%" }
        if share < 1 && share > 0.9995 { return ">99.9%" }
        return "\((share * 1000).rounded() / 10)%".replacingOccurrences(of: ".0%", with: "%")
    }
}

extension Int {
    /// `2,000`.
    public var grouped: String {
        let digits = String(self)
        var out = ""
        for (k, c) in digits.reversed().enumerated() {
            if k > 0 && k % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
