import NNCore

/// Weights, biases and gradient norms at the sampled epochs of a run.
///
/// Sampling (see `EpochSampler`): every epoch is kept until `maxSampledEpochs` regular samples are
/// held; then every other one is dropped and the stride doubles, so the regular samples are always the
/// epochs 1, 1 + s, 1 + 2s, … for a power of two s, at most `maxSampledEpochs` of them. The first and
/// the last epoch, every snapshot epoch and every epoch with a recorded event are kept on top. The
/// series below are aligned with `epochs`.
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

    public init(epochs: [Int], stride: Int, trajectories: [ParameterTrajectory], layers: [LayerSamples], quantileLevels: [Double]) {
        self.epochs = epochs
        self.stride = stride
        self.trajectories = trajectories
        self.layers = layers
        self.quantileLevels = quantileLevels
    }
}

/// Where a parameter sits: its index in the flat parameter vector, its layer, and its row and column
/// in W (`row` = input, `column` = unit), or its unit in b (`row` nil).
public struct ParameterAddress: Codable, Sendable, Hashable {
    public var index: Int
    public var layer: Int
    public var row: Int?
    public var column: Int

    public init(index: Int, layer: Int, row: Int?, column: Int) {
        self.index = index
        self.layer = layer
        self.row = row
        self.column = column
    }

    /// Whether this is a bias (b) rather than a weight (W).
    public var isBias: Bool { row == nil }

    /// "W1[0,1]" or "b1[1]" with the dense layer counted from 1 among dense layers (`denseNumber`).
    public func label(denseNumber: Int) -> String {
        if let row { return "W\(denseNumber)[\(row),\(column)]" }
        return "b\(denseNumber)[\(column)]"
    }

    /// Every parameter of `network`, in the order of `Network.parameterVector`.
    public static func all(in network: Network) -> [ParameterAddress] {
        var addresses: [ParameterAddress] = []
        addresses.reserveCapacity(network.parameterCount)
        for (layer, dense) in network.denseLayers {
            for r in 0..<dense.inputs {
                for c in 0..<dense.units {
                    addresses.append(ParameterAddress(index: addresses.count, layer: layer, row: r, column: c))
                }
            }
            for c in 0..<dense.units {
                addresses.append(ParameterAddress(index: addresses.count, layer: layer, row: nil, column: c))
            }
        }
        return addresses
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

/// One dense layer's statistics at the sampled epochs.
///
/// - `weightNorm` = ‖W‖₂ = √Σw², `biasNorm` = ‖b‖₂;
/// - `weightQuantiles[k]` = the quantile at `quantileLevels[k]` of the signed weights w (linear
///   interpolation between order statistics, numpy's default: position q·(n − 1));
/// - `gradientNorm` = the mean over the epoch's completed batches of ‖[∂L/∂W, ∂L/∂b]‖₂, the layer's
///   gradient as the optimizer used it (penalty included); NaN when no batch of the epoch completed.
public struct LayerSamples: Codable, Sendable, Equatable {
    /// The layer's index among all layers.
    public var layer: Int
    public var weightNorm: [Double]
    public var biasNorm: [Double]
    /// `weightQuantiles[k][i]`: level k at sampled epoch i.
    public var weightQuantiles: [[Double]]
    public var gradientNorm: [Double]

    public init(layer: Int, weightNorm: [Double], biasNorm: [Double], weightQuantiles: [[Double]], gradientNorm: [Double]) {
        self.layer = layer
        self.weightNorm = weightNorm
        self.biasNorm = biasNorm
        self.weightQuantiles = weightQuantiles
        self.gradientNorm = gradientNorm
    }
}
