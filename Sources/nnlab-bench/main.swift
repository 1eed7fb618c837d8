// nnlab-bench: release-mode benchmarks. `swift run -c release nnlab-bench [training|kernels|plot]`.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first ?? "training" {
case "training":
    TrainingBenchmarks.run(arguments: Array(arguments.dropFirst()))
default:
    print("usage: nnlab-bench [training]")
}
