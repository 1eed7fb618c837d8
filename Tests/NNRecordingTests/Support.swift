import NNCore
import NNRecording
import NNRuns

/// The repository's examples/ folder, found from this source file.
func exampleDirectory(_ file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/NNRecordingTests/Support.swift
    return parts.joined(separator: "/") + "/examples/"
}

/// Keeps a copy of the parameter vector at the end of every epoch.
final class ParameterProbe: TrainingCallback {
    var parameters: [[Double]] = []

    func epochDidEnd(_ epoch: Int, logs: EpochLogs, state: TrainingState) {
        parameters.append(Array(state.parameters))
    }
}

/// The course's 2-2-1 tanh XOR run, with `epochs` epochs.
func xorRun(epochs: Int) throws -> Run {
    var run = try RunFile.load(exampleDirectory() + "xor-run.json")
    run.options.epochs = epochs
    return run
}
