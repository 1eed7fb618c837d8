import NNCore
import NNLanguage
import NNRuns

/// What a report contains: its title and author, the sections to include, the experiments
/// (runs in the run-file vocabulary, one per seed), an optional comparison (sweep) and an
/// optional image problem.
public struct Experiment: Sendable {
    public enum Section: String, Sendable, CaseIterable {
        case backprop, experiments, comparison, image, reproducibility
    }

    public var title: String
    public var author: String?
    public var sections: [Section]
    public var experiments: [ExperimentRuns]
    public var comparison: Comparison?
    /// The image problem (digits by default).
    public var image: ImageProblem?
    /// The experiment file's text, shown in the reproducibility section.
    public var source: String
    /// The file it came from (nil for the built-in default).
    public var file: String?
    /// Every data file the plan reads (a report folder may not hold them: it is replaced whole).
    public var dataFiles: [String] = []
    /// The `report:` block: figure formats, exports, self-contained (the command line overrides it).
    public var report = ReportSettings()
    /// The language of every generated word (`language: es`; `--language` overrides it).
    public var language: Language = .en
}

/// One named experiment: the same run for each seed.
public struct ExperimentRuns: Sendable {
    public var name: String
    /// How the data was named in the file ("xor", a path, "inline").
    public var dataName: String
    public var seeds: [UInt64]
    public var runs: [Run]
    /// The scaler fitted on each run's training part (nil without scaling).
    public var scalers: [FittedScaler?] = []
    /// The data source with every setting that decides it (`DataSource.settings`), for runs.json.
    public var dataSettings = ""
    /// The fraction held out for validation by `validation_split` (or the image defaults), nil otherwise.
    public var heldOut: Double?
    /// Students' own runs of this configuration, drawn and compared beside it (`external:`).
    public var external: [ExternalRun] = []
    /// The file the model came from (as written in the experiment), nil when written inline.
    public var modelSource: String?
}

/// A sweep: variants of one base run — the full grid over the declared axes, or a list of named
/// variants — each trained from the same seeds on the same data.
public struct Comparison: Sendable {
    /// One swept setting and its levels, as labels.
    public struct Axis: Sendable, Hashable {
        public var name: String
        public var levels: [String]
        /// Numeric levels (learning rates, sizes), when every level is a number.
        public var values: [Double]?

        /// The axis as captions and figures name it: words, not the file's key ("learning rate" for
        /// learning_rate), in the report's language.
        public var title: String { translated(name.replacingOccurrences(of: "_", with: " ")) }
    }

    public struct Variant: Sendable {
        /// "tanh, L2 0.01" — unique within the sweep.
        public var label: String
        /// The level index on each axis (empty for named variants).
        public var levels: [Int]
        public var runs: [Run]
        /// The scaler fitted on each run's training part (nil without scaling).
        public var scalers: [FittedScaler?] = []
        /// The data source with every setting that decides it, for runs.json.
        public var dataSettings = ""
        /// The fraction held out for validation, nil without a split.
        public var heldOut: Double?
        /// The file the model came from, nil when written inline.
        public var modelSource: String?
    }

    /// How the ranking table is sorted.
    public enum Ranking: String, Sendable, CaseIterable {
        case success, finalLoss = "final_loss", validationLoss = "val_loss", accuracy, validationAccuracy = "val_accuracy"
    }

    public var name: String
    public var axes: [Axis]
    public var seeds: [UInt64]
    /// Success: `targetMetric` reaches `targetValue` (e.g. xor_accuracy = 1).
    public var targetMetric: String
    public var targetValue: Double
    /// Row-major over the axes (the last axis varies fastest), or the named variants in order.
    public var variants: [Variant]
    public var dataName: String
    public var ranking: Ranking
    /// Paired comparisons to test, by variant label.
    public var pairs: [(String, String)]
    /// The axes of the small-multiples grid and the heatmap table (indices into `axes`).
    public var rowAxis: Int?
    public var columnAxis: Int?
    /// The variant the best one is tested against by default (`baseline:`), else the runner-up.
    public var baseline: String?
    /// Whether image data were split and scaled as the image problem does (20% test, standardized).
    public var imageSplit = false
}

extension Comparison {
    /// What the comparison compares as "loss": the data loss (without the regularization penalty) when
    /// any run is regularized — a total loss would make "no regularizer" look better by its missing
    /// penalty — else the loss.
    public var lossKey: String {
        variants.contains { $0.runs.contains(where: \.network.hasRegularizer) } ? "data_loss" : "loss"
    }

    /// "data loss" or "loss", for headers and sentences.
    public var lossName: String { lossKey == "data_loss" ? tr("data loss") : tr("loss") }

    /// The history key the ranking orders by; nil for the success ranking (success, epochs, then final loss).
    var rankKey: String? {
        switch ranking {
        case .success: nil
        case .finalLoss: lossKey
        case .validationLoss: "val_" + lossKey
        case .accuracy: "accuracy"
        case .validationAccuracy: "val_accuracy"
        }
    }

    /// What the ranking's final values are, for captions, columns and the paired test ("validation data
    /// loss", "accuracy"); the training loss for the success ranking.
    var rankedQuantity: String {
        switch ranking {
        case .success, .finalLoss: tr("training \(lossName)")
        case .validationLoss: tr("validation \(lossName)")
        case .accuracy: tr("accuracy")
        case .validationAccuracy: tr("validation accuracy")
        }
    }

    /// `rankedQuantity` as the paired test's sentence says it: without "training" for the training loss
    /// ("A has lower final data loss than B").
    var rankedQuantityInSentence: String {
        ranking == .success || ranking == .finalLoss ? lossName : rankedQuantity
    }
}

extension History {
    /// The series `key`, where a run without a regularizer stands in its loss for `data_loss` (they are equal).
    func comparable(_ key: String) -> [Double]? {
        self[key] ?? (key == "data_loss" ? self["loss"] : key == "val_data_loss" ? self["val_loss"] : nil)
    }
}
