extension Network {
    /// Trains on `data` for `options.epochs` epochs and returns the per-epoch history.
    ///
    /// Each epoch splits the (optionally shuffled) samples into batches; for each batch the
    /// total loss (data loss + penalties) is computed before the step, then the gradient, then
    /// the optimizer's update. The epoch's `loss` is the mean of the batch losses weighted by
    /// batch size, as Keras reports it; train metrics accumulate over the same predictions.
    /// Validation loss and metrics use the weights at the end of the epoch. A non-finite loss or
    /// weight stops training cleanly and is recorded in `History.divergence`.
    ///
    /// With `options.learningRateSchedule`, η before each update is the schedule at the optimizer's
    /// step count (`schedule(iterations)`, as Keras's train step computes it), evaluated with the network's
    /// `constants`, and the history's `learning_rate` is the schedule's value after the epoch's updates as
    /// Keras's callbacks log it (`reportedLearningRate`). The optimizer takes the network's `constants` too.
    /// - Throws: `NetworkError` when the data does not fit the network.
    public mutating func fit(_ data: Dataset, validation: Dataset? = nil, optimizer: inout some Optimizer,
                             options: TrainingOptions, callbacks: [any TrainingCallback] = []) throws(NetworkError) -> History {
        try checkData(data.x, data.y, what: "data")
        if let validation { try checkData(validation.x, validation.y, what: "validation") }
        let trainer = Trainer(network: self, data: data, validation: validation, options: options)
        optimizer.constants = constants
        let history = trainer.run(optimizer: &optimizer, callbacks: callbacks)
        trainer.workspace.store(into: &self)
        return history
    }
}

/// The training loop's buffers and state for one `fit` call.
final class Trainer {
    let template: Network
    let options: TrainingOptions
    let workspace: Workspace
    let validationWorkspace: Workspace?
    let sampleCount: Int
    let batchSize: Int
    let inputWidth: Int
    let outputWidth: Int
    // Owned copies of the data, and gather buffers for shuffled batches.
    let x: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>
    let validationX: UnsafeMutablePointer<Double>?
    let validationY: UnsafeMutablePointer<Double>?
    let validationCount: Int
    let batchX: UnsafeMutablePointer<Double>
    let batchY: UnsafeMutablePointer<Double>
    let order: UnsafeMutableBufferPointer<Int>
    let keys: [String]
    let epochValues: UnsafeMutableBufferPointer<Double>
    /// Whether a layer has a regularizer: then the history records `data_loss` and `penalty` beside
    /// `loss` (Keras's total), and `val_data_loss` beside `val_loss`.
    let recordsPenalty: Bool

    init(network: Network, data: Dataset, validation: Dataset?, options: TrainingOptions) {
        template = network
        self.options = options
        sampleCount = data.count
        batchSize = min(options.batchSize, data.count)
        inputWidth = network.inputWidth
        outputWidth = network.outputWidth
        workspace = Workspace(network: network, capacity: batchSize, seed: options.seed)
        x = Trainer.copy(data.x.elements)
        y = Trainer.copy(data.y.elements)
        if let validation {
            validationWorkspace = Workspace(network: network, capacity: validation.count)
            validationX = Trainer.copy(validation.x.elements)
            validationY = Trainer.copy(validation.y.elements)
            validationCount = validation.count
        } else {
            validationWorkspace = nil
            validationX = nil
            validationY = nil
            validationCount = 0
        }
        batchX = .allocate(capacity: batchSize * inputWidth)
        batchY = .allocate(capacity: batchSize * outputWidth)
        order = .allocate(capacity: sampleCount)
        for i in 0..<sampleCount { order[i] = i }
        recordsPenalty = network.hasRegularizer
        self.keys = History.keys(metrics: options.metrics, validation: validation != nil, penalty: recordsPenalty,
                                 learningRate: options.learningRateSchedule != nil)
        epochValues = .allocate(capacity: keys.count)
        epochValues.initialize(repeating: 0)
    }

    deinit {
        x.deallocate()
        y.deallocate()
        validationX?.deallocate()
        validationY?.deallocate()
        batchX.deallocate()
        batchY.deallocate()
        order.deallocate()
        epochValues.deallocate()
    }

