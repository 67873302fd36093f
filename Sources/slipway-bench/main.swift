import Foundation
import SlipwayCore
import SlipwayEngine

// `make bench`: slipway-bench [--slipway PATH] [--nodes N] [--tasks N] [--loading-tasks N,N...] [--psplib DIR] [--only scheduling|loading|export|simulate|review|render|leveling|psplib] [--dot-dir DIR]
// `make bench-leveling`: slipway-bench --only leveling [--sets j30,j60,j90,j120] [--budgets 1000,5000,50000] [--seed S] [--threads N] [--every K [--offset I]] [--per-instance FILE]
//   (budget 0 is the single pass; --every K levels every K-th instance of each set only, for a quick look;
//   --only psplib skips the timing of `schedule --level`)
// --psplib defaults to ../shared/benchmarks/psplib: CI and `make bench` have ../shared beside the repository root.
// Scripts/render-valgrind.sh: slipway-bench --render-loop N (N renders in one process, for valgrind)
// slipway-bench --write-mixed-plan N PATH writes the loading benchmark's plan of N tasks, for profiling slipway on it;
// slipway-bench --stages PATH [RUNS] times the in-process stages of the loading benchmark on a plan file;
// slipway-bench --synthetic-plan N prints the generated plan of N tasks the benchmarks level, for profiling.
var arguments = CommandLine.arguments.dropFirst()
var slipway = ".build/release/slipway"
var nodes = 1_000_000
var tasks = 100_000
var loadingSizes = [100_000, 1_000_000]
var psplib = "../shared/benchmarks/psplib"
var only: String?
var dotDirectory = ".build/bench-dot"
// `make bench` levels PSPLIB with the single pass only, which takes seconds; the
// budgets of the search are `make bench-leveling`'s.
var leveling = LevelingBench(directory: "", sets: ["j30", "j60", "j90", "j120"], budgets: [0])
let usage = "usage: slipway-bench [--slipway PATH] [--nodes N] [--tasks N] [--loading-tasks N,N...] [--psplib DIR] [--only scheduling|loading|export|simulate|review|render|leveling|psplib] [--dot-dir DIR] [--write-mixed-plan N PATH] [--stages PATH [RUNS]]"
    + " [--sets j30,...] [--budgets 0,1000,...] [--seed S] [--threads N] [--every K [--offset I]] [--per-instance FILE] [--render-loop N] [--synthetic-plan N]\n"
while let flag = arguments.popFirst() {
    switch flag {
    case "--slipway": slipway = arguments.popFirst() ?? slipway
    case "--nodes": nodes = arguments.popFirst().flatMap { Int($0) } ?? nodes
    case "--tasks": tasks = arguments.popFirst().flatMap { Int($0) } ?? tasks
    case "--loading-tasks":
        loadingSizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--psplib": psplib = arguments.popFirst() ?? psplib
    case "--only": only = arguments.popFirst()
    case "--dot-dir": dotDirectory = arguments.popFirst() ?? dotDirectory
    case "--write-mixed-plan":
        let count = arguments.popFirst().flatMap { Int($0) } ?? 100_000
        try AtomicFile.write(SyntheticPlan.mixed(tasks: count, seed: LoadingBench.seed), to: arguments.popFirst() ?? "mixed.yaml")
        exit(0)
    case "--stages":
        // The in-process stages alone on a plan file, in a fresh process.
        let path = arguments.popFirst() ?? "mixed.yaml"
        try LoadingBench.stages(try String(contentsOfFile: path, encoding: .utf8), runs: arguments.popFirst().flatMap { Int($0) } ?? 1)
        exit(0)
    case "--sets": leveling.sets = (arguments.popFirst() ?? "").split(separator: ",").map(String.init)
    case "--budgets": leveling.budgets = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--seed": leveling.seed = arguments.popFirst().flatMap { UInt64($0) } ?? leveling.seed
    case "--threads": leveling.threads = arguments.popFirst().flatMap { Int($0) }
    case "--every": leveling.every = max(1, arguments.popFirst().flatMap { Int($0) } ?? 1)
    case "--offset": leveling.offset = max(0, arguments.popFirst().flatMap { Int($0) } ?? 0)
    case "--per-instance": leveling.perInstance = arguments.popFirst()
    case "--synthetic-plan":
        print(SyntheticPlan.withOwners(tasks: arguments.popFirst().flatMap { Int($0) } ?? 1_000, seed: 7), terminator: "")
        exit(0)
    case "--render-loop":
        try runRenderLoop(count: arguments.popFirst().flatMap { Int($0) } ?? 100)
        exit(0)
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
}
// Every bench but the PSPLIB one times the built `slipway`: say where it was
// looked for, rather than crash on the first missing file.
if only != "psplib" && !FileManager.default.isExecutableFile(atPath: slipway) {
    FileHandle.standardError.write(Data("slipway-bench: no slipway executable at \(slipway); build it (swift build -c release) or pass --slipway PATH\n".utf8))
    exit(2)
}
if only == nil || only == "scheduling" {
    SchedulingBench.run(nodes: nodes)
    try EndToEndBench.run(slipway: slipway, tasks: tasks)
}
if only == nil || only == "loading" {
    try LoadingBench.run(slipway: slipway, sizes: loadingSizes)
}
if only == nil || only == "export" {
    try ExportBench.run(slipway: slipway)
}
if only == nil || only == "simulate" {
    try ExportBench.runSimulation(slipway: slipway)
    try ExportBench.runCompare(slipway: slipway)
}
if only == nil || only == "review" {
    try ReviewBench.run(slipway: slipway)
}
if only == nil || only == "render" {
    try runRenderBench(slipwayPath: slipway, dotDirectory: dotDirectory)
}
if only == nil || only == "leveling" {
    try LevelingSpeedBench.run(slipway: slipway)
}
if only == nil || only == "leveling" || only == "psplib" {
    leveling.directory = psplib
    leveling.run()
}
