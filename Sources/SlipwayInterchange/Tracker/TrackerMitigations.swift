import SlipwayEngine
import SlipwayCore

/// The work that resolves one tracker constraint: one task, or one task per
/// "Option N:" bullet of its Mitigation, one of them chosen; in the phase of the
/// activity that names the same work when the phases list it (`TrackerCrossReference`),
/// and otherwise a "Mitigation: ..." task from t = 0 with no phase.
///
/// The estimate is the constraint's Timeline; without a usable one, the activity's
/// own `(estimate X)`, then its phase window (what an activity without an estimate
/// gets), then `TrackerImport.defaultEstimate`. An option's own `(estimate X)` comes
/// before all of these. Every default is a warning at its line.
enum TrackerMitigations {
    /// The phase activity that is the constraint's mitigation, as the import built it.
    struct Activity {
        var task: PlanTask
        var phaseNumber: Int
        /// The activity's own `(estimate X)`.
        var estimate: Estimate?
        var window: Estimate
        var sharedWords: [String]
    }

    struct Work {
        /// The mitigation task when there are no options.
        var task: PlanTask?
        var choices: [ConstraintOption] = []
        var chosen: Int?
        /// Whether the activity's phase window gave the estimate.
        var usedWindow = false
    }

    /// The estimate of a constraint's work when no option gives its own, and where it
    /// came from (for warnings and the export, which writes back what reads the same).
    static func sharedEstimate(timeline: String?, activity: (estimate: Estimate?, window: Estimate)?) -> (Estimate, Source) {
        if let text = timeline, let e = TrackerImport.estimate(fromTimeline: text) { return (e, .timeline) }
        if let a = activity {
            if let e = a.estimate { return (e, .activity) }
            return (a.window, .window)
        }
        return (TrackerImport.defaultEstimate, .default)
    }

    enum Source { case timeline, activity, window, `default` }

    /// The `why` of the first option when the tracker marks none chosen; the export
    /// writes `(chosen)` wherever the choice has another reason.
    static func assumedChoiceWhy(options: Int, constraint id: String) -> String {
        "The tracker lists \(options) options and does not say which it takes; the import follows the first. Mark another 'chosen: true', or weigh them all: slipway compare PLAN --option \(id)=all"
    }

