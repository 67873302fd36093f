import SlipwayEngine

/// The working calendars of a plan, compiled for the schedulers: the plan's own
/// (its holidays) and one per owner that has leave or availability (the plan's
/// holidays and that owner's leave, at that owner's rate). Work is done on the
/// calendar of the owner that does it; work without an owner, waits, milestones
/// and constraint resolutions are on the plan's.
public struct PlanCalendars: Sendable {
    /// Index 0 is the plan's calendar; then one per owner with a calendar of its own.
    public let calendars: [WorkingTime]
    /// Per owner, the index of its calendar in `calendars`.
    public let ofOwner: [Int32]

    /// Whether the plan declares anything a calendar is made of. A plan that does
    /// not is scheduled on the plain axis, exactly as before calendars existed.
    public static func declared(in plan: Plan) -> Bool {
        !plan.holidays.isEmpty || plan.owners.contains { !$0.leave.isEmpty || !$0.availability.isEmpty }
    }

    /// - Complexity: O(*H* log *H* + Σ over owners with a calendar of (*H* + *L* + *A*) log(*H* + *L* + *A*)),
    ///   for *H* holidays, *L* an owner's leave and *A* its availability steps.
    public init(plan: Plan) {
        let holidays = plan.holidays.compactMap { $0.span(on: plan.calendar) }
        var calendars = [WorkingTime(gaps: holidays)]
        var ofOwner = [Int32](repeating: 0, count: plan.owners.count)
        for (o, owner) in plan.owners.enumerated() where !owner.leave.isEmpty || !owner.availability.isEmpty {
            let leave = owner.leave.compactMap { $0.span(on: plan.calendar) }
            let rates = owner.availability.compactMap { step in
                plan.calendar.time(of: step.from, as: .start).map { (from: $0, rate: step.percent / 100) }
            }
            ofOwner[o] = Int32(calendars.count)
            calendars.append(WorkingTime(gaps: holidays + leave, rates: rates))
        }
        self.calendars = calendars
        self.ofOwner = ofOwner
    }

    /// The calendar of a task: its owner's, or with `needs` only, the first owner
    /// it needs; the plan's for a task without one.
    public func index(of task: PlanTask) -> Int32 {
        guard let owner = task.ownerIndex ?? task.demands.first?.ownerIndex else { return 0 }
        return ofOwner[owner]
    }

    public func calendar(of task: PlanTask) -> WorkingTime { calendars[Int(index(of: task))] }
    public var plan: WorkingTime { calendars[0] }

    /// The calendars of a network whose first `plan.tasks.count` nodes are the
    /// plan's tasks and whose other nodes (constraint resolutions) are on the
    /// plan's calendar.
    public func network(_ plan: Plan, nodeCount: Int) -> NetworkCalendars {
        var ofNode = [Int32](repeating: 0, count: nodeCount)
        for (j, task) in plan.tasks.enumerated() where j < nodeCount { ofNode[j] = index(of: task) }
        return NetworkCalendars(calendars: calendars, ofNode: ofNode)
    }
}
