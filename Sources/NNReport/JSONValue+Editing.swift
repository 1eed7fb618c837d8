import NNCore
import NNFiles

/// Small edits of parsed objects: a comparison variant's fields replacing the base's, the image
/// problem's own fields removed before its run is read.
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

}
