import Foundation
import Hummingbird
import Logging

/// How `cadreplan serve` was started.
public struct ServerConfiguration: Sendable {
    public var workspace: URL
    public var host: String
    public var port: Int
    /// The `cadreplan` executable the runs are children of.
    public var engine: URL
    /// Largest request body accepted; larger uploads get 413.
    public var maxUploadBytes: Int
    /// Solves running at once; the rest wait in the queue.
    public var solveSlots: Int
    /// The accounts; nil: no sign-in, loopback only.
    public var usersFile: URL?
    public var version: String
    /// A new workspace starts with the sample province (tests of other things leave it out: it takes a while).
    public var startsWithSample = true

    public init(workspace: URL, host: String = "127.0.0.1", port: Int = 8080, engine: URL,
                maxUploadBytes: Int = 50 * 1_000_000, solveSlots: Int = ProcessInfo.processInfo.activeProcessorCount,
                version: String) {
        self.workspace = workspace
        self.host = host
        self.port = port
        self.engine = engine
        self.maxUploadBytes = maxUploadBytes
        self.solveSlots = solveSlots
        self.version = version
    }

    /// Only loopback may be served without accounts.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }
}

/// What every request sees.
public struct WorkspaceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is asking, once signed in.
    var identity = Identity.local
    /// The peer's address, for slowing down guessed passwords.
    let client: String

    public init(source: Source) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// The school's web workspace: the pages, the JSON API, and the queue of `cadreplan` children.
public final class WorkspaceServer: Sendable {
    let configuration: ServerConfiguration
    let workspace: Workspace
    let database: WorkspaceDatabase
    let runs: RunManager
    let catalog: ScenarioCatalog
    let store: ScenarioStore
    let accounts: Accounts?
    let tables = CSVPages()

    public init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        workspace = Workspace(root: configuration.workspace)
        try workspace.prepare(withSample: configuration.startsWithSample)
        database = try WorkspaceDatabase(path: workspace.database)
        runs = RunManager(workspace: workspace, database: database, engine: configuration.engine, slots: configuration.solveSlots)
        catalog = ScenarioCatalog(workspace: workspace)
        store = ScenarioStore(workspace: workspace, zipLimits: ZipLimits())
        accounts = configuration.usersFile.map { Accounts(file: UsersFile(path: $0)) }
    }

    /// The application, for `run` and for route tests.
    public func application() async throws -> some ApplicationProtocol {
        try await runs.resume()
        var logger = Logger(label: "cadreplan-serve")
        logger.logLevel = .notice
        return Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cadreplan"),
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM; the runs still going are then ended and shown as interrupted next time.
    public func run() async throws {
        let app = try await application()
        do {
            try await app.runService()
        } catch {
            await runs.shutdown()
            throw error
        }
        await runs.shutdown()
    }

    func router() -> Router<WorkspaceContext> {
        let router = Router(context: WorkspaceContext.self)
        router.add(middleware: SameSiteMiddleware(host: configuration.host, port: configuration.port))
        router.add(middleware: ErrorShapeMiddleware(maxUploadBytes: configuration.maxUploadBytes))
        if let accounts { router.add(middleware: AuthenticationMiddleware(accounts: accounts, database: database)) }
        addPageRoutes(router)
        addSessionRoutes(router)
        addScenarioRoutes(router)
        addRunRoutes(router)
        router.get("/api/health") { _, _ in
            JSONResponse.make(["status": "ok", "version": self.configuration.version, "solver": "GLPK 5.0"])
        }
        router.get("/api/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.text)))
        }
        router.get("/api/audit") { request, context in
            guard context.identity.role == .planner else { throw APIError(.forbidden, "the audit trail is for planners") }
            let limit = request.uri.queryParameters.get("limit", as: Int.self).map { min(max(1, $0), 10_000) } ?? 500
            let entries = try self.database.auditTrail(limit: limit).map { entry -> [String: Any] in
                ["id": entry.id, "at": entry.at, "user": entry.user ?? NSNull(), "action": entry.action,
                 "target": entry.target, "detail": entry.detail ?? NSNull()]
            }
            return JSONResponse.make(entries)
        }
        return router
    }

    /// The request's body, refused with 413 past the limit before more of it is read.
    func body(of request: Request) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxUploadBytes {
            throw APIError(.contentTooLarge, "the upload is larger than \(configuration.maxUploadBytes / 1_000_000) MB")
        }
        return try await request.body.collect(upTo: configuration.maxUploadBytes)
    }

    func jsonBody(of request: Request) async throws -> [String: Any] {
        let buffer = try await body(of: request)
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] else {
            throw APIError(.badRequest, "expected a JSON object")
        }
        return object
    }

    /// Who made the request, for the audit trail and the runs.
    func user(_ context: WorkspaceContext) -> String? { context.identity.name }
}
