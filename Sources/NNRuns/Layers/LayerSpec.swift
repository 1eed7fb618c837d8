import NNCore
import NNFiles

/// A layer as a model file writes it, before the network is built: its own words in files
/// (`typeName`, `fields`, `read`, `encode`), its cost (computed in `Double`, so no size a user writes
/// can overflow) and how it becomes an NNCore `Layer`.
///
/// Adding a kind of layer to files is one type conforming to `LayerSpec`, listed in
/// `ModelFile.vocabulary`.
public protocol LayerSpec: Sendable {
    /// The `type` in model files.
    static var typeName: String { get }
    /// The fields a layer object may have besides `type` and `name`.
    static var fields: [String] { get }
    /// Reads a layer object whose `type` is `typeName` (its keys already checked against `fields`).
    static func read(_ object: JSONObject, at field: JSONField) throws(InputError) -> Self
    /// The model-file fields (after `type`) of `layer`, when it is this kind; nil otherwise.
    static func encode(_ layer: any Layer) -> [String]?

    /// Where the layer was written.
    var location: FieldLocation { get set }
    /// The output width for `incoming` columns in a network of `input` columns.
    func width(incoming: Double, input: Double) -> Double
    /// The number of trainable parameters for `incoming` columns.
    func parameters(incoming: Double) -> Double
    /// The layer at `index`, its parameters (if any) drawn from `seed` unless given.
    func layer(incoming: Int, index: Int, seed: UInt64) throws(InputError) -> any Layer
}

extension LayerSpec {
    public func parameters(incoming: Double) -> Double { 0 }
}

/// A kind of layer in model files: a `LayerSpec` type's words, as values (`ModelFile.vocabulary`).
public struct LayerKind: Sendable {
    public let typeName: String
    public let fields: [String]
    let read: @Sendable (JSONObject, JSONField) throws(InputError) -> any LayerSpec
    let encode: @Sendable (any Layer) -> [String]?

    public init<Spec: LayerSpec>(_ spec: Spec.Type) {
        typeName = Spec.typeName
        fields = Spec.fields
        read = { (object: JSONObject, field: JSONField) throws(InputError) -> any LayerSpec in try Spec.read(object, at: field) }
        encode = { Spec.encode($0) }
    }
}
