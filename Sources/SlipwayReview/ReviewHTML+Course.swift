import SlipwayEngine
import SlipwayCore
import SlipwayScheduling
import SlipwayReports

/// Where the plan is going: the critical path and its risk, what changed, the
/// next two weeks, the schedule's health and the diagrams.
extension ReviewHTML.Page {
    /// Rows of a moved-task table at most: the rest is counted, and 'slipway variance --all' lists it.
    static let movedRows = 60

    mutating func criticalPath() {
        paragraph("The chain that sets the finish by the links (\(words.when(schedule.finish))), first to last; constraint resolutions in italics.")
        html.open("ol", [("class", "chain")])
        for step in schedule.criticalChain {
            switch step.node {
            case .task(let j):
                let row = schedule.row(j)
                html.open("li")
                html.text("\(words.taskName(j)) ")
                html.element("span", [("class", "id")], text: plan.tasks[j].id)
                var detail = " — \(plan.tasks[j].owner ?? "no owner"), "
                detail += plan.tasks[j].isMilestone ? "at \(words.week(row.finish))"
                    : "\(words.format.weeks(row.start))–\(words.format.weeks(row.finish)) (\(words.format.weeks(row.duration))w)"
                if let o = step.waitedForOwner { detail += ", after \(plan.owners[o].name)'s earlier work" }
                html.text(detail)
                html.close("li")
            case .resolution(let c):
                html.element("li", [("class", "resolution")], text: "\(plan.constraints[c].id) resolved, \(words.week(schedule.resolved(c)))")
            }
        }
        html.close("ol")
        let others = CriticalReport.otherCritical(schedule: schedule)
        if !others.isEmpty {
            paragraph("Also critical, on parallel chains (zero total float): " + others.prefix(30).map { plan.tasks[$0].id }.joined(separator: ", ")
                      + (others.count > 30 ? " and \(others.count - 30) more" : "") + ".")
        }
        html.element("h3", text: "Near-critical work (total float up to \(words.format.weeks(pack.settings.nearCritical)) week)")
        if pack.nearCritical.isEmpty {
            paragraph("None: every task off the critical path has more float.", class: "muted")
        } else {
            taskTable(Array(pack.nearCritical.prefix(Self.movedRows)), schedule: schedule)
            if pack.nearCritical.count > Self.movedRows {
                paragraph("\(pack.nearCritical.count - Self.movedRows) more; 'slipway critical PLAN --near 1w' lists them all.", class: "note")
            }
        }
        html.element("h3", text: "Risk: finish distribution and drivers")
        if let r = pack.simulation {
            let format = words.format
            let q = { (p: Double) in format.weeks(r.quantile(p)) }
            var text = "\(r.iterations.grouped) iterations, seed \(r.seed)\(r.leveled ? ", every one leveled by owner capacity" : ""): "
            text += "P50 week \(q(0.5)), P80 week \(q(0.8)), P90 week \(q(0.9))"
            if let on = r.probabilityOnTime { text += "; \(words.percent(on)) chance of the deadline" }
            paragraph(text + ". Drivers ranked by cruciality (the correlation of their draw with the finish), as 'slipway simulate' ranks them.")
            if let figure = ReviewDiagrams.risk(pack) { self.figure(figure) }
        } else {
            paragraph("No estimate varies and the plan has no risk events: there is nothing to simulate, and the finish is as scheduled.", class: "muted")
        }
    }

    /// Task, owner, start, finish, float, for a list of tasks.
    mutating func taskTable(_ tasks: [Int], schedule: Schedule) {
        table(["Task", "Owner", "Start", "Finish", "Float"], numeric: [2, 3, 4]) { t in
            for j in tasks {
                let row = schedule.row(j)
                t.html.open("tr")
                t.nameCell(t.words.taskName(j), id: t.plan.tasks[j].id)
                t.cell(t.plan.tasks[j].owner ?? "")
                t.cell(t.words.format.weeks(row.start), sort: row.start, class: "num")
                t.cell(t.words.format.weeks(row.finish), sort: row.finish, class: "num")
                t.cell(t.words.format.weeks(row.totalFloat), sort: row.totalFloat, class: "num")
                t.html.close("tr")
            }
        }
    }

