import CAllocationCounter
import Foundation
import NNCore
import NNData

/// Release-mode timings of the training core on the workloads NNLab's issues name, with the
/// heap allocations per epoch counted by the interposed allocator.
enum TrainingBenchmarks {
    static func run(arguments: [String]) {
        print("| workload | per epoch | allocations per epoch |")
        print("|---|---|---|")
        xor()
        mlp(name: "mlp_784_128_10 (10,000 × 784, batch 64, Adam)", samples: 10_000, inputs: 784, hidden: 128, classes: 10,
            batchSize: 64, epochs: 3, unit: "s")
        mlp(name: "digits_64_64_10 (UCI digits 1,797 × 64, batch 32, Adam)", samples: 1_797, inputs: 64, hidden: 64, classes: 10,
            batchSize: 32, epochs: 20, unit: "ms", data: digits())
        mlp(name: "digits_64_64_10 + dropout 0.5 + exponential_decay (batch 32, Adam)", samples: 1_797, inputs: 64, hidden: 64, classes: 10,
            batchSize: 32, epochs: 20, unit: "ms", data: digits(), dropout: 0.5,
            schedule: ExponentialDecay(initialLearningRate: 0.001, decaySteps: 100, decayRate: 0.9))
    }

    /// XOR 2-2-1 tanh, MSE, L2 0.1 / L1 0.2 (the course's example), full batch, SGD 0.05, 10,000 epochs.
    static func xor() {
        var samples: [Double] = []
        var allocations: [Double] = []
        for repeat_ in 0..<7 {
            var generator = RandomGenerator(seed: UInt64(repeat_))
            var network = Network(inputWidth: 2, loss: .mse)
            network.addDense(units: 2, activation: .tanh, regularizer: .l2(0.1), using: &generator)
            network.addDense(units: 1, activation: .tanh, regularizer: .l1(0.2), using: &generator)
            let epochs = 10_000
            var optimizer = SGD(learningRate: 0.05)
            let options = TrainingOptions(epochs: epochs, batchSize: 4, shuffle: false, metrics: [.xorAccuracy])
            // The difference between a long and a short run is the per-epoch cost (set-up cancels).
            var short = network
            var shortOptimizer = optimizer
            let a0 = nnlab_allocation_count()
            _ = try? short.fit(.xor, optimizer: &shortOptimizer, options: TrainingOptions(epochs: 10, batchSize: 4, shuffle: false, metrics: [.xorAccuracy]))
            let a1 = nnlab_allocation_count()
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try? network.fit(.xor, optimizer: &optimizer, options: options)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
            let a2 = nnlab_allocation_count()
            samples.append(elapsed / Double(epochs))
            allocations.append((Double(a2 - a1) - Double(a1 - a0)) / Double(epochs - 10))
        }
        print("| xor_2_2_1 (full batch of 4, SGD, 10,000 epochs) | \(format(median(samples) / 1000, digits: 3)) µs | \(format(median(allocations), digits: 4)) |")
    }

    /// An MLP inputs-hidden-classes relu/softmax with categorical cross-entropy on seeded random data.
    /// The real UCI digits, pixels scaled to [0, 1], one-hot targets.
    static func digits() -> Dataset? {
        guard let data = try? BuiltinDataset.digits.classificationData() else { return nil }
        let scaled = data.withFeatures(Matrix(rows: data.count, columns: data.featureCount, elements: data.features.elements.map { $0 / 16 }))
        return scaled.dataset(.oneHot)
    }

    static func mlp(name: String, samples: Int, inputs: Int, hidden: Int, classes: Int, batchSize: Int, epochs: Int, unit: String,
                    data: Dataset? = nil, dropout: Double? = nil, schedule: (any LearningRateSchedule)? = nil) {
        var generator = RandomGenerator(seed: 1)
        var x = Matrix(rows: samples, columns: inputs)
        var y = Matrix(rows: samples, columns: classes)
        if let data {
            x = data.x
            y = data.y
        } else {
            for i in 0..<x.elements.count { x.elements[i] = generator.nextUnit() }
            for r in 0..<samples { y[r, generator.nextIndex(below: classes)] = 1 }
        }
        var network = Network(inputWidth: inputs, loss: .categoricalCrossentropy)
        network.addDense(units: hidden, activation: .relu, initializer: .heUniform, using: &generator)
        if let dropout { try? network.add(Dropout(rate: dropout)) }
        network.addDense(units: classes, activation: .softmax, using: &generator)
        var optimizer = Adam()
        let timer = EpochTimer()
        _ = try? network.fit(Dataset(x: x, y: y), optimizer: &optimizer,
                             options: TrainingOptions(epochs: epochs, batchSize: batchSize, shuffle: true, seed: 1, metrics: [.accuracy],
                                                      learningRateSchedule: schedule),
                             callbacks: [timer])
        // The first epoch warms caches and sizes the optimizer's state; report the rest.
        let steady = Array(timer.seconds.dropFirst())
        let allocations = Array(timer.allocations.dropFirst())
        let scale = unit == "s" ? 1.0 : 1000.0
        print("| \(name) | \(format(median(steady) * scale, digits: 4)) \(unit) | \(format(median(allocations), digits: 4)) |")
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func format(_ x: Double, digits: Int) -> String {
        String(format: "%.\(digits)g", x)
    }
}

/// Times each epoch and counts the allocations made inside it (excluding the callback's own).
final class EpochTimer: TrainingCallback {
    var seconds: [Double] = []
    var allocations: [Double] = []
    private var start: UInt64 = 0
    private var startAllocations: UInt64 = 0

    init() {
        seconds.reserveCapacity(1000)
        allocations.reserveCapacity(1000)
    }

    func epochWillBegin(_ epoch: Int, state: TrainingState) {
        startAllocations = nnlab_allocation_count()
        start = DispatchTime.now().uptimeNanoseconds
    }

    func epochDidEnd(_ epoch: Int, logs: EpochLogs, state: TrainingState) {
        let end = DispatchTime.now().uptimeNanoseconds
        // The logs passed to this callback are allocated for callbacks only: one array.
        allocations.append(Double(nnlab_allocation_count() - startAllocations) - 1)
        seconds.append(Double(end - start) / 1e9)
    }
}
