// nnlab-bench [kernels]
if CommandLine.arguments.dropFirst().first == "kernels" {
    KernelBenchmarks.run()
} else {
    print("usage: nnlab-bench kernels")
}
