import NNData
import NNFiles

/// The fitted scalers as runs.json records them (the one writer for both the image problem and data sources).
extension Standardization {
    public var json: String {
        "{\"kind\": \"standardize\", \"means\": \(JSONWriter.vector(means)), \"standard_deviations\": \(JSONWriter.vector(standardDeviations))}"
    }
}

extension MinMaxScaling {
    public var json: String {
        "{\"kind\": \"minmax\", \"minimums\": \(JSONWriter.vector(minimums)), \"maximums\": \(JSONWriter.vector(maximums)), \"lower\": \(JSONWriter.number(lower)), \"upper\": \(JSONWriter.number(upper))}"
    }
}
