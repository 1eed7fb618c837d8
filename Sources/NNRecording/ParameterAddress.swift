import NNCore

/// Where a parameter sits: its index in the flat parameter vector, its layer, and its row and column
/// in W (`row` = input, `column` = unit), or its unit in b (`row` nil).
public struct ParameterAddress: Codable, Sendable, Hashable {
    public var index: Int
    public var layer: Int
    public var row: Int?
    public var column: Int

    public init(index: Int, layer: Int, row: Int?, column: Int) {
        self.index = index
        self.layer = layer
        self.row = row
        self.column = column
    }

    /// Whether this is a bias (b) rather than a weight (W).
    public var isBias: Bool { row == nil }

    /// "W1[0,1]" or "b1[1]" with the dense layer counted from 1 among dense layers (`denseNumber`).
    public func label(denseNumber: Int) -> String {
        if let row { return "W\(denseNumber)[\(row),\(column)]" }
        return "b\(denseNumber)[\(column)]"
    }

    /// Every parameter of `network`, in the order of `Network.parameterVector`.
    public static func all(in network: Network) -> [ParameterAddress] {
        var addresses: [ParameterAddress] = []
        addresses.reserveCapacity(network.parameterCount)
        for (layer, dense) in network.denseLayers {
            for r in 0..<dense.inputs {
                for c in 0..<dense.units {
                    addresses.append(ParameterAddress(index: addresses.count, layer: layer, row: r, column: c))
                }
            }
            for c in 0..<dense.units {
                addresses.append(ParameterAddress(index: addresses.count, layer: layer, row: nil, column: c))
            }
        }
        return addresses
    }
}