    private static func copy(_ elements: [Double]) -> UnsafeMutablePointer<Double> {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: max(elements.count, 1))
        elements.withUnsafeBufferPointer { p.initialize(from: $0.baseAddress!, count: $0.count) }
        return p
    }

    func run(optimizer: inout some Optimizer, callbacks: [any TrainingCallback]) -> History {
        let batches = (sampleCount + batchSize - 1) / batchSize
        let state = TrainingState(workspace: workspace, template: template, epochs: options.epochs,
                                  batchesPerEpoch: batches, learningRate: optimizer.learningRate)
        // Reserve up front so epochs append without allocating (capped: a typo of 10⁸ epochs must not reserve gigabytes).
        var history = History(keys: keys, reservingEpochs: min(options.epochs, 1_000_000))
        var generator = RandomGenerator(seed: options.seed, stream: RandomStream.shuffle)
        let metrics = options.metrics
        let metricCount = metrics.count
        let parameters = UnsafeMutableBufferPointer(start: workspace.parameters, count: workspace.parameterCount)
        let gradients = UnsafeBufferPointer(start: workspace.gradients, count: workspace.parameterCount)
        var lastFiniteLoss: Double?
        let schedule = options.learningRateSchedule, constants = template.constants
        // A Bool for the loops: testing the optional existential is a runtime witness call per batch.
        let scheduled = schedule != nil
        if let schedule { state.learningRate = schedule(optimizer.iterations, constants: constants) }
        for callback in callbacks { callback.trainingWillBegin(state) }

        var epoch = 0
        while epoch < options.epochs {
            epoch += 1
            state.epoch = epoch
            for callback in callbacks { callback.epochWillBegin(epoch, state: state) }
            if options.shuffle { generator.shuffle(order) }
            var lossSum = 0.0, dataSum = 0.0, penaltySum = 0.0
            var seen = 0
            for m in 0..<metricCount { epochValues[1 + m] = 0 }
            var diverged = false

            for batch in 0..<batches {
                state.batch = batch + 1
                if scheduled, let schedule { state.learningRate = schedule(optimizer.iterations, constants: constants) }
                for callback in callbacks { callback.batchWillBegin(batch + 1, state: state) }
                let start = batch * batchSize
                let rows = min(batchSize, sampleCount - start)
                let (input, targets) = batchPointers(start: start, rows: rows)
                workspace.forward(input, rows: rows, phase: .training)
                let dataLoss = workspace.dataLoss(targets: targets, rows: rows), penalty = workspace.penalty()
                let batchLoss = dataLoss + penalty
                lossSum += batchLoss * Double(rows)
                dataSum += dataLoss * Double(rows)
                penaltySum += penalty * Double(rows)
                seen += rows
                for m in 0..<metricCount {
                    epochValues[1 + m] += metrics[m].sum(predictions: workspace.output, targets: targets, rows: rows, columns: outputWidth)
                }
                guard batchLoss.isFinite else {
                    history.divergence = Divergence(epoch: epoch, batch: batch + 1, quantity: "loss",
                                                    lastFiniteLoss: lastFiniteLoss, learningRate: state.learningRate)
                    diverged = true
                    break
                }
                lastFiniteLoss = batchLoss
                workspace.backward(input: input, targets: targets, rows: rows, phase: .training)
                optimizer.learningRate = state.learningRate
                optimizer.update(parameters, gradients: gradients)
                if !allFinite(parameters) {
                    history.divergence = Divergence(epoch: epoch, batch: batch + 1, quantity: "weights",
                                                    lastFiniteLoss: lastFiniteLoss, learningRate: state.learningRate)
                    diverged = true
                    break
                }
                for callback in callbacks { callback.batchDidEnd(batch + 1, loss: batchLoss, state: state) }
                if state.stopReason != nil { break }
            }

            epochValues[0] = lossSum / Double(seen)
            for m in 0..<metricCount { epochValues[1 + m] /= Double(seen) }
            if recordsPenalty {
                epochValues[1 + metricCount] = dataSum / Double(seen)
                epochValues[2 + metricCount] = penaltySum / Double(seen)
            }
            if let validationWorkspace, let validationX, let validationY {
                validationWorkspace.parameters.update(from: workspace.parameters, count: workspace.parameterCount)
                validationWorkspace.forward(validationX, rows: validationCount)
                let offset = 1 + metricCount + (recordsPenalty ? 2 : 0)
                let validationData = validationWorkspace.dataLoss(targets: validationY, rows: validationCount)
                epochValues[offset] = validationData + validationWorkspace.penalty()
                if recordsPenalty { epochValues[offset + 1 + metricCount] = validationData }
                for m in 0..<metricCount {
                    epochValues[offset + 1 + m] = metrics[m].sum(predictions: validationWorkspace.output, targets: validationY,
                                                                 rows: validationCount, columns: outputWidth) / Double(validationCount)
                }
            }
            if scheduled, let schedule { epochValues[keys.count - 1] = schedule.reportedLearningRate(optimizer.iterations, constants: constants) }
            history.append(UnsafeBufferPointer(epochValues))
            if !callbacks.isEmpty {
                let logs = EpochLogs(keys: keys, values: Array(epochValues))
                for callback in callbacks { callback.epochDidEnd(epoch, logs: logs, state: state) }
            }
            if diverged { break }
            if let reason = state.stopReason {
                history.earlyStop = EarlyStop(epoch: epoch, reason: reason, cause: state.stopCause)
                break
            }
        }
        for callback in callbacks { callback.trainingDidEnd(history, state: state) }
        history.restoredEpoch = state.restoredEpoch
        return history
    }

    /// The rows of batch `start..<start+rows`: slices of the data when not shuffled,
    /// gathered into the batch buffers otherwise.
    @inline(__always)
    private func batchPointers(start: Int, rows: Int) -> (UnsafePointer<Double>, UnsafePointer<Double>) {
        guard options.shuffle else {
            return (UnsafePointer(x + start * inputWidth), UnsafePointer(y + start * outputWidth))
        }
        for r in 0..<rows {
            let source = order[start + r]
            (batchX + r * inputWidth).update(from: x + source * inputWidth, count: inputWidth)
            (batchY + r * outputWidth).update(from: y + source * outputWidth, count: outputWidth)
        }
        return (UnsafePointer(batchX), UnsafePointer(batchY))
    }
}

@inline(__always)
func allFinite(_ values: UnsafeMutableBufferPointer<Double>) -> Bool {
    var finite = true
    for v in values { finite = finite && v.isFinite }
    return finite
}
