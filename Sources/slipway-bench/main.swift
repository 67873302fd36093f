import Foundation
import SlipwayCore

// `make bench`: slipway-bench [--slipway PATH] [--nodes N] [--tasks N] [--loading-tasks N,N...] [--psplib DIR] [--only scheduling|loading|export|simulate|review|render|psplib] [--dot-dir DIR]
// --psplib defaults to ../shared/benchmarks/psplib: CI and `make bench` have ../shared beside the repository root.
// Scripts/render-valgrind.sh: slipway-bench --render-loop N (N renders in one process, for valgrind)
// slipway-bench --write-mixed-plan N PATH writes the loading benchmark's plan of N tasks, for profiling slipway on it;
// slipway-bench --stages PATH [RUNS] times the in-process stages of the loading benchmark on a plan file.
var arguments = CommandLine.arguments.dropFirst()
var slipway = ".build/release/slipway"
var nodes = 1_000_000
var tasks = 100_000
var loadingSizes = [100_000, 1_000_000]
var psplib = "../shared/benchmarks/psplib"
var only: String?
var dotDirectory = ".build/bench-dot"
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
    case "--render-loop":
        try runRenderLoop(count: arguments.popFirst().flatMap { Int($0) } ?? 100)
        exit(0)
    default:
        FileHandle.standardError.write(Data("usage: slipway-bench [--slipway PATH] [--nodes N] [--tasks N] [--loading-tasks N,N...] [--psplib DIR] [--only scheduling|loading|export|simulate|review|render|psplib] [--dot-dir DIR] [--render-loop N] [--write-mixed-plan N PATH] [--stages PATH [RUNS]]\n".utf8))
        exit(2)
    }
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
if only == nil || only == "psplib" {
    runPSPLIBBench(directory: psplib)
}
