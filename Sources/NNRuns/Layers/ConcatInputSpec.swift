import NNCore
import NNFiles

/// `{"type": "concat_input"}`: the network's input columns, then the previous output (`ConcatInput`).
public struct ConcatInputSpec: LayerSpec {
    public var location: FieldLocation

    public static let typeName = "concat_input"
    public static let fields: [String] = []

    public static func read(_ object: JSONObject, at field: JSONField) throws(InputError) -> ConcatInputSpec {
        ConcatInputSpec(location: field.location)
    }

    public static func encode(_ layer: any Layer) -> [String]? {
        layer is ConcatInput ? [] : nil
    }

    public func width(incoming: Double, input: Double) -> Double { incoming + input }

    public func layer(incoming: Int, index: Int, seed: UInt64) throws(InputError) -> any Layer { ConcatInput() }
}
