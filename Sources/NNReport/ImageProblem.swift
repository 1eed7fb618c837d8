import Dispatch
import NNCore
import NNLanguage
import NNData
import NNFigures
import NNRuns
import NNFiles

/// The course's image problem: a classifier trained on images (digits by default, or IDX /
/// CIFAR files), with a stratified train/test split and scaling fitted on the training part only.
public struct ImageProblem: Sendable {
    /// The same three scalings as every data source's `scaling:` (the image problem defaults to standardize).
    public typealias Scaling = DataCache.Scaling

    public var name: String
    public var dataName: String
    public var data: ClassificationData
    public var shape: ClassificationFigures.ImageShape
    public var testFraction: Double
    public var scaling: Scaling
    /// The split, scaled with statistics of the training part only.
    public var split: TrainTestSplit
    /// The fitted scaler (recorded in runs.json), nil when unscaled.
    public var scaler: FittedScaler?
    public var run: Run
    /// The image files read (none for the built-in sets).
    public var sourceFiles: [String] = []
    /// The file the model came from, nil when written inline.
    public var modelSource: String?
}

extension ExperimentFile {
    static let imageFields = ["name", "data", "images", "labels", "cifar", "test_fraction", "scaling", "model", "optimizer",
                              "epochs", "batch_size", "shuffle", "seed", "metrics", "early_stopping", "constants"]

    /// Reads an `image:` entry: `data: digits` (or iris), IDX files (`images:` and `labels:`), or CIFAR-10
    /// batches (`cifar: [data_batch_1.bin, …]`), plus the run vocabulary for the model and training.
    static func imageProblem(from field: JSONField, file: String, budget: inout MemoryBudget,
                             log: ((String) -> Void)? = nil) throws(InputError) -> ImageProblem {
        let started = DispatchTime.now().uptimeNanoseconds
        // Each pixel is held as a Double four times (as loaded, split, scaled, and as the run's one-hot
        // data set) beside its byte; the loaders refuse files with more pixels than that leaves room for.
        let bytesPerPixel = 4 * 8.0 + 1
        let object = try field.object(allowing: imageFields)
        let name = try object.optional("name")?.string() ?? tr("Image problem")
        let dataName: String
        /// The data source the images come from (the run's data, split below), read by `DataCache.classData`.
        let source: DataSource
        let sourceLocation: FieldLocation
        if let images = object.optional("images") {
            let labels = try object.required("labels", "an IDX label file beside \"images\"")
            source = .idx(images: try images.filePath(relativeTo: file), labels: try labels.filePath(relativeTo: file), coding: nil)
            dataName = try images.string()
            sourceLocation = images.location
        } else if let cifar = object.optional("cifar") {
            var names: [String] = [], paths: [String] = []
            for item in try cifar.array() {
                paths.append(try item.filePath(relativeTo: file))
                names.append(try item.string())
            }
            guard !names.isEmpty else { throw cifar.error("expected at least one CIFAR-10 batch file, received none") }
            source = .cifar(paths, coding: nil)
            dataName = names.joined(separator: ", ")
            sourceLocation = cifar.location
        } else {
            // Any class data source, in the vocabulary of data: ({idx: …}, {cifar: […]}, {csv: …, label: …}, a built-in class set).
            let dataField = try object.required("data", "digits, iris, a class data source such as {idx: …} or {cifar: […]}, or \"images\"/\"labels\" IDX files, or \"cifar\" batches")
            source = try DataSource.read(dataField, base: file)
            guard source.holdsClasses else {
                throw dataField.error("expected class data for the image problem (digits, iris, {idx: …}, {cifar: […]}, {csv: …, label: …}), received \(source.name), which holds numeric targets")
            }
            dataName = (try? dataField.string()) ?? source.name
            sourceLocation = dataField.location
        }
        let data = try DataCache().classData(source, at: sourceLocation, budget: &budget, bytesPerPixel: bytesPerPixel)
        let sourceFiles = source.files
        /// The file the images came from, when they came from files (errors about their shape name it).
        let sourceFile = sourceFiles.first
        if !sourceFiles.isEmpty {
            log?("read \(dataName): \(data.count) images of \(data.featureCount) values in \(String(format: "%.1f", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)) s")
        }
        try budget.charge(Double(data.features.elements.count) * bytesPerPixel, for: "\(data.count) images of \(data.featureCount) pixels",
                          error: { field.error($0) })
        // A model whose input width differs from the images is the data file's mismatch: name it.
        if let model = object.optional("model"), case .object(let members) = model.value.kind,
           let input = members.first(where: { $0.key == "input" }), case .number(let width, let literal) = input.value.kind,
           width != Double(data.featureCount) {
            // Compared as numbers (never converted to Int): a huge or non-finite width is simply a mismatch.
            let message = "expected \(literal) features per image (the model's input), received \(data.featureCount)"
            if let sourceFile { throw InputError(file: sourceFile, message: message) }
            throw InputError(file: file, line: field.value.line, field: field.path + ".data", message: message)
        }
        let testFraction = try object.optional("test_fraction")?.number(in: NumberRange(lower: 0, upper: 1, lowerInclusive: false, upperInclusive: false)) ?? 0.2
        let scalingName = try object.optional("scaling")?.string(oneOf: ImageProblem.Scaling.allCases.map(\.rawValue)) ?? "standardize"
        let scaling = ImageProblem.Scaling(rawValue: scalingName) ?? .standardize
        let seed = UInt64(try object.optional("seed")?.integer(in: 0...Int(Int32.max)) ?? 0)
        let raw = TrainTestSplit(data, testFraction: testFraction, seed: seed)
        guard raw.train.count > 0, raw.test.count > 0 else {
            throw field.error("expected a split with training and test samples, received \(raw.train.count) and \(raw.test.count)")
        }
        let split: TrainTestSplit
        var fitted: FittedScaler?
        switch scaling {
        case .standardize:
            let (scaled, scaler) = raw.standardized()
            split = scaled
            fitted = .standardize(scaler)
        case .minmax:
            let (scaled, scaler) = raw.minMaxScaled()
            split = scaled
            fitted = .minmax(scaler)
        case .none:
            split = raw
        }
        // The run: the model etc. from the entry, data and validation from the split (one-hot targets).
        var value = field.value
        for key in ["name", "data", "images", "labels", "cifar", "test_fraction", "scaling"] { value.remove(key) }
        // The section draws and tabulates accuracy: recorded unless the entry lists its own metrics.
        if !object.has("metrics") { value.set("metrics", JSONValue(kind: .array([JSONValue(kind: .string("accuracy"), line: field.value.line)]), line: field.value.line)) }
        let train = split.train.dataset(.oneHot), test = split.test.dataset(.oneHot)
        // Built data go straight into the run (no JSON text round trip).
        let spec = try RunFile.spec(from: JSONField(value, file: file, path: field.path), path: file, budget: budget,
                                    data: (source, sourceLocation, .split(testFraction, seed: seed)))
        let run = try spec.build(cache: DataCache(), budget: &budget, prebuilt: (train, test)).run
        try ReportCost.charge(run, recording: nil, field: field, budget: &budget)
        return ImageProblem(name: name, dataName: dataName, data: data,
                            shape: ClassificationFigures.ImageShape.guess(features: data.featureCount),
                            testFraction: testFraction, scaling: scaling, split: split,
                            scaler: fitted, run: run, sourceFiles: sourceFiles, modelSource: spec.model.source)
    }
}
