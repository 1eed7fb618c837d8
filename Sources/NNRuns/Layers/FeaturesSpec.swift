import NNCore
import NNFiles

/// `{"type": "features", "include": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]}`:
/// TensorFlow Playground's input features as the first layer (`Features`); without `include`, all seven.
public struct FeaturesSpec: LayerSpec {
    public var features: [Features.Feature]
    public var location: FieldLocation

    public init(features: [Features.Feature], location: FieldLocation) {
        self.features = features
        self.location = location
    }

    public static let typeName = "features"
    public static let fields = ["include"]
    /// What `include` may name.
    static let expectation = "a feature such as x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)"

    public static func read(_ object: JSONObject, at field: JSONField) throws(InputError) -> FeaturesSpec {
        guard let include = object.optional("include") else {
            return FeaturesSpec(features: Features.playground.features, location: field.location)
        }
        return FeaturesSpec(features: try features(include), location: field.location)
    }

    /// A list of feature names (`include`, or a `features` sweep level), each once.
    public static func features(_ include: JSONField) throws(InputError) -> [Features.Feature] {
        let items = try include.array()
        guard !items.isEmpty else { throw include.error("expected at least one feature (\(expectation)), received an empty array") }
        guard items.count <= 10_000 else { throw include.error("expected at most 10000 features, received \(items.count)") }
        var features: [Features.Feature] = []
        for item in items {
            let name = try item.string()
            guard let feature = Features.Feature(name: name) else { throw item.error("expected \(expectation), received \(item.value.summary)") }
            guard !features.contains(feature) else { throw item.error("expected each feature once, received \(feature.name) again") }
            features.append(feature)
        }
        return features
    }

    public static func encode(_ layer: any Layer) -> [String]? {
        guard let features = layer as? Features else { return nil }
        return ["\"include\": [" + features.features.map { "\"\($0.name)\"" }.joined(separator: ", ") + "]"]
    }

    public func width(incoming: Double, input: Double) -> Double { Double(features.count) }

    public func layer(incoming: Int, index: Int, seed: UInt64) throws(InputError) -> any Layer { Features(features) }
}
