import NNCore

extension Recorder {
    /// Trains a copy of `run`'s network with a recorder (and the run's early stopping) and returns the
    /// trained network with the record. The input plane comes from the run's training data unless
    /// `options.plane` sets it.
    /// - Throws: `NetworkError` when the data does not fit the network.
    public static func record(run: Run, options: RecorderOptions = RecorderOptions())
        throws(NetworkError) -> (network: Network, record: RunRecord) {
        let recorder = Recorder(options: options, data: run.data, name: run.name)
        let (network, _) = try run.train(callbacks: [recorder])
        guard let record = recorder.record else {
            preconditionFailure("fit returned without calling trainingDidEnd, so the recorder has no record")
        }
        return (network, record)
    }
}
