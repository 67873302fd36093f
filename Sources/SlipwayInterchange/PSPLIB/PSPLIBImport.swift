import SlipwayCore

/// A PSPLIB instance as a plan: one period is one week; each renewable resource
/// is an owner (`r1`, `r2`, ...) with its availability as capacity; each job is
/// a task `j1` ... `jN` with its duration, its requests as `needs` and its
/// predecessors as finish-to-start links. The dummy source and sink (jobs 1 and
/// N, duration 0) are milestones, so the numbering stays that of the file.
public enum PSPLIBImport {
    /// - Complexity: O(*V* · *R* + *E*) for *V* jobs, *R* resources and *E* links.
    public static func plan(_ instance: PSPLIBInstance, title: String) -> Plan {
        var plan = Plan(title: title)
        let here = SourceLocation(line: 1, column: 1)
        plan.owners = instance.capacity.enumerated().map { r, capacity in
            Owner(id: "r\(r + 1)", name: "R \(r + 1)", capacity: capacity, location: here)
        }
        var predecessors = [[Int]](repeating: [], count: instance.duration.count)
        for (i, list) in instance.successors.enumerated() {
            for s in list { predecessors[s].append(i) }
        }
        let last = instance.duration.count - 1
        for (j, weeks) in instance.duration.enumerated() {
            let dummy = (j == 0 || j == last) && weeks == 0
            var task = PlanTask(id: "j\(j + 1)", title: dummy ? (j == 0 ? "Project start" : "Project end") : "Job \(j + 1)",
                                estimate: .fixed(weeks), location: here)
            task.isMilestone = weeks == 0
            if task.isMilestone { task.estimate = .zero }
            task.needs = instance.demand[j].enumerated().compactMap { r, units in
                units > 0 ? OwnerUnits(owner: "r\(r + 1)", units: units) : nil
            }
            task.after = predecessors[j].sorted().map { Dependency(id: "j\($0 + 1)", location: here) }
            plan.tasks.append(task)
        }
        return plan
    }
}