    mutating func changes() {
        if let c = pack.changes {
            let v = c.variance
            switch c.reference {
            case .baseline(let name, let savedAt, let s):
                paragraph("Against baseline '\(name)', saved \(savedAt)\(s.map { " at status \(words.week($0))" } ?? "")"
                          + (v.planUnchanged ? "; the plan file is unchanged since." : "; the plan file has changed since.")
                          + (v.progressUnchanged ? "" : " Progress has been recorded since."))
            case .lastUpdate(let s):
                paragraph("No baseline is saved: against the forecast at the previous update of the progress history (status \(words.when(s))).")
            }
            for warning in v.warnings { paragraph("Warning: " + VarianceReport.sentence(warning), class: "warn") }
            var finish = "Finish by the links: \(words.week(v.baselineFinish)) then, \(words.week(v.finish)) now (\(words.delta(v.finishVariance)))"
            if let d = v.deadline {
                finish += "; deadline \(words.week(d)): " + (v.lateBy.map { "late by \($0.weeksPhrase)" } ?? "on time")
                    + (v.baselineLateBy.map { " (was late by \($0.weeksPhrase))" } ?? " (was on time)")
            }
            paragraph(finish + ".", class: v.finishVariance > Timing.criticalTolerance ? "late" : nil)
            let moved = v.tasks.filter { $0.status == .moved }
                .sorted { (-abs($0.finishVariance ?? 0), $0.id) < (-abs($1.finishVariance ?? 0), $1.id) }
            html.element("h3", text: "What moved (\(moved.count))")
            if moved.isEmpty {
                paragraph("No task moved.", class: "muted")
            } else {
                movedTable(Array(moved.prefix(Self.movedRows)))
                if moved.count > Self.movedRows {
                    paragraph("\(moved.count - Self.movedRows) more moved less; 'slipway variance PLAN' lists every one.", class: "note")
                }
            }
            html.element("h3", text: "What became critical, what finished")
            let added = v.tasks.filter { $0.status == .added }.map(\.id), removed = v.tasks.filter { $0.status == .removed }.map(\.id)
            let newly = v.missedTargets.filter(\.newlyMissed).map(\.id)
            func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
            var items: [(String, Bool)] = []
            items.append(("Became critical: " + list(v.becameCritical), false))
            items.append(("Left the critical path: " + list(v.leftCritical), false))
            items.append(("Finished since: " + list(c.finished.map { plan.tasks[$0].id }), false))
            if !added.isEmpty { items.append(("New tasks: " + added.joined(separator: ", "), false)) }
            if !removed.isEmpty { items.append(("Removed tasks: " + removed.joined(separator: ", "), false)) }
            items.append(("Targets newly missed: " + list(newly), !newly.isEmpty))
            html.open("ul")
            for (text, bad) in items { html.element("li", bad ? [("class", "late")] : [], text: text) }
            html.close("ul")
        } else {
            paragraph("No baseline is saved and no progress has been recorded, so there is nothing to compare with yet. "
                      + "'slipway baseline save PLAN' after this review makes the next pack show what moved; "
                      + "'slipway progress PLAN TASK ...' records updates.", class: "muted")
        }
        figure(ReviewDiagrams.trend(pack))
    }

