import NNCore
import NNFiles

/// `{"type": "dropout", "rate": 0.5}`: Keras's inverted dropout (`Dropout`), rate in [0, 1).
public struct DropoutSpec: LayerSpec {
    public var rate: Double
    public var location: FieldLocation

    public static let typeName = "dropout"
    public static let fields = ["rate"]

    public static func read(_ object: JSONObject, at field: JSONField) throws(InputError) -> DropoutSpec {
        let rate = try object.required("rate", "the fraction of values dropped in training, a number in [0, 1)").number(in: .unitHalfOpen)
        return DropoutSpec(rate: rate, location: field.location)
    }

    public static func encode(_ layer: any Layer) -> [String]? {
        guard let dropout = layer as? Dropout else { return nil }
        return ["\"rate\": \(JSONWriter.number(dropout.rate))"]
    }

    public func width(incoming: Double, input: Double) -> Double { incoming }

    public func layer(incoming: Int, index: Int, seed: UInt64) throws(InputError) -> any Layer { Dropout(rate: rate) }
}
