import NNCore

/// Records a training run as a `RunRecord`: pass it to `fit` (or `Run.train`) as a callback, then read
/// `record`.
///
/// What it keeps, and when (see `RunRecord` and `ParameterSamples` for the contracts):
/// - the history, divergence and early stop, copied at the end;
/// - at sampled epochs (`EpochSampler`): every parameter (networks with at most
///   `trajectoryParameterLimit` parameters), per-layer weight norms and quantiles, and the mean over
///   the epoch's batches of each layer's gradient norm;
/// - for two-input networks, the output over the input plane at the snapshot epochs and at the last
///   epoch (one batched `predict` each), and each hidden unit's map at the end (one batched `trace`);
/// - sign changes of L1-regularized weights between consecutive epoch ends (capped, then counted).
///
/// The per-batch cost is one pass over the gradient (its layer norms); the per-epoch cost one pass
/// over the L1 weights; everything else happens only at sampled epochs.
public final class Recorder: TrainingCallback {
    public let options: RecorderOptions
    /// The run's name, copied into the record.
    public let name: String?
    /// The input plane of the snapshots and unit maps.
    public let plane: Plane
    /// The record of the last training run, set when training ends.
    public private(set) var record: RunRecord?

    var summary: NetworkSummary?
    var layout: [(layer: Int, weights: Range<Int>, bias: Range<Int>)] = []
    /// Each dense layer's W and b together (contiguous in the flat vectors), for the per-batch norms.
    var layerRanges: [Range<Int>] = []
    var addresses: [ParameterAddress] = []
    var keepsTrajectories = false
    var sampler: EpochSampler<Sample>
    var snapshotEpochs: [Int] = []
    var nextSnapshot = 0
    var snapshots: [Snapshot] = []
    var gradientNormSums: [Double] = []
    var completedBatches = 0
    var l1Indices: [Int] = []
    var l1Signs: [Int8] = []
    var crossings: [SignCrossing] = []
    var omittedCrossings = 0
    var sortScratch: [Double] = []
    var start: ContinuousClock.Instant?

    /// - Parameters:
    ///   - data: the training data, whose bounding box sets the input plane unless `options.plane` does.
    public init(options: RecorderOptions = RecorderOptions(), data: Dataset? = nil, name: String? = nil) {
        self.options = options
        self.name = name
        self.plane = options.resolvedPlane(data: data)
        self.sampler = EpochSampler(capacity: options.maxSampledEpochs)
    }

    /// Whether the input-plane grids are recorded (two-input networks).
    var recordsGrids: Bool { summary?.inputWidth == 2 }

    public func trainingWillBegin(_ state: TrainingState) {
        let network = state.network
        summary = NetworkSummary(network)
        record = nil
        layout = state.parameterLayout
        layerRanges = layout.map { $0.weights.lowerBound..<$0.bias.upperBound }
        keepsTrajectories = network.parameterCount <= options.trajectoryParameterLimit
        addresses = keepsTrajectories ? ParameterAddress.all(in: network) : []
        sampler.removeAll()
        snapshotEpochs = network.inputWidth == 2 ? options.resolvedSnapshotEpochs(epochs: state.epochs) : []
        nextSnapshot = 0
        snapshots = []
        gradientNormSums = Array(repeating: 0, count: layout.count)
        completedBatches = 0
        l1Indices = []
        for (slot, entry) in layout.enumerated() where (network.denseLayers[slot].layer.regularizer?.l1 ?? 0) != 0 {
            l1Indices.append(contentsOf: entry.weights)
        }
        let parameters = state.parameters
        l1Signs = l1Indices.map { Recorder.sign(parameters[$0]) }
        crossings = []
        omittedCrossings = 0
        start = ContinuousClock.now
    }

    public func epochWillBegin(_ epoch: Int, state: TrainingState) {
        for i in gradientNormSums.indices { gradientNormSums[i] = 0 }
        completedBatches = 0
    }

    public func batchDidEnd(_ batch: Int, loss: Double, state: TrainingState) {
        let gradients = state.gradients
        let ranges = layerRanges
        // Through a buffer: one exclusive access to the class's array per batch, not one per layer.
        gradientNormSums.withUnsafeMutableBufferPointer { sums in
            for slot in ranges.indices {
                var squares = 0.0
                for i in ranges[slot] { squares += gradients[i] * gradients[i] }
                sums[slot] += squares.squareRoot()
            }
        }
        completedBatches += 1
    }

