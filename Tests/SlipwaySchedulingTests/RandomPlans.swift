import SlipwayEngine
import SlipwayCore
@testable import SlipwayScheduling


/// Random valid plans: links only from earlier to later tasks (so no cycles),
/// all four link types with lags (some hard), not-before, phases, owners with
/// skills and tasks that need them, waits, crash limits, constraints with
/// mitigations and blocks, and sometimes a status date with finished and
/// started tasks. References are resolved, as the loader does.
enum RandomPlans {
    static func make(_ rng: inout SplitMix64) -> Plan {
        let here = SourceLocation(line: 1, column: 1)
        var plan = Plan(title: "random")
        let n = Int.random(in: 2...14, using: &rng)
        if Bool.random(using: &rng) {
            plan.phases = [Phase(id: "p1", windowStart: 0, windowEnd: 3, weeksText: "1-3", location: here),
                           Phase(id: "p2", windowStart: Double(Int.random(in: 1...4, using: &rng)), windowEnd: 8, weeksText: "x-8", location: here)]
        }
        let halves: [Double] = [0, 0.5, 1, 1.5, 2, 3]
        let skillNames = ["ecs", "iam", "sql"]
        for o in 0..<Int.random(in: 0...3, using: &rng) {
            var owner = Owner(id: "o\(o)", capacity: Double(Int.random(in: 1...2, using: &rng)), location: here)
            owner.skills = skillNames.filter { _ in Bool.random(using: &rng) }
            plan.owners.append(owner)
        }
        for i in 0..<n {
            let o = halves.randomElement(using: &rng)!
            let estimate = Bool.random(using: &rng) ? Estimate.fixed(o) : Estimate(optimistic: o, mostLikely: o + 0.5, pessimistic: o + 2)
            var task = PlanTask(id: "t\(i)", title: "t\(i)", estimate: estimate, location: here)
            task.isMilestone = Int.random(in: 0..<10, using: &rng) == 0
            if task.isMilestone { task.estimate = .zero }
            for j in 0..<i where Int.random(in: 0..<10, using: &rng) < 3 {
                let type = LinkType.allCases.randomElement(using: &rng)!
                let lag = [-1, -0.5, 0, 0, 0.5, 1].randomElement(using: &rng)!
                var dependency = Dependency(id: "t\(j)", type: type, lag: lag, location: here)
                if Int.random(in: 0..<4, using: &rng) == 0 { dependency.why = "a reason" }
                if Int.random(in: 0..<6, using: &rng) == 0 { dependency.hardness = Bool.random(using: &rng) }
                task.after.append(dependency)
            }
            if !task.isMilestone, Int.random(in: 0..<6, using: &rng) == 0 {
                task.isWait = true
            } else if !task.isMilestone, !plan.owners.isEmpty, Int.random(in: 0..<4, using: &rng) > 0 {
                task.owner = plan.owners.randomElement(using: &rng)!.id
                task.skills = skillNames.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }
            }
            if !task.isMilestone, Int.random(in: 0..<4, using: &rng) == 0 {
                task.crash = Crash(minimum: task.estimate.mean / 2, costPerWeek: Bool.random(using: &rng) ? 100 : nil, location: here)
            }
            if Int.random(in: 0..<5, using: &rng) == 0 { task.notBefore = Double(Int.random(in: 0...4, using: &rng)) }
            if !plan.phases.isEmpty, Bool.random(using: &rng) { task.phase = Bool.random(using: &rng) ? "p1" : "p2" }
            plan.tasks.append(task)
        }
        // Constraints: mitigations among the first k tasks, blocking a later one.
        for c in 0..<Int.random(in: 0...2, using: &rng) where n >= 3 {
            let k = Int.random(in: 1..<(n - 1), using: &rng)
            var constraint = Constraint(id: "c\(c)", title: "c\(c)", location: here)
            for m in 0..<k where Bool.random(using: &rng) && plan.tasks[m].constraint == nil {
                plan.tasks[m].constraint = plan.constraints.count
                constraint.mitigations.append(m)
            }
            constraint.blocks = [Reference(id: "t\(Int.random(in: k..<n, using: &rng))", location: here)]
            constraint.target = Double(Int.random(in: 1...6, using: &rng))
            plan.constraints.append(constraint)
        }
        if Bool.random(using: &rng) {
            let s = Double(Int.random(in: 1...3, using: &rng))
            plan.statusDate = s
            // The first tasks may be finished or started (dates at or before S).
            for i in 0..<min(n, 3) where !plan.tasks[i].isMilestone {
                switch Int.random(in: 0..<3, using: &rng) {
                case 0:
                    let start = Double(Int.random(in: 0..<Int(s), using: &rng))
                    plan.tasks[i].progress = Progress(actualStart: start, actualFinish: Double(Int.random(in: Int(start)...Int(s), using: &rng)), percent: 100)
                case 1:
                    plan.tasks[i].progress = Progress(actualStart: Double(Int.random(in: 0..<Int(s), using: &rng)), percent: [10, 50, 90].randomElement(using: &rng)!)
                default: break
                }
            }
        }
        plan.deadline = Double(Int.random(in: 3...12, using: &rng))
        let problems = plan.resolveReferences()
        precondition(!problems.hasErrors, "a random plan refers only to what it declares: \(problems)")
        return plan
    }
}
