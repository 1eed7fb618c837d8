/// What a callback may read during `fit`, and its way to stop training.
///
/// Epochs and batches are numbered from 1. `parameters` and `gradients` are the flat vectors
/// (each dense layer's W row-major, then b); they are valid only during the callback.
public final class TrainingState {
    public internal(set) var epoch = 0
    public internal(set) var batch = 0
    /// The number of epochs asked for.
    public let epochs: Int
    /// The number of batches per epoch.
    public let batchesPerEpoch: Int
    /// The learning rate in force; a callback may change it (a schedule).
    public var learningRate: Double
    /// Set by `stopTraining(reason:)`.
    public private(set) var stopReason: String?
    /// The reason as values, when the callback gives them.
    public private(set) var stopCause: EarlyStop.Cause?

    let workspace: Workspace
    let template: Network

    init(workspace: Workspace, template: Network, epochs: Int, batchesPerEpoch: Int, learningRate: Double) {
        self.workspace = workspace
        self.template = template
        self.epochs = epochs
        self.batchesPerEpoch = batchesPerEpoch
        self.learningRate = learningRate
    }

    /// Ends training after the current batch or epoch.
    public func stopTraining(reason: String, cause: EarlyStop.Cause? = nil) {
        if stopReason == nil { stopReason = reason; stopCause = cause }
    }

    /// The epoch whose weights `restoreParameters` put back, if any.
    public private(set) var restoredEpoch: Int?

    /// Replaces the parameters with `values` (as long as the parameter vector), kept at the end of `epoch`:
    /// the run then ends with them (`EarlyStopping`'s restore_best_weights).
    public func restoreParameters(_ values: [Double], fromEpoch epoch: Int) {
        guard values.count == workspace.parameterCount else { return }
        values.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            workspace.parameters.update(from: base, count: values.count)
        }
        restoredEpoch = epoch
    }

    /// The current parameter vector (read-only view; valid during the callback).
    public var parameters: UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: workspace.parameters, count: workspace.parameterCount)
    }

    /// The last batch's gradient vector (read-only view; valid during the callback).
    public var gradients: UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: workspace.gradients, count: workspace.parameterCount)
    }

    /// The network with the current weights (allocates; for snapshots).
    public var network: Network {
        var copy = template
        workspace.store(into: &copy)
        return copy
    }

    /// The current gradient of dense layer `index` (index among all layers).
    public func gradient(ofLayer index: Int) -> LayerGradient {
        let g = workspace.gradient(ofLayer: index)
        return LayerGradient(weights: g.weights, bias: g.bias)
    }

    /// Where each dense layer's W and b sit in the flat vectors: (layer index, weight range, bias range).
    public var parameterLayout: [(layer: Int, weights: Range<Int>, bias: Range<Int>)] {
        workspace.layers.indices.compactMap { i in
            guard workspace.layers[i] is Dense else { return nil }
            let offset = workspace.offsets[i], memory = workspace.memory[i]
            let bias = offset + memory.inputWidth * memory.outputWidth
            return (i, offset..<bias, bias..<(bias + memory.outputWidth))
        }
    }
}