    mutating func movedTable(_ rows: [Variance.TaskVariance]) {
        table(["Task", "Start then", "Start now", "Δ start", "Finish then", "Finish now", "Δ finish", "Note"], numeric: [1, 2, 3, 4, 5, 6]) { t in
            for row in rows {
                let worse = (row.finishVariance ?? 0) > Timing.criticalTolerance
                t.html.open("tr", row.critical == true ? [("class", "critical")] : [])
                if let j = row.task { t.nameCell(t.words.taskName(j), id: row.id) } else { t.cell(row.id) }
                for (value, signed) in [(row.baselineStart, false), (row.start, false), (row.startVariance, true),
                                        (row.baselineFinish, false), (row.finish, false), (row.finishVariance, true)] {
                    let text = value.map { signed ? t.words.delta($0) : t.words.format.weeks($0) } ?? "-"
                    t.cell(text, sort: value, class: signed && worse && value == row.finishVariance ? "num late" : "num")
                }
                var note = ""
                if row.critical == true && row.baselineCritical == false { note = "became critical" }
                if row.critical == false && row.baselineCritical == true { note = "no longer critical" }
                t.cell(note)
                t.html.close("tr")
            }
        }
    }

    mutating func nextTwoWeeks() {
        let from = pack.lookAheadFrom, to = from + pack.settings.lookAheadWeeks
        var intro = "From \(from < 1e-9 ? "the start" : words.when(from)) to \(words.when(to)): what each owner starts, works on and must finish"
        intro += pack.leveled != nil ? ", with the dates leveled by owner capacity (what each team can do one piece at a time)." : "."
        paragraph(intro)
        if pack.lookAhead.isEmpty {
            paragraph("Nothing is scheduled in the window.", class: "muted")
        }
        for work in pack.lookAhead {
            html.element("div", [("class", "owner")]) { d in
                d.element("h3", text: words.ownerName(work.owner) + " (\(work.items.count))")
            }
            table(["What", "Task", "Start", "Finish", "Float", "State"], numeric: [2, 3, 4]) { t in
                for item in work.items {
                    t.html.open("tr", item.critical ? [("class", "critical")] : [])
                    t.cell(ReviewWords.activity(item.activity) + (item.critical ? " (critical)" : ""), class: item.critical ? "late" : nil)
                    t.nameCell(t.words.taskName(item.task), id: t.plan.tasks[item.task].id)
                    t.cell(t.words.format.weeks(item.start) + (t.words.date(item.start, start: true).map { " (\($0))" } ?? ""), sort: item.start, class: "num")
                    t.cell(t.words.format.weeks(item.finish) + (t.words.date(item.finish).map { " (\($0))" } ?? ""), sort: item.finish, class: "num")
                    t.cell(t.words.format.weeks(item.totalFloat), sort: item.totalFloat, class: "num")
                    t.cell(t.words.state(item.task))
                    t.html.close("tr")
                }
            }
        }
    }

    mutating func health() {
        let results = pack.health
        let passed = results.filter { $0.passed == true }.count, computed = results.filter { $0.passed != nil }.count
        paragraph("The DCMA 14-point assessment adapted to the plan ('slipway check PLAN --health'): \(passed) of \(computed) checks pass"
                  + (computed < results.count ? ", \(results.count - computed) cannot be computed here." : "."))
        table(["#", "Check", "Counts", "Result", "Threshold", "", "Failing tasks", "Note"], numeric: [0, 3, 4]) { t in
            for r in results {
                t.html.open("tr", r.passed == false ? [("class", "late-row")] : [])
                t.cell("\(r.check.rawValue)", sort: Double(r.check.rawValue), class: "num")
                t.cell(r.check.name, class: r.passed == false ? "late" : nil)
                t.cell(r.check.rule, class: "chain")
                t.cell(HealthReport.measured(r), sort: r.value, class: r.passed == false ? "num late" : "num")
                t.cell(r.check.threshold, class: "num")
                t.html.element("td", [("data-sort", r.passed.map { $0 ? "1" : "0" } ?? "2")]) { td in
                    td.element("span", [("class", "badge " + (r.passed.map { $0 ? "pass" : "fail" } ?? "na"))], text: HealthReport.verdict(r))
                }
                t.cell(HealthReport.failing(r, plan: t.plan))
                t.cell(r.note ?? "", class: "chain")
                t.html.close("tr")
            }
        }
    }

    mutating func diagrams() {
        figure(ReviewDiagrams.gantt(pack))
        figure(ReviewDiagrams.network(pack))
        figure(ReviewDiagrams.constraintMap(pack))
    }
}
