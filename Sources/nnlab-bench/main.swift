let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "plot" {
    do { try PlotBenchmarks.run(arguments: Array(arguments.dropFirst())) } catch { print("plot benchmark failed: \(error)") }
} else {
    print("bench")
}
