import NNCore

/// The parity problems: every vertex of the N-cube with the parity of its coordinates, XOR
/// being the case N = 2.
///
/// - `signed` coding: x ∈ {−1, +1}ᴺ and `y = x₁ · x₂ ⋯ x_N` (+1 when an even number of inputs
///   are −1); for N = 2 that is the course's XOR, y = +1 when the signs agree (`Dataset.xor`).
/// - `binary` coding: x ∈ {0, 1}ᴺ and `y = x₁ ⊕ x₂ ⊕ ⋯ ⊕ x_N` (1 when an odd number of inputs
///   are 1), the classic XOR truth table for N = 2.
///
/// Rows enumerate the 2ᴺ vertices in binary counting order, the first input the most
/// significant bit, the low value (−1 or 0) standing for bit 0; one target column.
public enum BooleanData {
    /// The coding of inputs and target.
    public enum Coding: String, Sendable, Hashable, Codable {
        /// ±1 inputs, target the product of the inputs.
        case signed
        /// 0/1 inputs, target the exclusive or of the inputs.
        case binary
    }

    /// The largest number of inputs (2¹⁶ rows).
    public static let maximumInputs = 16

    /// The N-input parity problem, N in 1...16.
    public static func parity(inputs: Int, coding: Coding = .signed) -> Dataset {
        precondition(inputs >= 1 && inputs <= maximumInputs, "parity needs 1...\(maximumInputs) inputs, received \(inputs)")
        let rows = 1 << inputs
        var x = Matrix(rows: rows, columns: inputs)
        var y = Matrix(rows: rows, columns: 1)
        for row in 0..<rows {
            var ones = 0
            for column in 0..<inputs {
                let bit = (row >> (inputs - 1 - column)) & 1
                ones += bit
                x.elements[row * inputs + column] = coding == .signed ? (bit == 1 ? 1 : -1) : Double(bit)
            }
            switch coding {
            // The product of ±1 values is −1 exactly when an odd number of them are −1 (bit 0).
            case .signed: y.elements[row] = (inputs - ones) % 2 == 0 ? 1 : -1
            case .binary: y.elements[row] = Double(ones % 2)
            }
        }
        return Dataset(x: x, y: y)
    }

    /// Two-input XOR in `coding` (`parity(inputs: 2, coding:)`).
    public static func xor(coding: Coding = .signed) -> Dataset {
        parity(inputs: 2, coding: coding)
    }
}
