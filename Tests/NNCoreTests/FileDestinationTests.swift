import Foundation
import NNCore
import Testing
import NNFiles

@Suite("File destinations")
struct FileDestinationTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "nncore-destination-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aFailedWriteLeavesThePreviousFileUntouched() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/m.json"
        try "precious\n".write(toFile: path, atomically: false, encoding: .utf8)
        let destination = try FileDestination.check(path)
        // The temporary file's name is taken by a folder, so the write fails after the check.
        let blocker = folder + "/.m.json.tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        try FileManager.default.createFile(atPath: blocker + "/inside", contents: Data())
        #expect(throws: InputError.self) { try destination.write(Array("new\n".utf8)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious\n")
        try FileManager.default.removeItem(atPath: blocker)
        try destination.write(Array("new\n".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["m.json"])
    }

    @Test func aReplacedFileKeepsItsPermissions() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/m.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try FileDestination.check(path).write(Array("new".utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    @Test func displayTextEscapesAndShortens() {
        #expect(DisplayText.line("a\u{1B}[31mb\n\u{7}") == "a\\u{1B}[31mb\\n\\u{7}")
        #expect(DisplayText.line("\u{202E}evil") == "\\u{202E}evil")
        let long = DisplayText.line(String(repeating: "x", count: 1_000_000), limit: 300)
        #expect(long.count == 300)
        #expect(long.contains("…"))
        let error = InputError(file: "f.json", line: 2, field: "title", message: "expected a number, received \"" + String(repeating: "y", count: 100_000) + "\"")
        #expect(error.description.count <= 300)
        #expect(error.description.hasPrefix("f.json:2: title: expected a number, received"))
    }
}
