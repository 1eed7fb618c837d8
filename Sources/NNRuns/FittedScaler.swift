import NNData
import NNFiles

/// A scaler fitted on a run's training part, as runs.json records it: written by `json` and read
/// back by `read`, one schema for data sources and the image problem.
///
/// ```json
/// {"kind": "standardize", "means": [...], "standard_deviations": [...]}
/// {"kind": "minmax", "minimums": [...], "maximums": [...], "lower": 0, "upper": 1}
/// ```
public enum FittedScaler: Sendable, Hashable {
    case standardize(Standardization)
    case minmax(MinMaxScaling)

    public var json: String {
        switch self {
        case .standardize(let s):
            "{\"kind\": \"standardize\", \"means\": \(JSONWriter.vector(s.means)), \"standard_deviations\": \(JSONWriter.vector(s.standardDeviations))}"
        case .minmax(let m):
            "{\"kind\": \"minmax\", \"minimums\": \(JSONWriter.vector(m.minimums)), \"maximums\": \(JSONWriter.vector(m.maximums)), \"lower\": \(JSONWriter.number(m.lower)), \"upper\": \(JSONWriter.number(m.upper))}"
        }
    }

    /// Reads what `json` writes.
    public static func read(_ field: JSONField) throws(InputError) -> FittedScaler {
        let kind = try field.anyObject().required("kind", "standardize or minmax").string(oneOf: ["standardize", "minmax"])
        if kind == "standardize" {
            let o = try field.object(allowing: ["kind", "means", "standard_deviations"])
            let means = try o.required("means", "the features' means").vector()
            let deviationsField = try o.required("standard_deviations", "the features' standard deviations")
            let deviations = try deviationsField.vector()
            guard deviations.count == means.count else {
                throw deviationsField.error("expected \(means.count) numbers (one per mean), received \(deviations.count)")
            }
            return .standardize(Standardization(means: means, standardDeviations: deviations))
        }
        let o = try field.object(allowing: ["kind", "minimums", "maximums", "lower", "upper"])
        let minimums = try o.required("minimums", "the features' minimums").vector()
        let maximumsField = try o.required("maximums", "the features' maximums")
        let maximums = try maximumsField.vector()
        guard maximums.count == minimums.count else {
            throw maximumsField.error("expected \(minimums.count) numbers (one per minimum), received \(maximums.count)")
        }
        let lower = try o.required("lower", "the lower end of the range").number()
        let upperField = try o.required("upper", "the upper end of the range")
        let upper = try upperField.number()
        guard lower < upper else { throw upperField.error("expected a number > \(DisplayText.number(lower)) (lower), received \(upperField.value.summary)") }
        return .minmax(MinMaxScaling(minimums: minimums, maximums: maximums, lower: lower, upper: upper))
    }
}
