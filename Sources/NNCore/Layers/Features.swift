import Foundation

/// TensorFlow Playground's input features as a first layer: each output column is one function of
/// the network's inputs, chosen by name.
///
///     xᵢ → xᵢ,   xᵢ^2 → xᵢ²,   xᵢ*xⱼ → xᵢxⱼ,   sin(xᵢ) → sin xᵢ
///
/// It comes first and has no parameters, so backward has nothing to compute; plots over the input
/// plane keep working on the raw inputs.
public struct Features: Layer {
    /// One feature, by 0-based input index.
    public enum Feature: Sendable, Hashable {
        case input(Int)
        case square(Int)
        case product(Int, Int)
        case sine(Int)

        /// The name in model files: `x1`, `x1^2`, `x1*x2`, `sin(x1)` (1-based, as Playground writes X1, X2).
        public var name: String {
            switch self {
            case .input(let i): "x\(i + 1)"
            case .square(let i): "x\(i + 1)^2"
            case .product(let i, let j): "x\(i + 1)*x\(j + 1)"
            case .sine(let i): "sin(x\(i + 1))"
            }
        }

        /// The inputs the feature reads.
        public var inputs: [Int] {
            switch self {
            case .input(let i), .square(let i), .sine(let i): [i]
            case .product(let i, let j): [i, j]
            }
        }

        /// Reads a name (`x2`, `x1^2`, `x1*x2`, `sin(x1)`; spaces ignored), nil when it is none of these.
        public init?(name: String) {
            let text = name.filter { $0 != " " }.lowercased()
            func index(_ s: Substring) -> Int? {
                guard s.first == "x", let n = Int(s.dropFirst()), n >= 1, n <= 1_000_000 else { return nil }
                return n - 1
            }
            if text.hasPrefix("sin("), text.hasSuffix(")"), let i = index(text.dropFirst(4).dropLast()) {
                self = .sine(i)
            } else if text.hasSuffix("^2"), let i = index(text.dropLast(2)) {
                self = .square(i)
            } else if let star = text.firstIndex(of: "*"), let i = index(text[..<star]), let j = index(text[text.index(after: star)...]) {
                self = i == j ? .square(i) : .product(min(i, j), max(i, j))
            } else if let i = index(Substring(text)) {
                self = .input(i)
            } else {
                return nil
            }
        }

        /// f(x) for one input row.
        @inline(__always)
        func value(_ x: UnsafePointer<Double>) -> Double {
            switch self {
            case .input(let i): x[i]
            case .square(let i): x[i] * x[i]
            case .product(let i, let j): x[i] * x[j]
            case .sine(let i): sin(x[i])
            }
        }
    }

    /// The output columns, in order.
    public var features: [Feature]

    public init(_ features: [Feature]) {
        precondition(!features.isEmpty, "Features needs at least one feature")
        self.features = features
    }

    /// TensorFlow Playground's seven features of a 2-D input.
    public static let playground = Features([.input(0), .input(1), .square(0), .square(1), .product(0, 1), .sine(0), .sine(1)])

    public var typeName: String { "features" }
    public var description: String { "features (" + features.map(\.name).joined(separator: ", ") + ")" }

    public func outputWidth(for input: LayerInput) throws(NetworkError) -> Int {
        guard input.index == 0 else {
            throw .misplacedLayer(layer: input.index, "features: expected as the first layer (its names x1, x2, … are the network's inputs)")
        }
        if let feature = features.first(where: { $0.inputs.contains { $0 >= input.width } }) {
            throw .misplacedLayer(layer: input.index, "features: \(feature.name) names an input the network does not have (it has \(input.width))")
        }
        return features.count
    }

    public func forward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass, random: inout RandomGenerator) {
        let d = memory.inputWidth, width = memory.outputWidth
        for r in 0..<pass.rows {
            let x = input + r * d, a = memory.output + r * width
            for (k, feature) in features.enumerated() { a[k] = feature.value(x) }
        }
    }

    /// The first layer: nothing before it needs ∂L/∂X and it has no parameters, so there is nothing to do.
    public func backward(_ input: UnsafePointer<Double>, _ memory: LayerMemory, _ pass: LayerPass) {}
}
