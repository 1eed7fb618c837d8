import NNCore
import NNFiles
/// NNLab's data file: `{"x": [[...], ...], "y": [[...], ...]}`, one sample per row.
public enum DataFile {
    /// Reads a data set from a parsed object, checking its widths against `network` when given.
    public static func dataset(from field: JSONField, for network: Network? = nil) throws(InputError) -> Dataset {
        let object = try field.object(allowing: ["x", "y", "name"])
        let x = try object.required("x", "an array of input rows").matrix(columns: network?.inputWidth, what: "the model's input width")
        let y = try object.required("y", "an array of target rows").matrix(columns: network?.outputWidth, what: "the model's output width")
        guard x.rows == y.rows else {
            throw try object.required("y", "").error("expected \(x.rows) rows (as many as x), received \(y.rows)")
        }
        return Dataset(x: x, y: y)
    }

    /// Reads the data file at `path`.
    public static func load(_ path: String, for network: Network? = nil) throws(InputError) -> Dataset {
        try dataset(from: TextFile.readJSON(path), for: network)
    }

    /// The data file for `data`.
    public static func encode(_ data: Dataset) -> String {
        "{\"x\": \(JSONWriter.matrix(data.x)),\n \"y\": \(JSONWriter.matrix(data.y))}\n"
    }
}
