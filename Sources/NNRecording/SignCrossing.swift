/// An L1-regularized weight whose sign (−1, 0 or +1) differs between the end of epoch `epoch − 1`
/// (the initial weights for epoch 1) and the end of epoch `epoch`: it crossed zero, landed exactly on
/// zero, or left zero. Signs are compared at epoch ends only, so changes that cancel out within an
/// epoch are not seen; non-finite weights (divergence) are skipped.
public struct SignCrossing: Codable, Sendable, Equatable {
    public var epoch: Int
    public var parameter: ParameterAddress
    /// The sign before and after: −1, 0 or +1.
    public var signBefore: Int
    public var signAfter: Int
    /// The weight at the end of `epoch`.
    public var value: Double

    public init(epoch: Int, parameter: ParameterAddress, signBefore: Int, signAfter: Int, value: Double) {
        self.epoch = epoch
        self.parameter = parameter
        self.signBefore = signBefore
        self.signAfter = signAfter
        self.value = value
    }
}
