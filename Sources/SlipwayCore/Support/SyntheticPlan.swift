import SlipwayEngine

/// Generated plans for benchmarks and tests of large inputs: the same text for
/// the same arguments on every machine.
public enum SyntheticPlan {
    /// A layered plan of `count` tasks in four phases, with about 2.3 links per task
    /// and a constraint mitigated by every 25th task; the same text every run.
    public static func layered(tasks count: Int) -> String {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let severities = ["critical", "high", "medium", "low"]
        var text = "plan: Generated \(count)\nphases:\n"
        for p in 0..<4 { text += "  - id: p\(p)\n    weeks: \(p * 10 + 1)-\(p * 10 + 10)\n" }
        var constraints = "constraints:\n", tasks = "tasks:\n"
        for i in 0..<count {
            var entry = "  - id: t\(i)\n    title: Generated task number \(i) of the synthetic plan\n"
            entry += "    duration: \(1 + next(3))w\n    phase: p\(min(3, i * 4 / count))\n"
            if i > 0 {
                let links = Set((0..<(1 + next(3))).map { _ in max(0, i - 1 - next(min(i, 40))) })
                entry += "    after: [\(links.sorted().map { "t\($0)" }.joined(separator: ", "))]\n"
            }
            if i % 25 == 0 {
                constraints += "  - id: c\(i)\n    title: Generated constraint \(i)\n    severity: \(severities[(i / 25) % 4])\n"
                constraints += "    category: cat\((i / 25) % 3)\n    mitigations:\n"
                constraints += entry.split(separator: "\n").map { "    \($0)\n" }.joined()
            } else {
                tasks += entry
            }
        }
        return text + constraints + tasks
    }

    /// A plan of `tasks` tasks in 4 phases, 20 owners, ~2 links each.
    public static func withOwners(tasks: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var out = "plan: Generated benchmark plan\nstart: 2025-01-13\ndeadline: 52w\nowners:\n"
        for o in 0..<20 { out += "  - id: team-\(o)\n    rate: 1000\n" }
        out += "phases:\n"
        for p in 0..<4 { out += "  - id: phase-\(p)\n    weeks: \(p * 10 + 1)-\(p * 10 + 10)\n" }
        out += "tasks:\n"
        for i in 0..<tasks {
            out += "  - id: t\(i)\n    title: Task number \(i)\n    duration: \(1 + rng.next() % 4)-\(5 + rng.next() % 4)d\n"
            out += "    owner: team-\(rng.next() % 20)\n    phase: phase-\(i * 4 / tasks)\n"
            if i > 0 {
                let a = i - 1 - Int(rng.next() % UInt64(min(i, 500)))
                let b = i - 1 - Int(rng.next() % UInt64(min(i, 500)))
                out += a == b ? "    after: [t\(a)]\n" : "    after: [t\(a), \"t\(b) SS+1d\"]\n"
            }
        }
        return out
    }
}

