/// Where a tracker names the same work twice: which phase activity is which
/// constraint's mitigation ("Implement new messaging layer" in Phase 3 is 1.1's
/// mitigation, so it is planned once, not as an activity and again as a
/// "Mitigation: ..." task from t = 0), and which next-step action is which phase
/// activity (so that the week the action is due can be held against the phase).
///
/// Both are found by `WordOverlapMatcher`: activities against constraints (the
/// heading name and sentence as identity, the Mitigation bullets and options as
/// work, the description and impact besides), and actions against activities.
public struct TrackerCrossReference: Sendable {
    /// Every phase activity in document order, its text without its `(estimate X)`.
    public var activities: [TrackerDocument.Activity]
    /// The `X` of each activity's `(estimate X)`, when written.
    public var activityEstimates: [String?]
    /// For each constraint (index in `TrackerDocument.constraints`), the activity that is its mitigation.
    public var activityOfConstraint: [Int?]
    /// For each activity, the constraint it mitigates.
    public var constraintOfActivity: [Int?]
    /// Activity-constraint pairs in the order taken (query: activity, candidate: constraint).
    var mitigationPairs: [WordOverlapMatcher.Pair]
    /// Activities and constraints that fit each other equally and were left apart.
    var mitigationTies: [WordOverlapMatcher.Tie]

    /// A next-step action with the week its group is due by.
    public struct Action: Sendable {
        public var text: String
        public var line: Int
        public var week: Double?
        public var group: String
    }
    public var actions: [Action]
    /// For each action, the phase activity it names.
    public var activityOfAction: [Int?]
    var actionPairs: [WordOverlapMatcher.Pair]

    /// - Complexity: that of `WordOverlapMatcher.match`, run twice: *a* activities
    ///   against *c* constraints, and the next-step actions against the activities.
    public init(_ doc: TrackerDocument) {
        activities = doc.activities
        activityEstimates = activities.map { TrackerNames.splitEstimate($0.text).estimate }
        for a in activities.indices { activities[a].text = TrackerNames.splitEstimate(activities[a].text).text }

        let constraints = doc.constraints.map(Self.candidate)
        let mitigation = WordOverlapMatcher.match(queries: activities.map(\.text), candidates: constraints)
        mitigationPairs = mitigation.pairs
        mitigationTies = mitigation.ties
        constraintOfActivity = mitigation.candidates(ofQueries: activities.count)
        activityOfConstraint = [Int?](repeating: nil, count: doc.constraints.count)
        for p in mitigation.pairs { activityOfConstraint[p.candidate] = p.query }

        actions = doc.actions.flatMap { group in
            group.items.map { Action(text: $0.text, line: $0.line, week: group.week, group: group.title) }
        }
        let named = WordOverlapMatcher.match(queries: actions.map(\.text),
                                             candidates: activities.map { WordOverlapMatcher.Candidate(work: [$0.text]) })
        actionPairs = named.pairs
        activityOfAction = named.candidates(ofQueries: actions.count)
    }

    /// The shared words of the pair of `activity` and its constraint.
    func sharedWords(activity: Int) -> [String] {
        mitigationPairs.first { $0.query == activity }?.words ?? []
    }

    /// A constraint as the matcher sees it: options are read by their titles, without
    /// "Option N:" and the export's marks.
    static func candidate(_ entry: TrackerDocument.Entry) -> WordOverlapMatcher.Candidate {
        var c = WordOverlapMatcher.Candidate(identity: [entry.name] + (entry.sentence.map { [$0] } ?? []))
        for field in entry.fields {
            let all = ([field.value] + field.items).filter { !$0.isEmpty }
            switch field.key.lowercased() {
            case "mitigation": c.work += all.map { TrackerNames.OptionBullet($0)?.title ?? TrackerNames.splitEstimate($0).text }
            case "description", "impact": c.other += all
            default: break // severity, timeline, limits and links say how bad and how long, not what
            }
        }
        return c
    }
}
