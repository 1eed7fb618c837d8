import NNCore
import NNData
import NNFigures
import Plot
import NNLanguage

/// The image problem: curves for train and test, the confusion matrix, the most confident
/// mistakes and the first layer's weights drawn as images.
enum ImageSection {
    static func build(_ problem: ImageProblem, result: RunResult) -> ReportSection {
        let run = problem.run
        var blocks: [ReportBlock] = [
            .paragraph(tr("\(problem.name). Data: \(problem.dataName), \(problem.data.count) images of \(problem.shape.width)×\(problem.shape.height)\(problem.shape.channels > 1 ? "×\(problem.shape.channels)" : "") in \(problem.data.classCount) classes; a stratified split keeps \(Int((problem.testFraction * 100).rounded()))% of each class for testing (\(problem.split.train.count) training and \(problem.split.test.count) test images, seed \(run.options.seed)). Features are \(scalingText(problem)).")),
        ]
        var described = ExperimentRuns(name: problem.name, dataName: problem.dataName, seeds: [run.options.seed], runs: [run])
        described.modelSource = problem.modelSource
        blocks += ExperimentSection.describe(described, heldOut: "test")
        if let failure = result.failure {
            blocks.append(.note(tr("The run did not complete: \(failure)"), kind: "warning"))
            return ReportSection(id: "image", title: tr("The image problem"), blocks: blocks)
        }
        if let divergence = result.history.divergence {
            blocks.append(.note(tr("Training \(divergence.sentence)."), kind: "warning"))
        }
        let history = result.history
        let network = result.network
        let probabilities = network.predict(problem.split.test.features)
        let predicted = OneHot.classIndices(probabilities)
        let actual = problem.split.test.labels
        let correct = zip(predicted, actual).filter { $0 == $1 }.count
        let accuracy = Double(correct) / Double(max(actual.count, 1))
        blocks.append(.table(ReportTable(caption: tr("Final loss and accuracy (after epoch \(history.epochCount))."), header: [tr("split"), tr("loss"), tr("accuracy")], rows: [
            [ReportTable.Cell(tr("training")), .number(Format.significant(history["loss"]?.last ?? .nan, 5)), .number(Format.percent4(history["accuracy"]?.last ?? .nan))],
            [ReportTable.Cell(tr("test")), .number(Format.significant(history["val_loss"]?.last ?? .nan, 5)), .number(Format.percent4(accuracy))],
        ])))
        blocks.append(.note(tr("Test accuracy: \(correct) of \(actual.count) images (\(Format.percent4(accuracy)))."), kind: accuracy >= 0.95 ? "success" : "info"))
        let named = [(name: tr("training"), history: history)]
        var panels: [Panel] = [
            .chart(HistoryFigures.curves(named, key: "loss", title: tr("loss (cross-entropy)"), logScale: true, heldOut: "test")),
            .chart(HistoryFigures.curves(named, key: "accuracy", title: tr("accuracy"), heldOut: "test")),
        ]
        // A schedule's learning rate, when it changes (Keras's logged value after each epoch), as in the experiments.
        let rates = history["learning_rate"] ?? []
        let rateChanges = rates.contains { $0 != rates.first }
        if rateChanges { panels.append(.chart(HistoryFigures.curves(named, key: "learning_rate", title: tr("learning rate")))) }
        blocks.append(.figure(ReportFigure(name: "image-curves", figure: Figure(width: rateChanges ? 1200 : 960, height: 380, columns: panels.count, panels: panels),
                                           caption: tr("Loss and accuracy per epoch on the training images (solid) and the test images (dashed).")
                                               + (rateChanges ? tr(" The learning rate is the schedule's after each epoch's updates (the rate the next step uses), as Keras logs it.") : ""),
            alt: tr("Loss and accuracy curves for training and test"))))
        let counts = ClassificationFigures.confusionCounts(predicted: predicted, actual: actual, classes: problem.data.classCount)
        blocks.append(.figure(ReportFigure(name: "image-confusion", figure: Figure(width: 560, height: 520,
                                            panel: .matrix(.confusion(title: tr("Confusion matrix (test images)"), counts: counts, classes: problem.data.classNames,
                                                                       axisLabels: (tr("true class"), tr("predicted class"))))),
                                           caption: tr("Counts of test images by true class (rows) and predicted class (columns); the diagonal is correct."),
                                           alt: tr("Confusion matrix of the test images"))))
        let rawTest = problem.data.subset(problem.split.testIndices)
        if let mistakes = ClassificationFigures.confidentMistakes(features: rawTest.features, probabilities: probabilities, actual: actual,
                                                                  classNames: problem.data.classNames, shape: problem.shape) {
            let rows = (mistakes.images.count + 7) / 8
            blocks.append(.figure(ReportFigure(name: "image-mistakes", figure: Figure(width: 900, height: Double(rows) * 130 + 60, panel: .images(mistakes)),
                                               caption: tr("The misclassified test images the network was most sure about, captioned true → predicted class and the predicted probability")
                                                   + (problem.shape.channels == 3 ? tr("; drawn in colour from their red, green and blue planes, on one range for all the images.") : tr(".")),
                                               alt: tr("A grid of misclassified test images with their true and predicted labels"))))
        }
        if let weights = ClassificationFigures.firstLayerWeights(network, shape: problem.shape) {
            let rows = (weights.images.count + 7) / 8
            blocks.append(.figure(ReportFigure(name: "image-weights", figure: Figure(width: 900, height: Double(rows) * 125 + 60, panel: .images(weights)),
                                               caption: problem.shape.channels == 3
                                                   ? tr("Each first-layer unit's incoming weights drawn as a colour image: a pixel's red, green and blue are the unit's weights on that pixel's red, green and blue values, scaled symmetrically per unit (mid-grey 0, full intensity +max |w|, none −max |w|): the colours and patterns the units respond to.")
                                                   : tr("Each first-layer unit's incoming weights drawn as an image (red positive, blue negative): the patterns the units respond to."),
                                               alt: problem.shape.channels == 3 ? tr("A grid of first-layer weight images in colour") : tr("A grid of first-layer weight images"))))
        }
        return ReportSection(id: "image", title: tr("The image problem"), blocks: blocks)
    }

    /// How the features were scaled, fitted on the training images only.
    static func scalingText(_ problem: ImageProblem) -> String {
        switch problem.scaling {
        case .standardize: tr("standardized with the mean and standard deviation of each feature over the \(problem.split.train.count) training samples only")
        case .minmax: tr("scaled to [0, 1] with each feature's minimum and maximum over the \(problem.split.train.count) training samples only")
        case .none: tr("unscaled")
        }
    }
}
