import Foundation

/// Why an output was not written. The refusals protect what the user may not mean to lose (their arguments are
/// at fault); `cannotWrite` is the file system saying no to a write that was allowed.
public enum OutputError: Error, LocalizedError, CustomStringConvertible, Sendable {
    case holdsInput(folder: String, input: String)
    case notAFolder(String)
    /// The folder exists and has no `OutputFolder.markerName`: it may be someone's other work.
    case notWrittenByCadreplan(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .holdsInput(folder, input):
            "refusing to write into \(quoted(folder)): it holds the input file \(quoted(input))"
        case let .notAFolder(path):
            "refusing to write into \(quoted(path)): it is a file, not a folder"
        case let .notWrittenByCadreplan(path):
            "refusing to replace \(quoted(path)): it was not written by cadreplan (no \(OutputFolder.markerName) in it); "
                + "choose another --out folder or remove it"
        case let .cannotWrite(path, reason):
            "cannot write \(quoted(path)): \(reason)"
        }
    }

    public var errorDescription: String? { description }

    /// A write to `path` the file system refused. Foundation's own message is often only "The operation could not
    /// be completed"; the system's reason underneath ("Not a directory", "No space left on device") is what the
    /// user can act on.
    public init(writing path: String, failedWith error: Error) {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        self = .cannotWrite(path: path, reason: underlying?.localizedDescription ?? error.localizedDescription)
    }
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
                throw OutputError.holdsInput(folder: path, input: input)
            }
        }
        var isFolder: ObjCBool = false
        let exists = fileManager.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue {
            throw OutputError.notAFolder(path)
        }
        if exists && !force && !fileManager.fileExists(atPath: target.appendingPathComponent(Self.markerName).path) {
            throw OutputError.notWrittenByCadreplan(path)
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
            throw OutputError(writing: path, failedWith: error)
        }
    }
}

/// One file written beside the runs of `compare` or `sweep` (their tables and pages, a sweep's scenario files):
/// whole or not at all, since it is written to a temporary file that is then renamed into place.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        let file = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
        } catch {
            throw OutputError(writing: path, failedWith: error)
        }
    }
}
