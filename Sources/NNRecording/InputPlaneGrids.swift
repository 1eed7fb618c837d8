import NNCore

/// The network's output `k` over the input plane (one batched `predict` over all cell centers).
///
/// Usable without training, e.g. for a report's final decision plot. The network must take two inputs.
public func decisionGrid(network: Network, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                         columns: Int = 200, rows: Int = 200, output k: Int = 0) -> Grid {
    precondition(k >= 0 && k < network.outputWidth, "decisionGrid output must be in 0..<\(network.outputWidth), received \(k)")
    return outputGrids(network: network, xRange: xRange, yRange: yRange, columns: columns, rows: rows)[k]
}

/// Every output of the network over the input plane, one grid per output column (one batched `predict`).
public func outputGrids(network: Network, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                        columns: Int = 200, rows: Int = 200) -> [Grid] {
    precondition(network.inputWidth == 2, "grids over the input plane need a network with 2 inputs, received \(network.inputWidth)")
    let sampling = PlaneSampling(x: xRange, y: yRange, columns: columns, rows: rows)
    let output = network.predict(sampling.points)
    return (0..<output.columns).map { sampling.grid(column: $0, of: output) }
}

/// Each hidden unit's own activation over the input plane (one batched `trace`), as TensorFlow
/// Playground shows per neuron.
///
/// Hidden units are the units of every dense layer but the last. A `concat_input` layer has no units
/// of its own: its outputs are the two inputs followed by the previous layer's units, whose maps are
/// already here (the inputs' maps are the coordinates themselves).
public func hiddenUnitGrids(network: Network, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                            columns: Int = 200, rows: Int = 200) -> [UnitMap] {
    precondition(network.inputWidth == 2, "grids over the input plane need a network with 2 inputs, received \(network.inputWidth)")
    let hidden = network.denseLayers.dropLast().map(\.index)
    guard !hidden.isEmpty else { return [] }
    let sampling = PlaneSampling(x: xRange, y: yRange, columns: columns, rows: rows)
    let traces = network.trace(sampling.points)
    return hidden.flatMap { layer in
        let output = traces[layer].output
        return (0..<output.columns).map { unit in
            UnitMap(layer: layer, unit: unit, grid: sampling.grid(column: unit, of: output))
        }
    }
}
