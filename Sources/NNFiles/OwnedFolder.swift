import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder NNLab writes whole (a report, the gallery), checked before any work starts.
///
/// NNLab replaces a folder only if it wrote it itself: every folder it writes holds a marker file,
/// `.nnlab-report`. A new path is created; an existing folder with the marker is replaced whole and
/// atomically (built beside it, then swapped in with one `renameat2(RENAME_EXCHANGE)`, so readers
/// and concurrent runs see the old report or the new one, never a mixture; the last writer wins);
/// any other existing folder, `.`, `..`, an empty path, `/`, the home folder and the folders that
/// contain the current one are refused. A symbolic link is resolved and the folder it points to
/// is replaced; the link stays a link.
public struct OwnedFolder: Sendable, Equatable {
    /// The marker file in every folder NNLab writes.
    public static let markerName = ".nnlab-report"

    /// The path as the user gave it (for messages).
    public let path: String
    /// The folder actually written: absolute, with symbolic links resolved.
    public let target: String

    /// Checks that `path` may receive a folder written by NNLab, and removes building folders that
    /// earlier, killed runs left beside it.
    /// - Throws: `InputError` saying what the path is and what to do instead.
    /// - Parameter inputs: files and folders the run reads (experiment, data, templates): a folder
    ///   holding one of them is refused, since replacing it whole would delete them.
    public static func check(_ path: String, option: String = "--output", inputs: [String] = []) throws(InputError) -> OwnedFolder {
        let shown = path.isEmpty ? "\"\"" : path
        func refuse(_ received: String) -> InputError {
            InputError(file: shown, message: "expected a new folder or a report folder NNLab wrote (one holding \(markerName)), received \(received); pass another \(option), e.g. \(option) output/my-report")
        }
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse("an empty path") }
        let last = path.split(separator: "/").last.map(String.init) ?? "/"
        guard last != "." && last != ".." else { throw refuse("'\(last)', which names a folder that holds other files") }
        // The kernel resolves the folder above (so `link/../x` means what the shell means by it);
        // only a parent that does not exist yet is taken as written.
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let parentText = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.startIndex)]) : "."
        var absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let physicalParent = PathStatus.resolved(parentText.isEmpty ? "/" : parentText) {
            absolute = (physicalParent == "/" ? "" : physicalParent) + "/" + last
        }
        var target = absolute
        switch PathStatus.of(absolute) {
        case .symbolicLink:
            guard let resolved = PathStatus.resolved(absolute) else { throw refuse("a symbolic link to a path that does not exist") }
            target = resolved
        case .missing:
            // Resolve links in the folders above, so the building folder sits beside the real target.
            let parent = URL(fileURLWithPath: absolute).deletingLastPathComponent().path
            if let resolvedParent = PathStatus.resolved(parent) {
                target = (resolvedParent == "/" ? "" : resolvedParent) + "/" + URL(fileURLWithPath: absolute).lastPathComponent
            }
        default:
            if let resolved = PathStatus.resolved(absolute) { target = resolved }
        }
        if target == "/" { throw refuse("the root folder") }
        for home in [ProcessInfo.processInfo.environment["HOME"], NSHomeDirectory()].compactMap({ $0 }) where !home.isEmpty {
            if PathStatus.resolved(home) == target { throw refuse("the home folder") }
        }
        if let current = PathStatus.resolved(".") {
            if current == target { throw refuse("the current folder") }
            if current.hasPrefix(target + "/") { throw refuse("a folder that contains the current folder") }
        }
        switch PathStatus.of(target) {
        case .missing:
            break
        case .directory:
            guard isMarked(target) else {
                throw refuse("an existing folder that NNLab did not write (NNLab never replaces it; move it away yourself if it may go)")
            }
            for input in inputs {
                guard let resolved = PathStatus.resolved(input), resolved == target || resolved.hasPrefix(target + "/") else { continue }
                throw refuse("a report folder that holds \(input), which this report reads (replacing the folder would delete it); keep inputs outside report folders")
            }
        case let other:
            throw refuse(other.description)
        }
        let folder = OwnedFolder(path: path, target: target)
        // The building folder beside it is named ".NAME.building-PID.removing": it must fit the file system's 255 bytes.
        guard folder.name.utf8.count <= 255 - 40 else {
            throw InputError(file: shown, message: "expected a folder name of at most 215 bytes (NNLab builds it beside under a longer name), received one of \(folder.name.utf8.count)")
        }
        try folder.checkParentIsWritable()
        folder.removeStaleBuildingFolders()
        return folder
    }

    /// Whether `folder` holds NNLab's marker: a regular file whose text starts with "nnlab ".
    static func isMarked(_ folder: String) -> Bool {
        let marker = folder + "/" + markerName
        guard PathStatus.of(marker) == .regularFile, let handle = FileHandle(forReadingAtPath: marker) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 6)) ?? Data()
        return start == Data("nnlab ".utf8)
    }

    private var parent: String { URL(fileURLWithPath: target).deletingLastPathComponent().path }
    private var name: String { URL(fileURLWithPath: target).lastPathComponent }

    /// The nearest existing folder above the target must be writable (missing folders are created).
    private func checkParentIsWritable() throws(InputError) {
        var ancestor = parent
        while PathStatus.following(ancestor) == .missing, ancestor != "/" {
            ancestor = URL(fileURLWithPath: ancestor).deletingLastPathComponent().path
        }
        guard PathStatus.following(ancestor) == .directory else {
            throw InputError(file: path, message: "expected a path inside a folder, received one under \(ancestor), which is \(PathStatus.following(ancestor).description)")
        }
        guard PathStatus.isWritable(ancestor) else {
            throw InputError(file: path, message: "expected a folder NNLab may write into, received \(ancestor) without write permission")
        }
    }

    /// The prefixes of the temporary folders beside the target.
    private var buildingPrefix: String { ".\(name).building-" }
    private var previousPrefix: String { ".\(name).previous-" }

    /// Removes `.NAME.building-PID[.removing]` and `.NAME.previous-PID` folders whose process is gone and which hold the marker.
    private func removeStaleBuildingFolders() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries {
            let suffix: Substring
            if entry.hasPrefix(buildingPrefix) { suffix = entry.dropFirst(buildingPrefix.count) }
            else if entry.hasPrefix(previousPrefix) { suffix = entry.dropFirst(previousPrefix.count) }
            else { continue }
            guard let pid = Int32(suffix.prefix(while: \.isNumber)), !PathStatus.processIsAlive(pid) || pid == getpid() else { continue }
            let path = parent + "/" + entry
            guard PathStatus.of(path) == .directory, OwnedFolder.isMarked(path) else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Builds the folder with `body` (given the building folder's path) and swaps it into place; on
    /// any error the building folder is removed and the target is left as it was.
    /// `marker` is the marker file's text (e.g. "nnlab 0.3.0 report").
    public func write<T>(marker: String, _ body: (String) throws -> T) throws -> T {
        let building = try beginBuilding(marker: marker)
        do {
            let result = try body(building)
            try replace(with: building)
            return result
        } catch {
            abandon(building)
            throw error
        }
    }

    /// Creates the building folder beside the target, with the marker already in it, registered for
    /// removal on Ctrl-C. `marker` is the marker file's text (e.g. "nnlab 0.3.0 report").
    func beginBuilding(marker: String) throws(InputError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: path, message: "expected a folder that can be created, received: \(error.localizedDescription)")
        }
        let building = parent + "/" + buildingPrefix + String(getpid())
        Interruption.register(building)
        try? FileManager.default.removeItem(atPath: building)
        guard mkdir(building, 0o777) == 0 else {
            Interruption.unregister(building)
            throw InputError(file: path, message: "expected a writable folder, received: \(String(cString: strerror(errno)))")
        }
        do {
            try Data(marker.utf8).write(to: URL(fileURLWithPath: building + "/" + OwnedFolder.markerName))
        } catch {
            abandon(building)
            throw InputError(file: path, message: "could not be written: \(error.localizedDescription)")
        }
        return building
    }

    /// Removes a building folder after a failure.
    func abandon(_ building: String) {
        try? FileManager.default.removeItem(atPath: building)
        Interruption.unregister(building)
    }

    /// Puts the finished building folder in place of the target and removes the previous report.
    /// - Throws: `InputError` when the target became something NNLab must not replace meanwhile.
    func replace(with building: String) throws(InputError) {
        defer { Interruption.unregister(building) }
        if nnlab_rename_noreplace(building, target) == 0 { return }
        let firstError = errno
        guard firstError == EEXIST || firstError == ENOTEMPTY || firstError == ENOSYS || firstError == EINVAL else {
            abandon(building)
            throw InputError(file: path, message: "could not be written: \(String(cString: strerror(firstError)))")
        }
        // It exists (another run may have just written it): replace it only if NNLab wrote it.
        guard PathStatus.of(target) == .directory, OwnedFolder.isMarked(target) else {
            if PathStatus.of(target) != .missing || firstError == EEXIST {
                abandon(building)
                throw InputError(file: path, message: "not replaced: it became a folder NNLab did not write while the report was built")
            }
            try fallbackRename(building)
            return
        }
        if nnlab_rename_exchange(building, target) == 0 {
            // `building` now holds the previous report.
            try? FileManager.default.removeItem(atPath: building)
            return
        }
        try fallbackRename(building)
    }

    /// For file systems without renameat2: move the previous report aside, move the new one in, remove the old.
    private func fallbackRename(_ building: String) throws(InputError) {
        let previous = parent + "/" + previousPrefix + String(getpid())
        let existed = PathStatus.of(target) != .missing
        if existed {
            // Not registered for removal on Ctrl-C: a killed run leaves it for the next run to remove.
            guard rename(target, previous) == 0 else {
                abandon(building)
                throw InputError(file: path, message: "could not be replaced: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(building, target) == 0 else {
            let reason = String(cString: strerror(errno))
            if existed { _ = rename(previous, target) }
            abandon(building)
            throw InputError(file: path, message: "could not be replaced: \(reason)")
        }
        if existed { try? FileManager.default.removeItem(atPath: previous) }
    }
}
