import NNCore
import NNFiles

/// One training run as written, before anything is built: model, data source, validation, optimizer,
/// schedule, metrics and seed. Run files (JSON or YAML) and experiment entries are read into it by
/// the same reader (`RunFile.spec`); sweeps and seeds are typed edits of it; `build` makes the `Run`.
/// Each part keeps where it was written, so what is found only when building (widths, targets,
/// memory) is reported at the field that caused it.
public struct RunSpec: Sendable {
    /// What the run validates with.
    public enum Validation: Sendable {
        case none
        /// A separate source (`validation:`), written at the location.
        case data(DataSource, FieldLocation)
        /// `validation_split`: this fraction of the data held out (stratified for class data), seeded.
        case split(Double, seed: UInt64)
    }

    public var name: String?
    public var model: ModelSpec
    public var data: DataSource
    public var dataLocation: FieldLocation
    public var validation: Validation = .none
    public var scaling: DataCache.Scaling = .none
    /// The optimizer before its first step.
    public var optimizer: any Optimizer
    /// Whether the file sets the learning rate (an optimizer level given only by name keeps it).
    public var learningRateGiven = false
    /// The learning rate per step, when `learning_rate` is a schedule (the optimizer then holds its initial rate).
    public var learningRateSchedule: (any LearningRateSchedule)?
    /// `constants: keras | exact`: whether the coefficients Keras rounds to float32 are rounded.
    public var constants: Constants = .keras
    public var epochs: Int
    public var batchSize = 32
    public var shuffle = true
    public var seed: UInt64 = 0
    public var metrics: [Metric] = []
    /// Where each metric is named, parallel to `metrics`.
    public var metricLocations: [FieldLocation] = []
    public var earlyStopping: EarlyStoppingSettings?
    /// Where the early-stopping monitor is named.
    public var earlyStoppingLocation: FieldLocation?
    /// Where the schedule is written: training memory and the history are charged there.
    public var epochsLocation: FieldLocation

    /// Whether the run records validation values.
    public var validates: Bool {
        if case .none = validation { false } else { true }
    }

    /// The history keys the run records (`History.keys`).
    public var historyKeys: [String] {
        History.keys(metrics: metrics, validation: validates, penalty: model.hasRegularizer, learningRate: learningRateSchedule != nil)
    }

    /// The run, with its data from `cache` (each source built once per cache) and every allocation
    /// charged to `budget` first: the network, the data, the training workspace and the history.
    /// - Parameter prebuilt: data and validation built (and charged) by the caller, used instead of
    ///   the spec's sources (the image problem's split).
    /// - Returns: the run and the scaler fitted on its training part (recorded in runs.json).
    public func build(cache: DataCache, budget: inout MemoryBudget,
                      prebuilt: (data: Dataset, validation: Dataset?)? = nil) throws(InputError) -> (run: Run, scaler: FittedScaler?) {
        try model.checkSize()
        let cost = model.cost
        try budget.charge(cost.networkBytes, for: "a network of \(RunCost.count(cost.parameters)) parameters",
                          error: { model.location.error($0) })
        var network = try model.network(seed: seed)
        network.constants = constants
        let data: Dataset
        let validationData: Dataset?
        var scaler: FittedScaler?
        if let prebuilt {
            (data, validationData) = prebuilt
            for (what, set) in [("data", data), ("validation", validationData ?? data)] {
                guard set.x.columns == network.inputWidth, set.y.columns == network.outputWidth else {
                    throw model.location.error("expected a model with \(set.x.columns) inputs and \(set.y.columns) outputs (as the \(what)), received \(network.inputWidth) and \(network.outputWidth)")
                }
            }
        } else {
            let prepared = try prepareData(network: network, cache: cache, budget: &budget)
            (data, validationData, scaler) = (prepared.data, prepared.validation, prepared.scaler)
        }
        for (metric, location) in zip(metrics, metricLocations) where metric == .accuracy && network.outputWidth == 1 {
            // Keras's BinaryAccuracy counts [p > 0.5] = y: a −1 target never matches, so accuracy on ±1 data is wrong.
            if let row = ([data] + (validationData.map { [$0] } ?? [])).lazy.compactMap({ $0.y.elements.firstIndex(of: -1) }).first {
                throw location.error("expected 0/1 targets for accuracy (a −1 target never counts as correct), received −1 in row \(row); use xor_accuracy for ±1 targets, or labels: \"01\" with a sigmoid output")
            }
        }
        if let earlyStopping, let location = earlyStoppingLocation {
            let keys = historyKeys
            guard keys.contains(earlyStopping.monitor) else {
                throw location.error("expected one of \(keys.joined(separator: ", ")), received \"\(earlyStopping.monitor)\"")
            }
        }
        let samples = Double(data.x.rows + (validationData?.x.rows ?? 0))
        let keys = Double(historyKeys.count)
        try budget.charge(cost.workspaceBytes(batch: Double(min(batchSize, data.x.rows)), samples: samples), for: "the training workspace",
                          error: { epochsLocation.error($0) })
        try budget.charge(Double(epochs) * keys * RunCost.word, for: "a history of \(epochs) epochs × \(Int(keys)) values",
                          error: { epochsLocation.error($0) })
        budget.addWork(cost.work(epochs: Double(epochs), samples: Double(data.x.rows)))
        let run = Run(name: name, network: network, data: data, validation: validationData, optimizer: optimizer,
                      options: TrainingOptions(epochs: epochs, batchSize: batchSize, shuffle: shuffle, seed: seed, metrics: metrics,
                                               learningRateSchedule: learningRateSchedule),
                      earlyStopping: earlyStopping)
        return (run, scaler)
    }

