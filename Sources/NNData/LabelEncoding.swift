import NNCore
import NNFiles

/// How class indices become target columns.
///
/// - `signed`: two classes only, one column, class 0 → −1 and class 1 → +1 (Playground's and
///   the course's coding, for tanh outputs).
/// - `binary`: two classes only, one column, class 0 → 0 and class 1 → 1 (for sigmoid outputs).
/// - `oneHot`: one column per class, `y[i][k] = 1` when sample i has class k, else 0.
/// - `index`: one column holding the class index as a number.
public enum LabelEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case signed
    case binary
    case oneHot = "one-hot"
    case index

    /// The number of target columns for `classCount` classes.
    public func width(classCount: Int) -> Int {
        self == .oneHot ? classCount : 1
    }

    /// Whether this coding can represent `classCount` classes (`signed`/`binary` need exactly 2).
    public func supports(classCount: Int) -> Bool {
        switch self {
        case .signed, .binary: classCount == 2
        case .oneHot, .index: classCount >= 1
        }
    }

    /// The targets for `labels`, which must lie in `0..<classCount` (a programmer's contract;
    /// user labels are checked by `OneHot.encode(_:classCount:file:)` and the loaders).
    public func encode(_ labels: [Int], classCount: Int) -> Matrix {
        precondition(supports(classCount: classCount), "LabelEncoding.\(self) cannot code \(classCount) classes")
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classCount }, "labels must lie in 0..<\(classCount)")
        switch self {
        case .signed:
            return Matrix(rows: labels.count, columns: 1, elements: labels.map { $0 == 1 ? 1 : -1 })
        case .binary, .index:
            return Matrix(rows: labels.count, columns: 1, elements: labels.map { Double($0) })
        case .oneHot:
            var y = Matrix(rows: labels.count, columns: classCount)
            for (row, label) in labels.enumerated() { y.elements[row * classCount + label] = 1 }
            return y
        }
    }
}

/// One-hot coding of class labels and its inverse.
public enum OneHot {
    /// `labels` as a `count × classCount` one-hot matrix: `y[i][labels[i]] = 1`, others 0.
    /// - Throws: `InputError` naming `file` and the field `labels[i]` of the first label outside
    ///   `0..<classCount`, or when `classCount < 1`.
    public static func encode(_ labels: [Int], classCount: Int, file: String = "<labels>") throws(InputError) -> Matrix {
        guard classCount >= 1 else {
            throw InputError(file: file, field: "classCount", message: "expected at least 1 class, received \(classCount)")
        }
        for (i, label) in labels.enumerated() where label < 0 || label >= classCount {
            throw InputError(file: file, field: "labels[\(i)]",
                             message: "expected a class index in 0..<\(classCount), received \(label)")
        }
        return LabelEncoding.oneHot.encode(labels, classCount: classCount)
    }

    /// The class of each row of `y`: the column of the row's largest value (the first on ties),
    /// which inverts `encode` and reads a softmax output.
    public static func classIndices(_ y: Matrix) -> [Int] {
        (0..<y.rows).map { row in
            var best = 0
            for column in 1..<max(y.columns, 1) where y[row, column] > y[row, best] { best = column }
            return best
        }
    }
}
