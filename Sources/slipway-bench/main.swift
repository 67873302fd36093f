import Foundation

// `make bench`: slipway-bench [--slipway PATH] [--nodes N] [--tasks N]
var arguments = CommandLine.arguments.dropFirst()
var slipway = ".build/release/slipway"
var nodes = 1_000_000
var tasks = 100_000
while let flag = arguments.popFirst() {
    switch flag {
    case "--slipway": slipway = arguments.popFirst() ?? slipway
    case "--nodes": nodes = arguments.popFirst().flatMap { Int($0) } ?? nodes
    case "--tasks": tasks = arguments.popFirst().flatMap { Int($0) } ?? tasks
    default:
        FileHandle.standardError.write(Data("usage: slipway-bench [--slipway PATH] [--nodes N] [--tasks N]\n".utf8))
        exit(2)
    }
}
SchedulingBench.run(nodes: nodes)
try EndToEndBench.run(slipway: slipway, tasks: tasks)
