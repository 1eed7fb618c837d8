/// A dense, row-major matrix of `Double`: a batch is `rows × columns`, one sample per row.
///
/// Element `(i, j)` lives at `elements[i * columns + j]`. `Matrix` is a value type with
/// copy-on-write storage; the training loop works on preallocated buffers instead, so this
/// type is for building inputs, reading results and tests.
public struct Matrix: Sendable, Equatable, Hashable {
    public private(set) var rows: Int
    public private(set) var columns: Int
    /// The elements in row-major order. Their count must stay `rows * columns` (a plain
    /// stored property: an observer here would copy the array on every element write).
    public var elements: [Double]

    /// A `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, received \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over row-major `elements`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, received \(rows)×\(columns)")
        precondition(elements.count == rows * columns, "Matrix \(rows)×\(columns) needs \(rows * columns) elements, received \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from rows of equal length (a programmer's literal; files go through the loaders).
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "Matrix rows must all have \(columns) elements")
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// A single-row matrix (a row vector).
    public init(row: [Double]) {
        self.init(rows: 1, columns: row.count, elements: row)
    }

    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index (\(row), \(column)) out of bounds for \(rows)×\(columns)")
            return elements[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index (\(row), \(column)) out of bounds for \(rows)×\(columns)")
            elements[row * columns + column] = newValue
        }
    }

    /// The rows as arrays (for files and printing).
    public var rowArrays: [[Double]] {
        (0..<rows).map { Array(elements[($0 * columns)..<(($0 + 1) * columns)]) }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        Array(elements[(i * columns)..<((i + 1) * columns)])
    }

    /// Mᵀ.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns {
                result.elements[j * rows + i] = elements[i * columns + j]
            }
        }
        return result
    }
}