extension SyntheticPlan {
    /// A plan of `count` tasks shaped like the files users write, for measuring the
    /// loader on what it really meets: all four link types, positive and negative
    /// lags, plain (`t5`), shorthand (`"t094668 FS-2d"`) and mapping
    /// (`{id: t7, type: FF, lag: -2d}`) links in flow and block lists, fixed
    /// durations and `2-3w` / `1w/2w/4w` estimates, 40 owners (a few tasks with
    /// `needs`), 6 phases, milestones, comments, and a constraint with a mitigation
    /// and a `blocks` for every 500th task.
    ///
    /// Ids are a random relabelling, half of them zero-padded (`t000417`, `t417`
    /// would be another task), and tasks are written in a random order, so most
    /// links name a task defined further down the file. Links only go back in a
    /// hidden topological order, so the plan is acyclic whatever their types.
    /// About 180 bytes per task: a million tasks stay under
    /// `PlanLoader.maximumInputBytes`.
    ///
    /// - Complexity: O(*n*) time and text for *n* tasks.
    public static func mixed(tasks count: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        func below(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }
        func shuffled(_ n: Int) -> [Int] {
            var a = Array(0..<n)
            if n > 1 { for i in stride(from: n - 1, to: 0, by: -1) { a.swapAt(i, below(i + 1)) } }
            return a
        }
        // Position = place in the hidden topological order; label = the id's number.
        let label = shuffled(count)
        let width = max(6, String(max(0, count - 1)).count)
        let padded = (0..<count).map { _ in below(2) == 0 }
        func id(_ position: Int) -> String {
            let digits = String(label[position])
            return padded[position] ? "t" + String(repeating: "0", count: width - digits.count) + digits : "t" + digits
        }

        let verbs = ["Migrate", "Design", "Review", "Load-test", "Provision", "Document", "Automate", "Harden", "Cut over", "Retire"]
        let nouns = ["billing service", "auth gateway", "message queue", "search index", "VPC peering", "CI pipeline",
                     "config store", "metrics stack", "backup job", "DNS zone", "session cache", "audit log"]
        let estimates = ["2w", "3d", "1.5w", "2-3w", "1w/2w/4w", "4-6d", "1w", "2d/4d/8d", "3-5w", "5d"]
        let types = ["FS", "SS", "FF", "SF"]
        let lags = ["+1d", "+2d", "-1d", "-2d", "+1w", "-0.5w", "+3d", "-1w"]
        let phases = 6, owners = 40
        // Parallel streams of about 40 steps each, as a large programme is many
        // teams' chains side by side: the finish stays near the deadline at any size.
        let streams = max(1, count / 40)

        var out = "# Generated: \(count) tasks, seed \(seed)\nplan: Generated mixed plan of \(count) tasks\n"
        out += "start: 2025-01-13\ndeadline: 104w\ncurrency: USD\n\nowners:\n"
        for o in 0..<owners {
            out += "  - id: team-\(o)\n    name: Team \(o)\n    capacity: \(1 + o % 3)\n    rate: \(4000 + 250 * (o % 8))\n"
        }
        out += "\nphases:\n"
        for p in 0..<phases { out += "  - id: phase-\(p + 1)\n    name: \"Phase \(p + 1)\"\n    weeks: \(p * 12 + 1)-\(p * 12 + 36)\n" }

        /// The `after` entries of the task at `position`, each in one of the forms users write.
        func links(of position: Int, indent: String) -> String {
            guard position > 0 else { return "" }
            let wanted = [0, 1, 1, 1, 2, 2, 2, 3, 3, 4][below(10)]
            var predecessors: [Int] = []
            for _ in 0..<wanted {
                // Mostly the previous steps of the task's own stream; sometimes
                // anything in the layers just before.
                let p = position < streams || below(6) == 0
                    ? position - 1 - below(min(position, 2 * streams))
                    : max(position % streams, position - streams * (1 + below(3)))
                if !predecessors.contains(p) { predecessors.append(p) }
            }
            guard !predecessors.isEmpty else { return "" }
            let block = below(2) == 0
            var items: [String] = []
            for p in predecessors {
                let roll = below(20)
                let type = roll < 12 ? "FS" : types[1 + below(3)]
                let lag = below(5) < 2 ? lags[below(lags.count)] : ""
                let form = below(10)
                if type == "FS" && lag.isEmpty && form < 7 {
                    items.append(id(p))
                } else if form < 7 {
                    items.append("\"\(id(p)) \(type)\(lag)\"")
                } else if block && form == 9 {
                    var m = "id: \(id(p))\n\(indent)    type: \(type)"
                    if !lag.isEmpty { m += "\n\(indent)    lag: \(lag)" }
                    items.append(m)
                } else {
                    var m = "{id: \(id(p)), type: \(type)"
                    if !lag.isEmpty { m += ", lag: \(lag)" }
                    if form == 8 { m += ", why: shares the \(nouns[below(nouns.count)])" }
                    items.append(m + "}")
                }
            }
            if block { return "\(indent)after:\n" + items.map { "\(indent)  - \($0)\n" }.joined() }
            return "\(indent)after: [\(items.joined(separator: ", "))]\n"
        }

        /// One task entry; `indent` is the indentation of its keys.
        func entry(_ position: Int, indent: String) -> String {
            let number = label[position]
            var e = "id: \(id(position))\n"
            let verb = verbs[below(verbs.count)], noun = nouns[below(nouns.count)]
            e += below(8) == 0 ? "\(indent)title: \"\(verb): \(noun) #\(number)\"\n" : "\(indent)title: \(verb) \(noun) \(number)\n"
            if below(33) == 0 {
                e += "\(indent)milestone: true\n"
            } else {
                e += "\(indent)duration: \(estimates[below(estimates.count)])\n"
                if below(20) == 0 {
                    let first = below(owners), second = (first + 1 + below(owners - 1)) % owners
                    e += "\(indent)needs: {team-\(first): 1, team-\(second): 0.5}\n"
                } else if below(10) != 0 {
                    e += "\(indent)owner: team-\(below(owners))\n"
                }
            }
            if below(20) != 0 { e += "\(indent)phase: phase-\(1 + position * phases / count)\n" }
            e += links(of: position, indent: indent)
            if below(50) == 0 { e += "\(indent)not-before: week \(1 + below(8))\n" }
            if below(40) == 0 { e += "\(indent)cost: \(1000 * (1 + below(20)))\n" }
            if below(25) == 0 { e += "\(indent)why: \"waits on the \(noun) review\"\n" }
            return e
        }

        var constraints = "\nconstraints:\n", tasks = "\ntasks:\n"
        let fileOrder = shuffled(count)
        for (written, position) in fileOrder.enumerated() {
            if written % 500 == 499 {
                let c = written / 500
                constraints += "  - id: risk-\(c)\n    title: Generated risk \(c)\n    severity: \(["critical", "high", "medium", "low"][c % 4])\n"
                let blocked = position + 1 + below(40)
                if blocked < count { constraints += "    blocks: [\(id(blocked))]\n" }
                constraints += "    mitigations:\n      - " + entry(position, indent: "        ")
            } else {
                if written % 50 == 0 { tasks += "  # ---- batch \(written / 50 + 1) ----\n" }
                tasks += "  - " + entry(position, indent: "    ")
            }
        }
        return out + (count >= 500 ? constraints : "") + tasks
    }
}
