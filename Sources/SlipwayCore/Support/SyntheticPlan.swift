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
