import Foundation
import SlipwayCore
import SlipwayRendering
import SlipwayScheduling

/// Rendering figures for `make bench`: the AWS plan's network end to end through
/// the `slipway` executable, and generated plans of 1,000 and 2,000 tasks laid out
/// and rendered in process. For the comparison with the `dot` program, each graph
/// is written as DOT with its in-process time into `dotDirectory`, and
/// Scripts/compare-with-dot.sh times `dot` on it: no Swift code runs `dot`.
func runRenderBench(slipwayPath: String, dotDirectory: String) throws {
    print("rendering (median of \(RenderBench.repeats) runs)")
    let aws = "plans/aws-migration.yaml"
    if FileManager.default.fileExists(atPath: aws) {
        let output = NSTemporaryDirectory() + "slipway-bench-network.svg"
        let wall = try RenderBench.median {
            try RenderBench.run(slipwayPath, ["render", aws, "--diagram", "network", "--format", "svg", "-o", output])
        }
        print("  AWS network, svg, whole process (slipway render): \(RenderBench.format(wall)) s (target <= 1 s)")
    }
    for tasks in [1_000, 2_000] {
        let checked = CheckedPlan.load(text: SyntheticPlan.layered(tasks: tasks))
        guard let plan = checked.plan, let schedule = checked.schedule else {
            print("  generated plan of \(tasks) tasks did not load: \(checked.diagnostics.first?.message ?? "?")")
            continue
        }
        let spec = NetworkDiagram.graph(plan: plan, schedule: schedule)
        var layouts: [Double] = [], renders: [Double] = []
        for _ in 0..<RenderBench.repeats {
            let rendered = try GraphvizRenderer.render(spec, engine: .dot, format: .svg)
            layouts.append(rendered.buildSeconds + rendered.layoutSeconds)
            renders.append(rendered.renderSeconds)
        }
        let layout = RenderBench.median(layouts), render = RenderBench.median(renders)
        var line = "  \(tasks) tasks (\(spec.nodes.count) nodes, \(spec.edges.count) links), network svg in process: "
            + "layout \(RenderBench.format(layout)) s, render \(RenderBench.format(render)) s"
        try FileManager.default.createDirectory(atPath: dotDirectory, withIntermediateDirectories: true)
        let base = dotDirectory + "/network-\(tasks)"
        try AtomicFile.write(try GraphvizRenderer.render(spec, engine: .dot, format: .dot).data, to: base + ".dot")
        try AtomicFile.write(String(format: "%.6f\n", layout + render), to: base + ".seconds")
        print(line)
    }
}

/// Renders the AWS plan's network `count` times in one process, for the leak check
/// of Scripts/render-valgrind.sh (`slipway-bench --render-loop 100`).
func runRenderLoop(count: Int, plan path: String = "plans/aws-migration.yaml") throws {
    let checked = CheckedPlan.load(path: path)
    guard let plan = checked.plan, let schedule = checked.schedule else {
        throw RenderBench.BenchFailure(description: "\(path) did not load")
    }
    var bytes = 0
    for _ in 0..<count {
        bytes += try Diagram.render(.network, format: .svg, plan: plan, schedule: schedule).data.count
    }
    print("\(count) renders, \(bytes) bytes of SVG")
}

enum RenderBench {
    static let repeats = 3

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    static func median(_ body: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<repeats {
            let elapsed = try clock.measure(body)
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return median(times)
    }

    static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// Runs a program and waits; throws when it fails.
    static func run(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchFailure(description: "\(path) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }

    struct BenchFailure: Error, CustomStringConvertible {
        var description: String
    }
}
