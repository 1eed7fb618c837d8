import Foundation
import NNCore
@testable import NNData
import Testing
import NNFiles

/// `.npz` archives as NumPy writes them (scripts/npz_fixtures.py: `savez`, stored members with ZIP64
/// local headers; `savez_compressed`, deflated members), and damaged ones.
@Suite struct NPZFileTests {
    static func fixture(_ name: String) -> String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/") + "/Fixtures/npz/\(name)"
    }

    static let x = (0..<12).map { Double($0) / 4 }
    static let y: [Double] = [0, 1, 1, 0, 1, 0]

    @Test(arguments: ["stored.npz", "compressed.npz"])
    func numpysArchivesLoad(name: String) throws {
        let arrays = try NPZFile.load(Self.fixture(name), arrays: ["x", "y"], maximumBytes: 1 << 20)
        #expect(arrays[0].shape == [6, 2] && arrays[0].values == Self.x)
        #expect(arrays[1].shape == [6, 1] && arrays[1].values == Self.y)
    }

    @Test func otherNamesAndDtypes() throws {
        let arrays = try NPZFile.load(Self.fixture("mixed.npz"), arrays: ["x_train", "y_train"], maximumBytes: 1 << 20)
        #expect(arrays[0].values == Self.x, "float32 quarters are exact")
        #expect(arrays[1].shape == [6] && arrays[1].values == Self.y)
        let missing = inputError { () throws(InputError) in try NPZFile.load(Self.fixture("mixed.npz"), arrays: ["x"], maximumBytes: 1 << 20) }
        #expect(missing?.message == "expected an array named \"x\" (x.npy), received \"x_train\", \"y_train\"")
    }

    @Test func damagedArchivesGetOneError() throws {
        let path = Self.fixture("compressed.npz")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        func error(_ damaged: [UInt8], limit: Int = 1 << 20) -> InputError? {
            inputError { () throws(InputError) in _ = try NPZFile.parse(damaged, file: "d.npz", arrays: ["x", "y"], maximumBytes: limit) }
        }
        #expect(error([])?.message == "expected a ZIP archive (.npz), received 0 bytes, fewer than its 22-byte end record")
        #expect(error(Array(repeating: 7, count: 100))?.message.hasPrefix("expected a ZIP archive (.npz), received bytes 07 07 07 07 without") == true)
        // Every truncation and every flipped byte is an error or the right arrays, never a crash.
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(error(Array(bytes[..<cut])) != nil, "cut at \(cut)")
        }
        for i in 0..<bytes.count {
            var flipped = bytes
            flipped[i] ^= 0x5A
            if error(flipped) == nil {
                let arrays = try NPZFile.parse(flipped, file: "d.npz", arrays: ["x", "y"], maximumBytes: 1 << 20)
                #expect(arrays[0].values == Self.x && arrays[1].values == Self.y, "byte \(i) changed the values without an error")
            }
        }
        // A member larger than the limit is refused before it is inflated.
        #expect(error(bytes, limit: 100)?.message.contains("expected at most 100 bytes (what the memory budget leaves), received a member of 224 bytes") == true)
    }
}
