import NNCore
import NNFiles

/// The data sets built into NNLab, by the name an experiment file uses.
///
/// | name | kind | data | parameters |
/// |---|---|---|---|
/// | `xor` | boolean | the course's XOR: x ∈ {−1, 1}², y = +1 when the signs agree | — |
/// | `xor01` | boolean | XOR's truth table: x ∈ {0, 1}², y = x₁ ⊕ x₂ | — |
/// | `parity` | boolean | all 2ᴺ vectors x ∈ {−1, 1}ᴺ, y = x₁ x₂ ⋯ x_N | `inputs` (N) |
/// | `parity01` | boolean | all 2ᴺ vectors x ∈ {0, 1}ᴺ, y = x₁ ⊕ ⋯ ⊕ x_N | `inputs` (N) |
/// | `circle`, `quadrants` (alias `playground-xor`), `gauss`, `spiral` | 2 classes | Playground's 2-D sets (`Playground`) | `samples`, `noise`, `seed` |
/// | `plane` (`reg-plane`), `multi-gaussian` (`reg-gauss`) | regression | Playground's regression sets | `samples`, `noise`, `seed` |
/// | `digits` | 10 classes | 1,797 8×8 handwritten digits, pixels 0…16 (64 features) | — |
/// | `iris` | 3 classes | Fisher's 150 irises, 4 measurements in cm | — |
///
/// Targets follow `Parameters.labels` when given, else the set's own coding: the boolean sets
/// their ±1 or 0/1 column, Playground's classification sets ±1 (`signed`), digits and iris
/// one-hot. Split classification sets with `TrainTestSplit` (stratified).
public enum BuiltinDataset: String, CaseIterable, Sendable, Hashable, Codable {
    case xor, xor01, parity, parity01
    case circle, quadrants, gauss, spiral
    case plane
    case multiGaussian = "multi-gaussian"
    case digits, iris

    /// What a set's targets are.
    public enum Kind: Sendable, Hashable {
        /// A fixed truth table of ±1 or 0/1 values (also usable as 2 classes).
        case boolean
        /// Class labels.
        case classification
        /// Real-valued targets (one column).
        case regression
    }

    /// The knobs of the generated sets (ignored by the sets that do not use them).
    public struct Parameters: Sendable, Hashable, Codable {
        /// Playground's sample count, 1…1,000,000 (Playground's default 500).
        public var samples: Int
        /// Playground's noise (its slider divided by 100), 0…1 (Playground offers 0…0.5).
        public var noise: Double
        public var seed: UInt64
        /// N for `parity` and `parity01`, 1…16.
        public var inputs: Int
        /// The target coding; nil for the set's own (see `BuiltinDataset`).
        public var labels: LabelEncoding?

        public init(samples: Int = 500, noise: Double = 0, seed: UInt64 = 1, inputs: Int = 3, labels: LabelEncoding? = nil) {
            self.samples = samples
            self.noise = noise
            self.seed = seed
            self.inputs = inputs
            self.labels = labels
        }
    }

    /// The set called `name` (its raw value, or one of the aliases `playground-xor`,
    /// `reg-plane`, `reg-gauss`).
    /// - Throws: `InputError` at `file`/`field` listing the known names.
    public static func named(_ name: String, file: String = "<experiment>", field: String = "data") throws(InputError) -> BuiltinDataset {
        let aliases: [String: BuiltinDataset] = ["playground-xor": .quadrants, "reg-plane": .plane, "reg-gauss": .multiGaussian]
        if let known = BuiltinDataset(rawValue: name) ?? aliases[name] { return known }
        throw InputError(file: file, field: field, message:
            "expected a built-in data set (\(allCases.map(\.rawValue).joined(separator: ", "))), received \"\(name)\"")
    }

    public var kind: Kind {
        switch self {
        case .xor, .xor01, .parity, .parity01: .boolean
        case .circle, .quadrants, .gauss, .spiral, .digits, .iris: .classification
        case .plane, .multiGaussian: .regression
        }
    }

