import Foundation
import NNCore
import NNFiles

/// The check shared by the image loaders: no more pixels than the memory budget leaves room for.
enum PixelLimit {
    static let reason = "what the memory budget leaves room for; raise it with --memory-limit"

    static func check(_ path: String, pixels: Int, maximum: Int) throws(InputError) {
        guard pixels > maximum else { return }
        throw InputError(file: path, message: "expected at most \(maximum) pixels (\(reason)), received \(pixels)")
    }

    /// The file's size in bytes (0 when it cannot be read; the reader then reports why).
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
    }
}