    /// The data and validation through `cache`; widths are checked against `network` and targets against its loss.
    func prepareData(network: Network, cache: DataCache, budget: inout MemoryBudget) throws(InputError) -> DataCache.Prepared {
        var validationSource: DataSource?, validationLocation: FieldLocation?, split: Double?, splitSeed: UInt64 = 0
        switch validation {
        case .none: break
        case .data(let source, let location): (validationSource, validationLocation) = (source, location)
        case .split(let fraction, let seed): (split, splitSeed) = (fraction, seed)
        }
        let prepared = try cache.prepare(data, validation: validationSource, split: split, splitSeed: splitSeed, scaling: scaling,
                                         outputs: network.outputWidth, at: dataLocation, validationAt: validationLocation, budget: &budget)
        let validationWhere = validationLocation ?? dataLocation, validationOf = validationSource ?? data
        for (set, location, of) in [(prepared.data, dataLocation, data)] + (prepared.validation.map { [($0, validationWhere, validationOf)] } ?? []) {
            guard set.x.columns == network.inputWidth else {
                throw location.error("expected data with \(network.inputWidth) inputs (the model's input), received \(set.x.columns) from \(of.name)")
            }
            guard set.y.columns == network.outputWidth else {
                throw location.error("expected data with \(network.outputWidth) target column\(network.outputWidth == 1 ? "" : "s") (the model's outputs), received \(set.y.columns) from \(of.targetsName)")
            }
            try Self.checkTargets(set.y, loss: network.loss, at: location, what: of.targetsName, classes: of.holdsClasses)
        }
        return prepared
    }

    /// bce needs targets in [0, 1]; cce one-hot rows (each in [0, 1], summing to 1).
    /// - Parameter classes: whether the targets come from class labels (then `labels: "01"` is the way out).
    static func checkTargets(_ y: Matrix, loss: Loss, at location: FieldLocation, what: String, classes: Bool) throws(InputError) {
        switch loss {
        case .binaryCrossentropy:
            if let i = y.elements.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                let hint = classes ? "; code two classes as 0/1 with labels: \"01\"" : " (bce is for probabilities; use mse for other targets)"
                throw location.error("expected targets in [0, 1] for bce, received \(DisplayText.number(y.elements[i])) in row \(i / max(1, y.columns)) of \(what)\(hint)")
            }
        case .categoricalCrossentropy:
            for r in 0..<y.rows {
                let row = y.row(r)
                guard row.allSatisfy({ $0 >= 0 && $0 <= 1 }), abs(row.reduce(0, +) - 1) <= 1e-6 else {
                    throw location.error("expected one-hot target rows for cce, received \(JSONWriter.vector(row)) in row \(r) of \(what)")
                }
            }
        default:
            break
        }
    }
}
