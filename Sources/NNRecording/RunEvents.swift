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