    /// - Parameters:
    ///   - entry: the constraint as written; `c` as mapped so far (id, owner).
    ///   - unique: allocates a plan-wide id.
    /// - Complexity: O(*f* + *o*²) for *f* fields and *o* options (option ids are
    ///   kept distinct within the constraint).
    static func build(_ entry: TrackerDocument.Entry, constraint c: Constraint, index: Int, activity: Activity?,
                      unique: (String) -> String, warn: (DiagnosticCode, Int, String, [Diagnostic.Note]) -> Void) -> Work {
        func at(_ line: Int) -> SourceLocation { SourceLocation(line: line, column: 1) }
        let what = "\(entry.section) '\(entry.name)'"
        var notes: [String] = []
        var bullets: [(option: TrackerNames.OptionBullet, line: Int)] = []
        var timeline: (text: String, line: Int)?
        for field in entry.fields {
            switch field.key.lowercased() {
            case "mitigation":
                let items = [(field.value, field.line)] + zip(field.items, field.itemLines).map { ($0, $1) }
                for (item, line) in items where !item.isEmpty {
                    if let option = TrackerNames.OptionBullet(item) { bullets.append((option, line)) } else { notes.append(item) }
                }
            case "timeline": timeline = (field.value, field.line)
            default: break
            }
        }

        // An option's own `(estimate X)`, when it reads; the others share the estimate below.
        let own: [Estimate?] = bullets.map { bullet in
            guard let text = bullet.option.estimate, case .success(let e) = TimeSyntax().estimate(text) else { return nil }
            return e
        }
        let sharing = bullets.isEmpty ? 1 : own.filter { $0 == nil }.count
        let (shared, source) = sharedEstimate(timeline: timeline?.text, activity: activity.map { ($0.estimate, $0.window) })
        let given: String
        switch source {
        case .timeline, .default: given = "its mitigation is given \(PlanYAML.estimate(shared))"
        case .activity: given = "its mitigation, '\(activity!.task.title)' in phase \(activity!.phaseNumber), keeps that activity's estimate (\(PlanYAML.estimate(shared)))"
        case .window: given = "its mitigation, '\(activity!.task.title)' in phase \(activity!.phaseNumber), is given the phase window (\(PlanYAML.estimate(shared)))"
        }
        if sharing > 0, let timeline, source != .timeline {
            warn(.defaultEstimate, timeline.line, "timeline '\(timeline.text)' of \(what) is not a duration; \(given)", [])
        } else if sharing > 0, timeline == nil {
            warn(.defaultEstimate, entry.line, "\(what) has no Timeline; \(given)", [])
        }
        if source == .timeline, let a = activity, let own = a.estimate, own != shared {
            warn(.estimateMismatch, a.task.location.line,
                 "'\(a.task.title)' is estimated at \(PlanYAML.estimate(own)), but it is the mitigation of \(what), whose timeline says \(PlanYAML.estimate(shared)); the timeline is used",
                 [.init("the timeline of \(entry.section)", at: at(timeline!.line))])
        }

        func task(id: String, title: String, estimate: Estimate, line: Int) -> PlanTask {
            var t = activity?.task ?? PlanTask(id: id, title: title, estimate: estimate, location: at(line))
            t.id = id
            t.title = title
            t.estimate = estimate
            t.owner = c.owner
            t.notes = notes
            t.constraint = index
            return t
        }
        var work = Work(usedWindow: source == .window && sharing > 0)
        guard !bullets.isEmpty else {
            work.task = task(id: activity?.task.id ?? unique("mitigate-" + c.id), title: activity?.task.title ?? "Mitigation: \(entry.name)",
                             estimate: shared, line: entry.line)
            return work
        }

        let marked = bullets.indices.filter { bullets[$0].option.chosen }
        let chosen = marked.first ?? 0
        let compare = "slipway compare PLAN --option \(c.id)=all"
        if marked.isEmpty {
            warn(.assumedChoice, bullets[0].line,
                 "\(what) lists \(bullets.count) options and does not say which it takes; the plan follows Option \(bullets[0].option.number), '\(bullets[0].option.title)' (chosen: true): weigh them with '\(compare)'", [])
        }
        for extra in marked.dropFirst() {
            warn(.assumedChoice, bullets[extra].line,
                 "Option \(bullets[extra].option.number) of \(entry.section) is marked chosen, but so is Option \(bullets[chosen].option.number); the plan follows the first", [])
        }
        var optionIDs = Set<String>()
        for (k, (option, line)) in bullets.enumerated() {
            var base = WordOverlapMatcher.words(option.title).prefix(3).joined(separator: "-")
            if base.isEmpty { base = "option-\(option.number)" }
            var oid = base, n = 2
            while optionIDs.contains(oid) { oid = "\(base)-\(n)"; n += 1 }
            optionIDs.insert(oid)
            if let text = option.estimate, own[k] == nil {
                warn(.defaultEstimate, line, "estimate '\(text)' of Option \(option.number) of \(entry.section) is not a duration; the option is given \(PlanYAML.estimate(shared))", [])
            }
            var t = task(id: unique(oid), title: activity.map { "\($0.task.title): \(option.title)" } ?? option.title, estimate: own[k] ?? shared, line: line)
            t.location = at(line)
            t.option = k
            let why = k != chosen ? nil : option.chosen ? "Marked (chosen) in the tracker." : assumedChoiceWhy(options: bullets.count, constraint: c.id)
            work.choices.append(ConstraintOption(id: oid, title: option.title, markedChosen: k == chosen, why: why, tasks: [t], risks: [], location: at(line)))
        }
        work.chosen = chosen
        if let timeline, source == .timeline, bullets.count > 1, sharing > 1 {
            warn(.sharedTimeline, timeline.line,
                 "\(what) gives one timeline, '\(timeline.text)', for its \(bullets.count) options; \(sharing == bullets.count ? "each option" : "each of the \(sharing) options without its own '(estimate X)'") is given \(PlanYAML.estimate(shared)): write an option's own estimate after it, as in 'Option 2: ... (estimate 1-2w)'", [])
        }
        return work
    }
}

// The diagnostic codes raised here.
extension DiagnosticCode {
    public static let assumedChoice = DiagnosticCode("assumed-choice")
    public static let estimateMismatch = DiagnosticCode("estimate-mismatch")
    public static let sharedTimeline = DiagnosticCode("shared-timeline")
}
