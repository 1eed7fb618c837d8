@testable import NNRecording
import Testing

/// The decimating sampler keeps a bounded, evenly spaced, deterministic set of epochs.
@Suite("EpochSampler")
struct EpochSamplerTests {
    /// Feeds epochs 1…n as the recorder does: 1 and `pinned` pinned, the rest when on the lattice.
    func sample(epochs n: Int, capacity: Int, pinned: Set<Int> = []) -> EpochSampler<Int> {
        var sampler = EpochSampler<Int>(capacity: capacity)
        for epoch in 1...n {
            let pin = epoch == 1 || pinned.contains(epoch)
            if pin || sampler.isOnLattice(epoch) { sampler.append(epoch: epoch, pinned: pin, sample: epoch * 10) }
        }
        return sampler
    }

    @Test func keepsEveryEpochUntilFull() {
        let sampler = sample(epochs: 100, capacity: 1000)
        #expect(sampler.entries.map(\.epoch) == Array(1...100))
        #expect(sampler.stride == 1)
        #expect(sampler.entries.allSatisfy { $0.sample == $0.epoch * 10 })
    }

    @Test func boundsAndSpacesTheRegularSamples() {
        let sampler = sample(epochs: 100_000, capacity: 1000, pinned: [77_777])
        let regular = sampler.entries.filter { !$0.pinned }.map(\.epoch)
        #expect(regular.count <= 1000)
        #expect(regular.count > 500, "decimation halves at most once past capacity")
        #expect(sampler.stride == 128)
        #expect(regular.allSatisfy { ($0 - 1) % sampler.stride == 0 })
        #expect(zip(regular, regular.dropFirst()).allSatisfy { $1 - $0 == sampler.stride })
        let epochs = sampler.entries.map(\.epoch)
        #expect(epochs.contains(1) && epochs.contains(77_777))
        #expect(epochs == epochs.sorted())
    }

    @Test func isDeterministic() {
        let a = sample(epochs: 12_345, capacity: 50, pinned: [3, 999])
        let b = sample(epochs: 12_345, capacity: 50, pinned: [3, 999])
        #expect(a.entries.map(\.epoch) == b.entries.map(\.epoch))
    }
}
