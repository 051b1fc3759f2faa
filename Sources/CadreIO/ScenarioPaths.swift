import Foundation

/// Paths named inside scenario files. They stay in the form the user gave (relative stays relative), so that
/// messages name files the way the user knows them.
enum ScenarioPaths {
    /// `path` taken relative to the folder holding `file`, unless it is absolute.
    static func join(_ path: String, toFolderOf file: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }

    /// One spelling per file (absolute, symbolic links resolved), to tell whether two paths are the same file.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The file's bytes, or why they cannot be had.
    static func contents(of path: String) -> Result<Data, ReadFailure> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return .failure(ReadFailure(reason: "no such file"))
        }
        if isFolder.boolValue { return .failure(ReadFailure(reason: "it is a folder, not a file")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadFailure(reason: "it cannot be read (permissions?)"))
        }
        return .success(data)
    }

    struct ReadFailure: Error { let reason: String }
}