    /// The set's inputs and targets.
    /// - Throws: `InputError` at `file`/`field.<parameter>` when a parameter is out of range or
    ///   the label coding cannot represent the set's classes.
    public func dataset(_ parameters: Parameters = Parameters(), file: String = "<experiment>", field: String = "data") throws(InputError) -> Dataset {
        try check(parameters, file: file, field: field)
        switch self {
        case .plane: return Playground.plane(samples: parameters.samples, noise: parameters.noise, seed: parameters.seed)
        case .multiGaussian: return Playground.multiGaussian(samples: parameters.samples, noise: parameters.noise, seed: parameters.seed)
        case .xor, .xor01, .parity, .parity01:
            if parameters.labels == nil { return truthTable(parameters) }
        default: break
        }
        guard let data = try classificationData(parameters, file: file, field: field) else {
            preconditionFailure("\(self) is a classification or boolean set")
        }
        return data.dataset(parameters.labels ?? (data.classCount == 2 ? .signed : .oneHot))
    }

    /// The set as class labels (nil for the regression sets). A boolean set's class 1 is its
    /// high target (+1 or 1), class 0 the low one.
    public func classificationData(_ parameters: Parameters = Parameters(), file: String = "<experiment>",
                                   field: String = "data") throws(InputError) -> ClassificationData? {
        try check(parameters, file: file, field: field)
        let (samples, noise, seed) = (parameters.samples, parameters.noise, parameters.seed)
        switch self {
        case .xor, .xor01, .parity, .parity01:
            let table = truthTable(parameters)
            let signed = self == .xor || self == .parity
            return ClassificationData(features: table.x, labels: table.y.elements.map { $0 > 0 ? 1 : 0 },
                                      classNames: signed ? ["-1", "+1"] : ["0", "1"])
        case .circle: return Playground.circle(samples: samples, noise: noise, seed: seed)
        case .quadrants: return Playground.quadrants(samples: samples, noise: noise, seed: seed)
        case .gauss: return Playground.gauss(samples: samples, noise: noise, seed: seed)
        case .spiral: return Playground.spiral(samples: samples, noise: noise, seed: seed)
        case .digits: return BuiltinDataset.digitsData
        case .iris: return BuiltinDataset.irisData
        case .plane, .multiGaussian: return nil
        }
    }

    /// The number of classes (2 for the boolean sets, nil for regression).
    public var classCount: Int? {
        switch kind {
        case .boolean, .classification: self == .digits ? 10 : self == .iris ? 3 : 2
        case .regression: nil
        }
    }

    /// The parameters this set uses (`Parameters`' other knobs would change nothing).
    public var parameterNames: [String] {
        switch self {
        case .circle, .quadrants, .gauss, .spiral, .plane, .multiGaussian: ["samples", "noise", "seed"]
        case .parity, .parity01: ["inputs"]
        default: []
        }
    }

    private func truthTable(_ parameters: Parameters) -> Dataset {
        switch self {
        case .xor: BooleanData.xor(coding: .signed)
        case .xor01: BooleanData.xor(coding: .binary)
        case .parity01: BooleanData.parity(inputs: parameters.inputs, coding: .binary)
        default: BooleanData.parity(inputs: parameters.inputs, coding: .signed)
        }
    }

    private func check(_ parameters: Parameters, file: String, field: String) throws(InputError) {
        let prefix = field.isEmpty ? "" : field + "."
        let generated: Set<BuiltinDataset> = [.circle, .quadrants, .gauss, .spiral, .plane, .multiGaussian]
        if generated.contains(self) {
            guard (1...1_000_000).contains(parameters.samples) else {
                throw InputError(file: file, field: prefix + "samples", message: "expected a sample count in 1…1000000, received \(parameters.samples)")
            }
            guard parameters.noise.isFinite, (0...1).contains(parameters.noise) else {
                throw InputError(file: file, field: prefix + "noise", message: "expected a noise level in 0…1, received \(parameters.noise)")
            }
        }
        if self == .parity || self == .parity01 {
            guard (1...BooleanData.maximumInputs).contains(parameters.inputs) else {
                throw InputError(file: file, field: prefix + "inputs",
                                 message: "expected 1…\(BooleanData.maximumInputs) inputs, received \(parameters.inputs)")
            }
        }
        if let labels = parameters.labels {
            guard let classCount else {
                throw InputError(file: file, field: prefix + "labels", message: "expected no label coding for the regression set \(rawValue), received \(labels.rawValue)")
            }
            guard labels.supports(classCount: classCount) else {
                let usable = LabelEncoding.allCases.filter { $0.supports(classCount: classCount) }.map(\.rawValue)
                throw InputError(file: file, field: prefix + "labels", message:
                    "expected \(usable.joined(separator: " or ")) for \(classCount) classes, received \(labels.rawValue)")
            }
        }
    }
}
