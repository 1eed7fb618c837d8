import NNCore

/// What a report contains: its title and author, the sections to include, the experiments
/// (runs in the run-file vocabulary, one per seed) and an optional comparison grid.
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
}

/// One named experiment: the same run for each seed.
public struct ExperimentRuns: Sendable {
    public var name: String
    /// How the data was named in the file ("xor", a path, "inline").
    public var dataName: String
    public var seeds: [UInt64]
    public var runs: [Run]
}

/// A grid of variants of one base run: hidden activations × regularizers, over the same seeds.
public struct Comparison: Sendable {
    public struct Variant: Sendable {
        public var activation: String
        public var regularizer: String
        public var runs: [Run]
    }

    public var name: String
    public var activations: [String]
    public var regularizers: [String]
    public var seeds: [UInt64]
    /// Success: `metric` reaches `value` (e.g. xor_accuracy = 1).
    public var targetMetric: String
    public var targetValue: Double
    /// Row-major: activations × regularizers.
    public var variants: [Variant]
    public var dataName: String
}