    public func epochDidEnd(_ epoch: Int, logs: EpochLogs, state: TrainingState) {
        let crossed = detectSignCrossings(epoch: epoch, parameters: state.parameters)
        var snapshot = false
        while nextSnapshot < snapshotEpochs.count, snapshotEpochs[nextSnapshot] <= epoch {
            snapshot = snapshot || snapshotEpochs[nextSnapshot] == epoch
            nextSnapshot += 1
        }
        if snapshot { takeSnapshot(epoch: epoch, state: state) }
        let pinned = epoch == 1 || snapshot || crossed
        if pinned || sampler.isOnLattice(epoch) {
            sampler.append(epoch: epoch, pinned: pinned, sample: makeSample(state: state))
        }
    }

    public func trainingDidEnd(_ history: History, state: TrainingState) {
        let elapsed = start.map { ContinuousClock.now - $0 } ?? .zero
        let epochsRun = history.epochCount
        // The parameters and gradient sums still hold the last epoch's values: it is always kept.
        if epochsRun > 0, sampler.lastEpoch != epochsRun {
            sampler.append(epoch: epochsRun, pinned: true, sample: makeSample(state: state))
        }
        var unitMaps: [UnitMap] = []
        if recordsGrids {
            if epochsRun > 0, snapshots.last?.epoch != epochsRun { takeSnapshot(epoch: epochsRun, state: state) }
            unitMaps = hiddenUnitGrids(network: state.network, xRange: plane.x, yRange: plane.y,
                                       columns: options.gridColumns, rows: options.gridRows)
                .map { UnitMap(layer: $0.layer, unit: $0.unit, grid: stored($0.grid)) }
        }
        let events = RunEvents(divergence: history.divergence.map(DivergenceEvent.init),
                               earlyStop: history.earlyStop.map(EarlyStopEvent.init),
                               signCrossings: crossings, omittedSignCrossings: omittedCrossings)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let timing = RunTiming(totalSeconds: seconds, meanEpochSeconds: epochsRun > 0 ? seconds / Double(epochsRun) : 0)
        record = RunRecord(name: name, network: summary ?? NetworkSummary(state.network), epochsRequested: state.epochs,
                           epochsRun: epochsRun, batchesPerEpoch: state.batchesPerEpoch, history: HistoryRecord(history),
                           samples: parameterSamples(), snapshots: snapshots, unitMaps: unitMaps, events: events, timing: timing)
    }

    /// The network's outputs over the plane at the current weights.
    func takeSnapshot(epoch: Int, state: TrainingState) {
        let grids = outputGrids(network: state.network, xRange: plane.x, yRange: plane.y,
                                columns: options.gridColumns, rows: options.gridRows)
        snapshots.append(Snapshot(epoch: epoch, outputs: grids.map(stored)))
    }

    /// `grid` in the options' storage precision.
    func stored(_ grid: Grid) -> Grid {
        guard options.gridPrecision == .float else { return grid }
        var rounded = grid
        rounded.values = grid.values.map(GridPrecision.float.stored)
        return rounded
    }

    /// Records sign changes of the L1-regularized weights since the previous epoch's end; returns
    /// whether one was recorded (not merely counted).
    func detectSignCrossings(epoch: Int, parameters: UnsafeBufferPointer<Double>) -> Bool {
        // The common case, no change, is one read-only pass.
        let indices = l1Indices
        let unchanged = l1Signs.withUnsafeBufferPointer { signs in
            indices.indices.allSatisfy { k in
                let value = parameters[indices[k]]
                return Recorder.sign(value) == signs[k] || !value.isFinite
            }
        }
        guard !unchanged else { return false }
        var recorded = false
        for k in l1Indices.indices {
            let index = l1Indices[k]
            let value = parameters[index]
            let sign = Recorder.sign(value)
            // A diverged (NaN or infinite) weight has no meaningful sign change; the divergence event says it.
            guard sign != l1Signs[k], value.isFinite else { continue }
            if crossings.count < options.maxSignCrossings {
                crossings.append(SignCrossing(epoch: epoch, parameter: address(ofParameter: index),
                                              signBefore: Int(l1Signs[k]), signAfter: Int(sign), value: value))
                recorded = true
            } else {
                omittedCrossings += 1
            }
            l1Signs[k] = sign
        }
        return recorded
    }

    /// −1, 0 or +1.
    static func sign(_ x: Double) -> Int8 {
        x > 0 ? 1 : (x < 0 ? -1 : 0)
    }

    /// The layer, row and column of flat parameter `index`.
    func address(ofParameter index: Int) -> ParameterAddress {
        if keepsTrajectories { return addresses[index] }
        for entry in layout {
            if entry.weights.contains(index) {
                let units = entry.bias.count
                let offset = index - entry.weights.lowerBound
                return ParameterAddress(index: index, layer: entry.layer, row: offset / units, column: offset % units)
            }
            if entry.bias.contains(index) {
                return ParameterAddress(index: index, layer: entry.layer, row: nil, column: index - entry.bias.lowerBound)
            }
        }
        preconditionFailure("parameter index \(index) is outside the parameter layout")
    }
}
