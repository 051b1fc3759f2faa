import Foundation

/// The `cadreplan` executable running now: the workspace server starts it for every run, so runs plan exactly
/// as this command line would.
enum ThisExecutable {
    static var url: URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if proc.path != "/proc/self/exe", FileManager.default.isExecutableFile(atPath: proc.path) { return proc }
        let first = CommandLine.arguments[0]
        if first.contains("/") { return URL(fileURLWithPath: first).standardizedFileURL }
        // Started through PATH: find it there.
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(first)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: first)
    }
}
