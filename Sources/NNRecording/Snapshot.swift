/// The network's outputs over the input plane after epoch `epoch`.
public struct Snapshot: Codable, Sendable, Equatable {
    public var epoch: Int
    /// One grid per output unit.
    public var outputs: [Grid]

    public init(epoch: Int, outputs: [Grid]) {
        self.epoch = epoch
        self.outputs = outputs
    }
}
