import Foundation
import SlipwayCore
import SlipwayScheduling
import SlipwayReports
import SlipwayInterchange

/// What one fuzzing run feeds its inputs to, chosen by `FUZZ_TARGET`. Each target
/// is a reader a user's file reaches, followed by what runs on what it reads; a
/// crash, a trap or non-JSON output is a finding. Diagnostics are the expected
/// outcome for most mutated inputs and are not findings.
enum FuzzTarget: String, CaseIterable {
    /// The plan loader, the scheduler, leveling and a short simulation, the JSON and
    /// every export format.
    case plan
    case tracker
    case mspdi
    /// A progress sidecar applied to a fixed plan.
    case progress
    case baseline

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "plan"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("unknown FUZZ_TARGET '\(name)'; one of \(allCases.map(\.rawValue))\n".utf8))
            exit(2)
        }
        return target
    }()

    /// The plan the progress and baseline targets read against.
    static let basePlan = """
        plan: Fuzz
        start: 2025-01-13
        deadline: week 6
        owners: [{id: a, capacity: 1}, {id: b}]
        tasks:
          - {id: x, duration: 1w, owner: a}
          - {id: y, estimate: 1-3w, owner: a, after: [x]}
          - {id: z, duration: 2d, owner: b, after: ["x SS+1d"]}
        """

    func run(_ data: Data) {
        // Input arrives as bytes; readers of text files check UTF-8 themselves.
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .plan:
            let checked = CheckedPlan.load(text: text)
            guard let plan = checked.plan, let schedule = checked.schedule, plan.tasks.count < 2_000 else { return }
            Self.requireJSON(ScheduleJSON.render(plan: plan, schedule: schedule))
            let leveled = Scheduler.level(plan, schedule: schedule)
            Self.requireJSON(ScheduleJSON.render(plan: plan, schedule: leveled))
            _ = RiskSimulation.run(plan: plan, schedule: schedule, iterations: 20, seed: 1)
            // Every export: the Mermaid export trapped on a start beyond the calendar.
            for format in ExportFormat.allCases { _ = Interchange.export(plan: plan, schedule: schedule, format: format) }
        case .tracker:
            _ = Interchange.importTracker(text: text, source: "fuzz.md")
        case .mspdi:
            _ = Interchange.importMSPDI(text: text, source: "fuzz.xml")
            _ = Interchange.importMSPDI(text: text, source: "fuzz.xml", lenient: true)
        case .progress:
            let loaded = PlanLoader.load(text: Self.basePlan, progress: .init(path: "fuzz.progress.yaml", text: text))
            let checked = CheckedPlan.from(loaded)
            if let plan = checked.plan, let schedule = checked.schedule {
                Self.requireJSON(ScheduleJSON.render(plan: plan, schedule: schedule))
            }
        case .baseline:
            _ = Baseline.decode(data, path: "fuzz.baseline.json")
        }
    }

    /// Every JSON output is strict JSON whatever the input: no `inf` or `nan`.
    static func requireJSON(_ text: String) {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil else {
            fatalError("not strict JSON:\n\(text.prefix(2000))")
        }
    }
}
