import NNCore

/// Training stopped because the loss or a weight stopped being finite.
public struct DivergenceEvent: Codable, Sendable, Equatable {
    public var epoch: Int
    public var batch: Int
    /// "loss" or "weights".
    public var quantity: String
    /// The last finite batch loss before it, if any.
    public var lastFiniteLoss: Double?
    public var learningRate: Double

    public init(_ divergence: Divergence) {
        epoch = divergence.epoch
        batch = divergence.batch
        quantity = divergence.quantity
        lastFiniteLoss = divergence.lastFiniteLoss
        learningRate = divergence.learningRate
    }
}
