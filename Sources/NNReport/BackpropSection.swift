import NNCore
import NNFigures
import Plot
import NNLanguage

/// Section 1: the course's backprop-by-hand lab (seed 000), every value beside its reference.
enum BackpropSection {
    /// The tolerance for "pass" against the lab's 8-decimal prints and TensorFlow's float32 values.
    static let referenceTolerance = 2e-8
    /// The tolerance for "pass" against central differences (step 1e-6).
    static let centralTolerance = 1e-8

    static func build() -> ReportSection {
        let network = BackpropLab.network
        let x = BackpropLab.x, y = BackpropLab.y
        let trace = network.trace(x)
        var blocks: [ReportBlock] = [
            .paragraph(tr("The network of the course's first lab: two inputs, a dense layer of 3 sigmoid units (D1, A1), a dense layer of 2 sigmoid units (D2, A2) and a dense layer of 3 units with a softmax (D3, P_est), trained with the mean squared error on one sample x = [3.4, 2.1] with target [1, 0, 0]. The weights are the lab's float32 values; every number below is computed by NNLab's own backpropagation in float64 and set beside the value the lab prints, TensorFlow's gradients, and central differences.")),
            .figure(ReportFigure(name: "backprop-network", figure: Figure(width: 760, height: 420,
                                  panel: .network(NetworkFigures.diagram(network, title: tr("The lab's network, its weights and the activations for x = [3.4, 2.1]"),
                                                                        input: x, labels: [.weights, .nodeValues]))),
                                 caption: tr("The lab's network. Edge colour is the weight's sign (orange positive, blue negative), width its magnitude relative to the largest weight into the same layer; node colour and labels are the activations for the lab's input."),
                                 alt: tr("Network diagram with 2 inputs, 3 and 2 sigmoid hidden units and 3 softmax outputs, edges labelled with their weights"))),
            .heading(tr("Forward pass")),
        ]
        let forwardRows: [(String, [Double], [Double]?)] = [
            ("D1_out = x·W₁ + b₁", trace[0].preactivation?.elements ?? [], BackpropLab.Published.d1),
            ("A1_out = σ(D1_out)", trace[0].output.elements, BackpropLab.Published.a1),
            ("D2_out = A1·W₂ + b₂", trace[1].preactivation?.elements ?? [], nil),
            ("A2_out = σ(D2_out)", trace[1].output.elements, BackpropLab.Published.a2),
            ("D3_out = A2·W₃ + b₃", trace[2].preactivation?.elements ?? [], BackpropLab.Published.d3),
            ("P_est = softmax(D3_out)", trace[2].output.elements, BackpropLab.Published.pEst),
        ]
        var rows: [[ReportTable.Cell]] = []
        for (name, values, published) in forwardRows {
            for (j, v) in values.enumerated() {
                let p = published?[j]
                rows.append([ReportTable.Cell(j == 0 ? name : ""), .number("[\(j)]"), .number(Format.full(v)),
                             .number(p.map(Format.full) ?? "—"), .number(p.map { Format.error(abs(v - $0)) } ?? "—"),
                             p.map { passFail(abs(v - $0) <= referenceTolerance) } ?? ReportTable.Cell("—")])
            }
        }
        let loss = Loss.mse(trace[2].output, y)
        rows.append([ReportTable.Cell("MSE(P_est, P_true)"), .number(""), .number(Format.full(loss)),
                     .number(Format.full(BackpropLab.Published.mse)), .number(Format.error(abs(loss - BackpropLab.Published.mse))),
                     passFail(loss == BackpropLab.Published.mse, exact: true)])
        blocks.append(.table(ReportTable(caption: tr("Every forward value. “Lab” is what the course's notebook prints (8 decimals, the loss in full); pass means |Δ| ≤ \(Format.error(referenceTolerance)), and the loss must match bit for bit."),
                                         header: [tr("quantity"), tr("index"), "NNLab (float64)", tr("lab"), "|Δ|", tr("check")], rows: rows)))

        blocks.append(.heading(tr("Jacobians")))
        let gradientP = Loss.mse.gradient(trace[2].output, y)
        blocks.append(.paragraph(tr("∂MSE/∂P_est = 2(P_est − P_true)/3 = [\(gradientP.elements.map { Format.significant($0, 8) }.joined(separator: ", "))] (the lab prints [\(BackpropLab.Published.mseGradient.map { Format.significant($0, 8) }.joined(separator: ", "))]). The Jacobians below follow the lab's input × output convention, J[i][j] = ∂aⱼ/∂zᵢ.")))
        blocks.append(jacobianTable(tr("softmax Jacobian at D3_out"), Activation.softmax.jacobian(at: trace[2].preactivation ?? x),
                                    BackpropLab.Published.softmaxJacobian))
        blocks.append(jacobianTable(tr("sigmoid Jacobian at D2_out"), Activation.sigmoid.jacobian(at: trace[1].preactivation ?? x),
                                    BackpropLab.Published.sigmoidJacobianD2))
        blocks.append(jacobianTable(tr("sigmoid Jacobian at D1_out"), Activation.sigmoid.jacobian(at: trace[0].preactivation ?? x),
                                    BackpropLab.Published.sigmoidJacobianD1))

        blocks.append(.heading(tr("Gradients")))
        blocks.append(gradientTable(network))
        blocks.append(.heading(tr("Fifty steps of gradient descent")))
        blocks.append(contentsOf: sgdBlocks(network))
        return ReportSection(id: "backprop", title: tr("Backprop by hand (lab 000)"), blocks: blocks)
    }

