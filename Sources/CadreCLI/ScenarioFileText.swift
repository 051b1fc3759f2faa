import Foundation

/// Pieces of the scenario files `min-budget` and `sweep` write, which extend the user's scenario.

/// `file` as a path relative to `folder`, the way `extends` reads it.
func relativePath(to file: String, from folder: String) -> String {
    let from = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().pathComponents
    let to = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().pathComponents
    var common = 0
    while common < min(from.count, to.count - 1) && from[common] == to[common] { common += 1 }
    return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
}

func yamlString(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
