/// A bounded, deterministic subset of a run's epochs, with one sample per kept epoch.
///
/// Regular samples lie on the lattice 1, 1 + s, 1 + 2s, … with stride s = 1 at first. When more than
/// `capacity` regular samples are held, s doubles and the regular samples off the new lattice (every
/// other one) are dropped. So whatever the run's length, at most `capacity` regular samples remain, spread
/// evenly over the epochs seen, and the outcome depends only on the sequence of epochs appended.
/// Pinned samples (first and last epoch, snapshots, events) are never dropped and do not count
/// against the capacity.
struct EpochSampler<Sample> {
    struct Entry {
        var epoch: Int
        var pinned: Bool
        var sample: Sample
    }

    let capacity: Int
    private(set) var stride = 1
    private(set) var entries: [Entry] = []
    private var regularCount = 0

    init(capacity: Int) {
        precondition(capacity >= 2, "EpochSampler capacity must be at least 2, received \(capacity)")
        self.capacity = capacity
    }

    /// Whether a regular sample of `epoch` would be kept now.
    func isOnLattice(_ epoch: Int) -> Bool {
        (epoch - 1) % stride == 0
    }

    /// The epoch of the latest sample.
    var lastEpoch: Int? { entries.last?.epoch }

    /// Appends the sample of `epoch` (epochs must increase; a regular sample must be on the lattice).
    mutating func append(epoch: Int, pinned: Bool, sample: Sample) {
        precondition(lastEpoch.map { $0 < epoch } ?? true, "EpochSampler epochs must increase, received \(epoch) after \(lastEpoch ?? 0)")
        precondition(pinned || isOnLattice(epoch), "EpochSampler regular epoch \(epoch) is off the lattice of stride \(stride)")
        entries.append(Entry(epoch: epoch, pinned: pinned, sample: sample))
        guard !pinned else { return }
        regularCount += 1
        while regularCount > capacity {
            stride *= 2
            let lattice = stride
            entries.removeAll { !$0.pinned && ($0.epoch - 1) % lattice != 0 }
            regularCount = entries.reduce(0) { $0 + ($1.pinned ? 0 : 1) }
        }
    }

    mutating func removeAll() {
        entries.removeAll()
        stride = 1
        regularCount = 0
    }
}
