// nnlab-bench: release-mode benchmarks.
//   swift run -c release nnlab-bench training     the training core (per-epoch time, allocations)
//   swift run -c release nnlab-bench kernels      GEMM GFLOP/s on the MLP's shapes
//   swift run -c release nnlab-bench plot         figures (PNG/SVG render times)
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first ?? "training" {
    case "training":
        TrainingBenchmarks.run(arguments: Array(arguments.dropFirst()))
    case "kernels":
        KernelBenchmarks.run()
    case "plot":
        try PlotBenchmarks.run(arguments: Array(arguments.dropFirst()))
    default:
        print("usage: nnlab-bench [training | kernels | plot]")
    }
} catch {
    print("nnlab-bench: error: \(error)")
}
