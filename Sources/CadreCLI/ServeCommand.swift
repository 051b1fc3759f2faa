import ArgumentParser
import CadreServer
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the school's web workspace: scenarios, runs with live progress, what-if edits, reports and downloads.")

    @Option(name: .long, help: "The workspace folder (made, with the sample province, when new).")
    var workspace: String

    @Option(name: .long, help: "Address to listen on; anything but loopback needs --users.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port = 8080

    @Option(name: .long, help: "The accounts (cadreplan users add); without it only loopback is served, to one planner.")
    var users: String?

    @Option(name: .long, help: "Largest upload in MB; larger ones are refused with 413.")
    var maxUploadMb = 50

    @Option(name: .long, help: "Solves run at once; the rest wait in the queue (default: one per core).")
    var solves: Int?

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
        guard maxUploadMb >= 1, maxUploadMb <= 10_000 else { throw ValidationError("--max-upload-mb must be from 1 to 10000") }
        if let solves, solves < 1 { throw ValidationError("--solves must be at least 1") }
    }

    func run() throws {
        var settings = ServerConfiguration(
            workspace: URL(fileURLWithPath: workspace), host: host, port: port, engine: ThisExecutable.url,
            maxUploadBytes: maxUploadMb * 1_000_000, version: CadrePlanCommand.version)
        if let solves { settings.solveSlots = solves }
        if let users {
            let file = URL(fileURLWithPath: users)
            guard try !UsersFile(path: file).users().isEmpty else {
                throw CLIError.usage("\(users) has no accounts yet: add one with cadreplan users add NAME --role planner --users \(users)")
            }
            settings.usersFile = file
        }
        guard settings.isLoopback || settings.usersFile != nil else {
            throw CLIError.usage("--host \(host) would share officials' personal data on the network: "
                + "serving anything but loopback needs --users FILE (see cadreplan users add)")
        }
        let server: WorkspaceServer
        do {
            server = try WorkspaceServer(configuration: settings)
        } catch {
            throw CLIError.usage("cannot open the workspace \(workspace): \(error.localizedDescription)")
        }
        print("CadrePlan workspace \(URL(fileURLWithPath: workspace).standardizedFileURL.path) at http://\(host):\(port)/")
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        Task {
            do { try await server.run() } catch { outcome.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw CLIError.usage("the workspace server stopped: \(error)") }
    }
}

/// The server task's error, read once the task has signalled.
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
