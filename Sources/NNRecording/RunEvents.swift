import NNCore

/// What happened during a run besides the loss going down: divergence, early stop, and L1-regularized
/// weights crossing zero.
public struct RunEvents: Codable, Sendable, Equatable {
    public var divergence: DivergenceEvent?
    public var earlyStop: EarlyStopEvent?
    /// The first `RecorderOptions.maxSignCrossings` sign changes of L1-regularized weights, in order.
    public var signCrossings: [SignCrossing]
    /// How many further sign changes happened but were not recorded.
    public var omittedSignCrossings: Int

    public init(divergence: DivergenceEvent? = nil, earlyStop: EarlyStopEvent? = nil,
                signCrossings: [SignCrossing] = [], omittedSignCrossings: Int = 0) {
        self.divergence = divergence
        self.earlyStop = earlyStop
        self.signCrossings = signCrossings
        self.omittedSignCrossings = omittedSignCrossings
    }

    /// The epochs with an event, ascending and unique.
    public var epochs: [Int] {
        var all = signCrossings.map(\.epoch)
        if let divergence { all.append(divergence.epoch) }
        if let earlyStop { all.append(earlyStop.epoch) }
        return Array(Set(all)).sorted()
    }
}

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

/// A callback (early stopping) ended training after `epoch`.
public struct EarlyStopEvent: Codable, Sendable, Equatable {
    public var epoch: Int
    public var reason: String

    public init(_ stop: EarlyStop) {
        epoch = stop.epoch
        reason = stop.reason
    }
}

/// An L1-regularized weight whose sign (−1, 0 or +1) differs between the end of epoch `epoch − 1`
/// (the initial weights for epoch 1) and the end of epoch `epoch`: it crossed zero, landed exactly on
/// zero, or left zero.
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
