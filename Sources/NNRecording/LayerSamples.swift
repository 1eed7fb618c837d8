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
