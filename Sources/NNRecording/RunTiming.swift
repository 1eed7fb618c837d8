/// Wall time of the run (recorder included), kept apart because it is the one non-reproducible value.
public struct RunTiming: Codable, Sendable, Equatable {
    /// From the start of training to its end, in seconds.
    public var totalSeconds: Double
    /// `totalSeconds / epochsRun` (0 when no epoch ran).
    public var meanEpochSeconds: Double

    public init(totalSeconds: Double, meanEpochSeconds: Double) {
        self.totalSeconds = totalSeconds
        self.meanEpochSeconds = meanEpochSeconds
    }
}
