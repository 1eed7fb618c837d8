import NNCore
import NNFiles

extension JSONField {
    /// A matrix written as an array of equally long rows of finite numbers.
    /// - Parameter columns: the width required, if known.
    public func matrix(columns required: Int? = nil, what: String = "") throws(InputError) -> Matrix {
        guard case .array(let rows) = value.kind else { throw error("expected an array of rows, received \(value.summary)") }
        guard !rows.isEmpty else { throw error("expected at least one row, received an empty array") }
        var elements: [Double] = []
        var width = required
        for (i, row) in rows.enumerated() {
            let rowField = JSONField(row, file: file, path: "\(path)[\(i)]")
            let values = try rowField.vector()
            if let w = width {
                guard values.count == w else {
                    let why = required != nil ? (what.isEmpty ? "" : " (\(what))") : " (as in row 0)"
                    throw rowField.error("expected \(w) numbers\(why), received \(values.count)")
                }
            } else {
                guard !values.isEmpty else { throw rowField.error("expected at least one number, received an empty row") }
                width = values.count
            }
            if elements.isEmpty { elements.reserveCapacity(rows.count * values.count) }
            elements.append(contentsOf: values)
        }
        return Matrix(rows: rows.count, columns: width ?? 0, elements: elements)
    }
}
