/// Preallocated buffers for forward and backward passes of one network at up to `capacity` rows.
///
/// The training loop allocates nothing: every intermediate lives here, the parameters and
/// their gradients are flat vectors (each layer's slice in its own layout: a dense layer's W
/// row-major, then its b), and the optimizer updates the flat vector in one loop. Each layer
/// runs its own `forward` and `backward` over its `LayerMemory`. A workspace is used by one
/// thread at a time.
final class Workspace {
    let capacity: Int
    let inputWidth: Int
    let outputWidth: Int
    let loss: Loss
    /// How Keras's float32-rounded constants are used (`Network.constants`).
    let constants: Constants
    let layers: [any Layer]
    /// Each layer's passes, opened once (calling through `any Layer` copies the layer value per call),
    /// and unretained references to them for the loops.
    private let passes: [LayerPasses]
    private let unretained: [Unmanaged<LayerPasses>]
    let memory: [LayerMemory]
    /// Each layer's offset in the parameter vector.
    let offsets: [Int]
    let parameterCount: Int
    /// The activation whose logits the loss uses (bce after sigmoid, cce after softmax), if any,
    /// and where the last layer keeps those logits.
    let logitActivation: Activation?
    private let logits: UnsafePointer<Double>?
    /// The layers that add a penalty.
    private let regularized: [Int]
    let parameters: UnsafeMutablePointer<Double>
    let gradients: UnsafeMutablePointer<Double>
    /// The stream of what layers draw in training (dropout's masks).
    var random: RandomGenerator
    private var allocations: [UnsafeMutablePointer<Double>] = []

    /// - Parameter seed: the run's seed; training draws use its `RandomStream.dropout` sub-stream.
    init(network: Network, capacity: Int, seed: UInt64 = 0) {
        precondition(capacity > 0, "Workspace capacity must be positive, received \(capacity)")
        self.capacity = capacity
        self.inputWidth = network.inputWidth
        self.outputWidth = network.outputWidth
        self.loss = network.loss
        self.constants = network.constants
        self.layers = network.layers
        self.passes = network.layers.map { LayerPasses.make($0) }
        self.unretained = passes.map { Unmanaged.passUnretained($0) }
        self.random = RandomGenerator(seed: seed, stream: RandomStream.dropout)
        var allocations: [UnsafeMutablePointer<Double>] = []
        func buffer(_ count: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            allocations.append(p)
            return p
        }
        let parameterCount = network.parameterCount
        let parameters = buffer(parameterCount)
        let gradients = buffer(parameterCount)
        var memory: [LayerMemory] = []
        var offsets: [Int] = []
        var width = network.inputWidth
        var offset = 0
        var previousGradient: UnsafeMutablePointer<Double>?
        for (index, layer) in network.layers.enumerated() {
            let out = network.outputWidth(ofLayer: index)
            layer.copyParameters(into: parameters + offset)
            let outputGradient = buffer(capacity * out)
            memory.append(LayerMemory(inputWidth: width, outputWidth: out, output: buffer(capacity * out),
                                      scratch: buffer(capacity * layer.scratchWidth(inputWidth: width)),
                                      parameters: parameters + offset, gradients: gradients + offset,
                                      outputGradient: outputGradient, inputGradient: previousGradient))
            offsets.append(offset)
            previousGradient = outputGradient
            offset += layer.parameterCount
            width = out
        }
        self.memory = memory
        self.offsets = offsets
        if let last = network.layers.last, let memory = memory.last, let final = last.finalActivation(memory),
           network.loss.usesLogits(after: final.activation) {
            logitActivation = final.activation
            logits = final.logits
        } else {
            logitActivation = nil
            logits = nil
        }
        regularized = network.layers.indices.filter { network.layers[$0].isRegularized }
        self.parameterCount = parameterCount
        self.parameters = parameters
        self.gradients = gradients
        self.allocations = allocations
    }

    deinit {
        for p in allocations { p.deallocate() }
    }

    /// The last layer's output after `forward`.
    var output: UnsafePointer<Double> {
        UnsafePointer(memory.last?.output ?? parameters)
    }

