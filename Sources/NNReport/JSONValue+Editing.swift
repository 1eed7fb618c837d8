import NNCore
import NNFiles

/// Small edits of parsed objects, used to derive runs (a seed, a variant) from one experiment.
extension JSONValue {
    /// Sets member `key` of an object (appending it when absent); no effect on other kinds.
    mutating func set(_ key: String, _ value: JSONValue) {
        guard case .object(var members) = kind else { return }
        if let i = members.firstIndex(where: { $0.key == key }) {
            members[i].value = value
        } else {
            members.append(JSONValue.Member(key: key, value: value))
        }
        kind = .object(members)
    }

    /// Removes member `key` of an object.
    mutating func remove(_ key: String) {
        guard case .object(let members) = kind else { return }
        kind = .object(members.filter { $0.key != key })
    }

    /// Applies `change` to the inline "model" object, if there is one.
    mutating func modifyModel(_ change: (inout JSONValue) -> Void) {
        guard case .object(let members) = kind, var model = members.first(where: { $0.key == "model" })?.value else { return }
        change(&model)
        set("model", model)
    }

    /// Applies `change` to member `key` (an object), if present.
    mutating func editMember(_ key: String, _ change: (inout JSONValue) -> Void) {
        guard case .object(let members) = kind, var member = members.first(where: { $0.key == key })?.value else { return }
        change(&member)
        set(key, member)
    }

    /// Applies `change` to every dense layer of a model object (all but the last when `hiddenOnly`).
    mutating func editDenseLayers(hiddenOnly: Bool, _ change: (inout JSONValue) -> Void) {
        guard case .object(let members) = kind, let layersValue = members.first(where: { $0.key == "layers" })?.value,
              case .array(var layers) = layersValue.kind else { return }
        let denseIndices = layers.indices.filter { i in
            if case .object(let m) = layers[i].kind, let t = m.first(where: { $0.key == "type" })?.value, case .string("dense") = t.kind { return true }
            return false
        }
        for i in denseIndices where !(hiddenOnly && i == denseIndices.last) { change(&layers[i]) }
        set("layers", JSONValue(kind: .array(layers), line: layersValue.line))
    }
}
