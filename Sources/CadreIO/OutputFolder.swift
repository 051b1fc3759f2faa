import Foundation

/// Why an output folder was not written.
public struct OutputFolderError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}

/// A folder of outputs written as a whole: the files go into a temporary sibling folder, which is then renamed
/// into place, so nobody ever sees half of a new output or a mix of old and new files.
///
/// A folder written here holds the marker file `.cadreplan-output`; only such a folder is ever replaced, so a
/// mistyped `--out` cannot wipe out a folder of other work (unless `force` is given). A folder holding an input
/// file is never replaced, `force` or not.
public struct OutputFolder: Sendable {
    public static let markerName = ".cadreplan-output"

    public let path: String

    public init(path: String) { self.path = path }

    /// Held while an output is swapped into place; `abandonWrites` takes it for good.
    private static let swapping = NSLock()
    /// Staging folders being filled, by path; guarded by `swapping`.
    nonisolated(unsafe) private static var staged: Set<String> = []

    /// For a process about to leave at once (a second stop signal): waits for a swap under way, so that no target
    /// is left moved aside, stops any later one, and removes the staging folders being filled. Never returns the
    /// lock: whatever writes next in this process leaves its target as it was.
    public static func abandonWrites() {
        swapping.lock()
        for path in staged { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Writes `files` (relative path → contents; subfolders are made as needed) as the whole content of the folder.
    /// `inputFiles` are the files the outputs were made from: the folder may not hold any of them.
    ///
    /// When a previous output is replaced, it is first renamed aside, then the new folder is renamed into place,
    /// then the old one is removed. A crash between the two renames leaves the old output whole in
    /// `.<name>.old-<id>` and the new one whole in `.<name>.new-<id>`, next to the folder.
    public func write(_ files: [String: Data], inputFiles: [String], force: Bool = false) throws {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let canonicalTarget = target.resolvingSymlinksInPath().path

        for input in inputFiles where !input.isEmpty {
            let folder = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent().path
            if folder == canonicalTarget || folder.hasPrefix(canonicalTarget.hasSuffix("/") ? canonicalTarget : canonicalTarget + "/") {
                throw OutputFolderError(message: "refusing to write into \(quoted(path)): it holds the input file \(quoted(input))")
            }
        }
        var isFolder: ObjCBool = false
        let exists = fileManager.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue {
            throw OutputFolderError(message: "refusing to write into \(quoted(path)): it is a file, not a folder")
        }
        if exists && !force && !fileManager.fileExists(atPath: target.appendingPathComponent(Self.markerName).path) {
            throw OutputFolderError(message:
                "refusing to replace \(quoted(path)): it was not written by cadreplan (no \(Self.markerName) in it); "
                + "choose another --out folder or remove it")
        }

        let parent = target.deletingLastPathComponent()
        let id = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(id)")
        let aside = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(id)")
        Self.swapping.lock()
        Self.staged.insert(staging.path)
        Self.swapping.unlock()
        defer {
            Self.swapping.lock()
            Self.staged.remove(staging.path)
            Self.swapping.unlock()
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            var contents = files
            contents[Self.markerName] = Data("Written by cadreplan. This folder is replaced as a whole by the next run.\n".utf8)
            for (relativePath, data) in contents.sorted(by: { $0.key < $1.key }) {
                let file = staging.appendingPathComponent(relativePath)
                try fileManager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: file)
            }
            Self.swapping.lock()
            defer { Self.swapping.unlock() }
            if exists {
                try fileManager.moveItem(at: target, to: aside)
                do {
                    try fileManager.moveItem(at: staging, to: target)
                } catch {
                    try? fileManager.moveItem(at: aside, to: target)
                    throw error
                }
                // The new output is in place; an old copy left behind does not undo that.
                try? fileManager.removeItem(at: aside)
            } else {
                try fileManager.moveItem(at: staging, to: target)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw OutputFolderError(message: "cannot write \(quoted(path)): \(error.localizedDescription)")
        }
    }
}
