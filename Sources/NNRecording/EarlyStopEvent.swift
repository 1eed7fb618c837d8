import NNCore

/// A callback (early stopping) ended training after `epoch`.
public struct EarlyStopEvent: Codable, Sendable, Equatable {
    public var epoch: Int
    public var reason: String

    public init(_ stop: EarlyStop) {
        epoch = stop.epoch
        reason = stop.reason
    }
}
