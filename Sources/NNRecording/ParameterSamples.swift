import NNCore

/// Weights, biases and gradient norms at the sampled epochs of a run.
///
/// Sampling (see `EpochSampler`): every epoch is kept until `maxSampledEpochs` regular samples are
/// held; then every other one is dropped and the stride doubles, so the regular samples are always the
/// epochs 1, 1 + s, 1 + 2s, … for a power of two s, at most `maxSampledEpochs` of them. The first and
/// the last epoch, every snapshot epoch and every epoch with a recorded event are kept on top, so
///
///     epochs.count ≤ maxSampledEpochs + 2 + (snapshot epochs) + (epochs with a recorded sign crossing)
///
/// whatever the run's length (the last term is at most `maxSignCrossings`). The series below are
/// aligned with `epochs`.
public struct ParameterSamples: Codable, Sendable, Equatable {
    /// The sampled epochs, ascending (values are taken at the end of each epoch).
    public var epochs: [Int]
    /// The final sampling stride s of the regular samples.
    public var stride: Int
    /// Every parameter's value at each sampled epoch, in the order of `Network.parameterVector`;
    /// empty when the network has more than `trajectoryParameterLimit` parameters.
    public var trajectories: [ParameterTrajectory]
    /// Per dense layer: weight norms, quantiles and gradient norms at each sampled epoch.
    public var layers: [LayerSamples]
    /// The quantile levels of `LayerSamples.weightQuantiles`.
    public var quantileLevels: [Double]

    public init(epochs: [Int], stride: Int, trajectories: [ParameterTrajectory], layers: [LayerSamples],
                quantileLevels: [Double]) {
        self.epochs = epochs
        self.stride = stride
        self.trajectories = trajectories
        self.layers = layers
        self.quantileLevels = quantileLevels
    }
}

/// One parameter's values at the sampled epochs.
public struct ParameterTrajectory: Codable, Sendable, Equatable {
    public var parameter: ParameterAddress
    public var values: [Double]

    public init(parameter: ParameterAddress, values: [Double]) {
        self.parameter = parameter
        self.values = values
    }
}