    /// Runs every layer on `rows` input rows (`rows ≤ capacity`) in `phase`.
    func forward(_ input: UnsafePointer<Double>, rows: Int, phase: Phase = .inference) {
        let pass = LayerPass(rows: rows, phase: phase, constants: constants, networkInput: input, networkInputWidth: inputWidth,
                             gradientIsLogit: false)
        var current = input
        // A local generator: no dynamic exclusivity check per layer on the class's property.
        var random = self.random
        defer { self.random = random }
        unretained.withUnsafeBufferPointer { layers in
            memory.withUnsafeBufferPointer { memory in
                for index in 0..<layers.count {
                    layers[index]._withUnsafeGuaranteedRef { $0.forward(current, memory[index], pass, &random) }
                    current = UnsafePointer(memory[index].output)
                }
            }
        }
    }

    /// The data loss of the last `forward` against `targets`, from the logits where Keras uses them.
    func dataLoss(targets: UnsafePointer<Double>, rows: Int) -> Double {
        guard let last = memory.last else { return 0 }
        if let logits {
            return loss.value(logits: logits, targets: targets, rows: rows, columns: outputWidth)
        }
        return loss.value(predictions: last.output, targets: targets, rows: rows, columns: outputWidth)
    }

    /// The sum of the regularization penalties at the current parameters.
    func penalty() -> Double {
        var total = 0.0
        for index in regularized {
            total += layers[index].penalty(memory[index].parameters, constants: constants)
        }
        return total
    }

    /// Backpropagates from `targets` after `forward(input, rows, phase)`, filling `gradients`
    /// (data-loss gradient plus the regularizers' gradients).
    func backward(input: UnsafePointer<Double>, targets: UnsafePointer<Double>, rows: Int, phase: Phase = .inference) {
        guard let last = memory.last else { return }
        if logitActivation != nil {
            loss.logitGradient(activations: last.output, targets: targets, into: last.outputGradient, rows: rows, columns: outputWidth)
        } else {
            loss.gradient(predictions: last.output, targets: targets, into: last.outputGradient, rows: rows, columns: outputWidth)
        }
        let fromLogits = logitActivation != nil
        unretained.withUnsafeBufferPointer { layers in
            memory.withUnsafeBufferPointer { memory in
                var index = layers.count - 1
                while index >= 0 {
                    let pass = LayerPass(rows: rows, phase: phase, constants: constants, networkInput: input,
                                         networkInputWidth: inputWidth, gradientIsLogit: fromLogits && index == layers.count - 1)
                    let layerInput = index == 0 ? input : UnsafePointer(memory[index - 1].output)
                    layers[index]._withUnsafeGuaranteedRef { $0.backward(layerInput, memory[index], pass) }
                    index -= 1
                }
            }
        }
    }

    /// Writes the flat parameters back into `network`'s layers.
    func store(into network: inout Network) {
        for index in network.layers.indices where network.layers[index].parameterCount > 0 {
            var layer = network.layers[index]
            layer.loadParameters(from: parameters + offsets[index])
            network.replaceLayer(at: index, with: layer)
        }
    }

    /// The gradient of the dense layer at `index` (among all layers) as (dW, db).
    func gradient(ofLayer index: Int) -> (weights: Matrix, bias: [Double]) {
        precondition(layers[index] is Dense, "layers[\(index)] is not dense")
        let m = memory[index]
        let wCount = m.inputWidth * m.outputWidth
        return (Matrix(rows: m.inputWidth, columns: m.outputWidth,
                       elements: Array(UnsafeBufferPointer(start: m.gradients, count: wCount))),
                Array(UnsafeBufferPointer(start: m.gradients + wCount, count: m.outputWidth)))
    }
}

/// A layer's `forward` and `backward` behind a class opened once on the concrete layer, so the
/// workspace's loop calls them without copying an existential per call; the loop reaches it through
/// `Unmanaged` (the workspace's `passes` array keeps each alive), so a call retains nothing.
private class LayerPasses {
    static func make(_ layer: any Layer) -> LayerPasses { opened(layer) }
    private static func opened<L: Layer>(_ layer: L) -> LayerPasses { Opened(layer) }

    func forward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass, _ random: inout RandomGenerator) {}
    func backward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass) {}

    private final class Opened<L: Layer>: LayerPasses {
        let layer: L
        init(_ layer: L) { self.layer = layer }
        override func forward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass, _ random: inout RandomGenerator) {
            layer.forward(input, memory, pass, random: &random)
        }
        override func backward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass) {
            layer.backward(input, memory, pass)
        }
    }
}
