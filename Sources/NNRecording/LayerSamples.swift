/// One dense layer's statistics at the sampled epochs.
///
/// - `weightNorm` = ‖W‖₂ = √Σw², `biasNorm` = ‖b‖₂;
/// - `weightQuantiles[k]` = the quantile at `quantileLevels[k]` of the signed weights w (linear
///   interpolation between order statistics, numpy's default: position q·(n − 1));
/// - `smallWeightShare` = the share of the layer's weights with |w| < `smallWeight` (10⁻³): how
///   sparse L1 makes the layer;
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
    public var smallWeightShare: [Double]

    /// Below this magnitude a weight counts as zero for `smallWeightShare`.
    public static let smallWeight = 1e-3

    public init(layer: Int, weightNorm: [Double], biasNorm: [Double], weightQuantiles: [[Double]], gradientNorm: [Double],
                smallWeightShare: [Double] = []) {
        self.smallWeightShare = smallWeightShare
        self.layer = layer
        self.weightNorm = weightNorm
        self.biasNorm = biasNorm
        self.weightQuantiles = weightQuantiles
        self.gradientNorm = gradientNorm
    }
}
