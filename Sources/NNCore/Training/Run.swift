/// A training run as typed values: network, data, optimizer and schedule (NNRuns's `RunFile`
/// reads one from a run file; the core never reads files).
public struct Run: Sendable {
    public var name: String?
    public var network: Network
    public var data: Dataset
    public var validation: Dataset?
    public var optimizer: any Optimizer
    public var options: TrainingOptions
    public var earlyStopping: EarlyStoppingSettings?

    public init(name: String? = nil, network: Network, data: Dataset, validation: Dataset? = nil,
                optimizer: any Optimizer, options: TrainingOptions, earlyStopping: EarlyStoppingSettings? = nil) {
        self.name = name
        self.network = network
        self.data = data
        self.validation = validation
        self.optimizer = optimizer
        self.options = options
        self.earlyStopping = earlyStopping
    }

    /// Trains a copy of the network and returns it with its history.
    public func train(callbacks: [any TrainingCallback] = []) throws(NetworkError) -> (network: Network, history: History) {
        var network = self.network
        var optimizer = self.optimizer
        var all = callbacks
        if let earlyStopping {
            all.append(EarlyStopping(monitor: earlyStopping.monitor, target: earlyStopping.target,
                                     patience: earlyStopping.patience, minDelta: earlyStopping.minDelta,
                                     restoreBestWeights: earlyStopping.restoreBestWeights))
        }
        let history = try network.fit(data, validation: validation, optimizer: &optimizer, options: options, callbacks: all)
        return (network, history)
    }
}

/// When to stop early: at a target value of a history key, or after `patience` epochs without improvement.
public struct EarlyStoppingSettings: Sendable, Hashable {
    public var monitor: String
    public var target: Double?
    public var patience: Int?
    public var minDelta: Double
    /// Keras's `restore_best_weights`: the run ends with the weights of its best epoch.
    public var restoreBestWeights: Bool

    public init(monitor: String, target: Double? = nil, patience: Int? = nil, minDelta: Double = 0, restoreBestWeights: Bool = false) {
        self.monitor = monitor
        self.target = target
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBestWeights = restoreBestWeights
    }
}