    static func passFail(_ ok: Bool, exact: Bool = false) -> ReportTable.Cell {
        ReportTable.Cell(ok ? (exact ? tr("bit-exact") : tr("pass")) : "FAIL", kind: ok ? "pass" : "fail")
    }

    static func jacobianTable(_ title: String, _ jacobian: Matrix, _ published: [[Double]]) -> ReportBlock {
        var rows: [[ReportTable.Cell]] = []
        for i in 0..<jacobian.rows {
            var cells = [ReportTable.Cell.number("i = \(i)")]
            for j in 0..<jacobian.columns { cells.append(.number(Format.significant(jacobian[i, j], 10))) }
            let worst = (0..<jacobian.columns).map { abs(jacobian[i, $0] - published[i][$0]) }.max() ?? 0
            cells.append(.number(Format.error(worst)))
            cells.append(passFail(worst <= referenceTolerance))
            rows.append(cells)
        }
        let header = [tr("row")] + (0..<jacobian.columns).map { "j = \($0)" } + [tr("max |Δ| vs lab"), tr("check")]
        return .table(ReportTable(caption: tr("The \(title) (NNLab, 10 significant digits) against the lab's printed matrix."), header: header, rows: rows))
    }

    static func gradientTable(_ network: Network) -> ReportBlock {
        let x = BackpropLab.x, y = BackpropLab.y
        let rows: [[ReportTable.Cell]]
        do {
            let g = try network.gradients(x, y)
            let numeric = network.centralDifferenceGradient(x, y, step: 1e-6)
            let tf: [(weights: [[Double]], bias: [Double])] = [
                (BackpropLab.TensorFlow.d1Weights, BackpropLab.TensorFlow.d1Bias),
                (BackpropLab.TensorFlow.d2Weights, BackpropLab.TensorFlow.d2Bias),
                (BackpropLab.TensorFlow.d3Weights, BackpropLab.TensorFlow.d3Bias),
            ]
            var out: [[ReportTable.Cell]] = []
            var offset = 0
            for (layer, gradient) in g.layers.enumerated() {
                let w = gradient.weights
                for i in 0..<w.rows {
                    for j in 0..<w.columns {
                        out.append(row("D\(layer + 1)", "W[\(i)][\(j)]", w[i, j], tf[layer].weights[i][j], numeric[offset]))
                        offset += 1
                    }
                }
                for j in gradient.bias.indices {
                    out.append(row("D\(layer + 1)", "b[\(j)]", gradient.bias[j], tf[layer].bias[j], numeric[offset]))
                    offset += 1
                }
            }
            rows = out
        } catch {
            rows = [[ReportTable.Cell(tr("error: \(error.description)"))]]
        }
        return .table(ReportTable(caption: tr("∂MSE/∂W and ∂MSE/∂b for the three dense layers: NNLab's backpropagation, TensorFlow's GradientTape in float32 (printed by the lab), and central differences with step 10⁻⁶. Pass: |Δ| ≤ \(Format.error(referenceTolerance)) against TensorFlow and ≤ \(Format.error(centralTolerance)) against central differences."),
                                  header: [tr("layer"), tr("parameter"), "NNLab", "TensorFlow", "|Δ TF|", tr("central difference"), "|Δ CD|", tr("check")], rows: rows))
    }

    static func row(_ layer: String, _ name: String, _ value: Double, _ tf: Double, _ cd: Double) -> [ReportTable.Cell] {
        let ok = abs(value - tf) <= referenceTolerance && abs(value - cd) <= centralTolerance
        return [ReportTable.Cell(layer), ReportTable.Cell(name), .number(Format.full(value)), .number(Format.full(tf)),
                .number(Format.error(abs(value - tf))), .number(Format.significant(cd, 12)), .number(Format.error(abs(value - cd))),
                passFail(ok)]
    }

    static func sgdBlocks(_ network: Network) -> [ReportBlock] {
        var network = network
        var optimizer = SGD(learningRate: 0.1)
        let history: History
        do {
            history = try network.fit(Dataset(x: BackpropLab.x, y: BackpropLab.y), optimizer: &optimizer,
                                      options: TrainingOptions(epochs: BackpropLab.Published.sgdLosses.count, batchSize: 1, shuffle: false))
        } catch {
            return [.note(tr("The SGD run failed: \(error.description)"), kind: "warning")]
        }
        let losses = history["loss"] ?? []
        let published = BackpropLab.Published.sgdLosses
        let worst = zip(losses, published).map { abs($0 - $1) }.max() ?? .nan
        let steps = (0..<losses.count).map(Double.init)
        let chart = Chart(title: tr("Loss before each SGD step, learning rate 0.1"), x: Axis(tr("step")), y: Axis("MSE"),
                          marks: [LineSeries("NNLab", x: steps, y: losses),
                                   ScatterSeries(tr("lab (published)"), x: steps, y: published)])
        return [
            .figure(ReportFigure(name: "backprop-sgd", figure: Figure(width: 760, height: 380, chart),
                                 caption: tr("The loss before each of 50 plain gradient-descent steps (η = 0.1) on the lab's sample: NNLab's line through the lab's published values (points). Largest difference: \(Format.error(worst))."),
                                 alt: tr("A decreasing loss curve from 0.214 to 0.041 over 50 steps, passing through the published points"))),
            .paragraph(tr("The largest difference between NNLab's 50 losses and the lab's published float64 sequence is \(Format.error(worst)); the first loss matches bit for bit.")),
        ]
    }
}
