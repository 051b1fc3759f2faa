import Foundation

/// The files given with a run — a re-plan's actuals and, across a change of the map, its reorganisation file —
/// kept under `uploads/<run id>/` with the names their users gave them: the actuals at the top, the
/// reorganisation file in `reorganisation/`, so that neither can be taken for the other whatever it is called.
struct RunUploads: Sendable {
    struct File: Sendable {
        let name: String
        let data: Data
    }

    var actuals: File?
    var reorganisation: File?

    var isEmpty: Bool { actuals == nil && reorganisation == nil }

    func write(to folder: URL) throws {
        let files = FileManager.default
        if let actuals {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            try actuals.data.write(to: folder.appendingPathComponent(actuals.name), options: .atomic)
        }
        if let reorganisation {
            let subfolder = folder.appendingPathComponent(Paths.reorganisationFolder, isDirectory: true)
            try files.createDirectory(at: subfolder, withIntermediateDirectories: true)
            try reorganisation.data.write(to: subfolder.appendingPathComponent(reorganisation.name), options: .atomic)
        }
    }

    /// Where a queued run's files are once written.
    struct Paths: Sendable {
        static let reorganisationFolder = "reorganisation"
        let actuals: URL?
        let reorganisation: URL?

        init(folder: URL) {
            actuals = Self.firstFile(in: folder)
            reorganisation = Self.firstFile(in: folder.appendingPathComponent(Self.reorganisationFolder, isDirectory: true))
        }

        private static func firstFile(in folder: URL) -> URL? {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { folder.appendingPathComponent($0) }.first { url in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && !isFolder.boolValue
            }
        }
    }
}
