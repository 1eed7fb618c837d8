import NNCore
import NNRecording
import NNRuns
import NNFiles

/// What a report holds for each run besides its training (see `RunCost`): the recording, and the
/// run's share of runs.json, history.csv and the figures' data. Estimated from the run's settings
/// and charged before anything is trained.
enum ReportCost {
    static let word: Double = 8
    /// Bytes of text, figure points and table cells per recorded value (runs.json ≈ 20, history.csv ≈ 20,
    /// a plotted point in memory and in the SVG ≈ 50).
    static let bytesPerReportedValue: Double = 100

    /// The recorder's grids, sampled trajectories and layer statistics for `run`.
    static func recording(_ run: Run, options: RecorderOptions) -> Double {
        let network = run.network
        let parameters = Double(network.parameterCount)
        let epochs = Double(run.options.epochs)
        let sampled = min(epochs, Double(options.maxSampledEpochs)) + Double(options.snapshotCount) + Double(options.maxSignCrossings) + 2
        var bytes: Double = 0
        if network.inputWidth == 2 {
            let cells = Double(options.gridColumns) * Double(options.gridRows)
            let hiddenUnits = network.layers.indices.dropLast().reduce(0.0) { $0 + Double(network.outputWidth(ofLayer: $1)) }
            let snapshots = Double(options.snapshotEpochs?.count ?? options.snapshotCount) + 1
            // The grids, their colour images in the figures (4 bytes per pixel at 1.5² scale), and their SVG.
            bytes += (snapshots * Double(network.outputWidth) + hiddenUnits) * cells * (word + 4 * 2.25 * 2)
        }
        let tracked = parameters <= Double(options.trajectoryParameterLimit) ? parameters : 0
        let layerStatistics = Double(network.layers.count) * Double(options.quantileLevels.count + 2)
        bytes += sampled * (tracked + layerStatistics + 2) * word
        bytes += sampled * (tracked + layerStatistics) * bytesPerReportedValue
        return bytes
    }

    /// The run's history, final network and sampled norms in runs.json, history.csv and the curves.
    static func reported(_ run: Run) -> Double {
        let penalty = run.network.hasRegularizer
        let keys = Double(History.keys(metrics: run.options.metrics, validation: run.validation != nil, penalty: penalty,
                                           learningRate: run.options.learningRateSchedule != nil).count)
        return Double(run.options.epochs) * keys * bytesPerReportedValue + Double(run.network.parameterCount) * 2 * word * 3
    }

    /// Charges what the report keeps of `run` (recorded with `options`, or with no recorder).
    static func charge(_ run: Run, recording options: RecorderOptions?, field: JSONField,
                       budget: inout MemoryBudget) throws(InputError) {
        if let options {
            try budget.charge(recording(run, options: options), for: "the recording of a \(run.network.parameterCount)-parameter network",
                              error: { field.error($0) })
        }
        try budget.charge(reported(run), for: "the report files of \(run.options.epochs) epochs", error: { field.error($0) })
    }
}
