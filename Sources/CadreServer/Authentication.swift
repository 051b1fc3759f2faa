import Foundation
import Hummingbird
import HummingbirdBcrypt

/// Who is asking. Without a users file the workspace is one planner's, on loopback only.
enum Identity: Sendable {
    case local
    case user(WorkspaceUser, csrf: String?)

    var name: String? {
        if case .user(let user, _) = self { return user.name }
        return nil
    }

    var role: Role {
        if case .user(let user, _) = self { return user.role }
        return .planner
    }

    /// The districts whose officials this identity may see; nil: every district.
    var districts: Set<String>? {
        if case .user(let user, _) = self, user.isDistrictViewer { return Set(user.districts) }
        return nil
    }
}

/// The accounts of the users file, re-read when the file changes, and the brake on guessing: after three wrong
/// passwords for a name, or from one address, each further attempt waits 1, 2, 4 … up to 30 seconds before it is
/// answered, for a quarter of an hour.
actor Accounts {
    private let file: UsersFile
    private var loaded: (stamp: Date?, users: [WorkspaceUser]) = (nil, [])
    private var failures: [String: (count: Int, last: Date)] = [:]
    private static let freeAttempts = 3
    private static let longestWait = 30.0
    private static let memory = 15.0 * 60

    init(file: UsersFile) {
        self.file = file
    }

    func user(named name: String) -> WorkspaceUser? {
        refresh()
        return loaded.users.first { $0.name == name }
    }

    /// The user when the password is theirs; nil otherwise, after the wait earned by earlier failures.
    func verify(name: String, password: String, client: String) async -> WorkspaceUser? {
        let keys = ["name:\(name)", "client:\(client)"]
        let wait = keys.map { delay(for: $0) }.max() ?? 0
        if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
        refresh()
        // A missing user costs a hash check too, so that timing does not tell which names exist.
        let user = loaded.users.first { $0.name == name }
        let matches = Bcrypt.verify(password, hash: user?.hash ?? Self.decoyHash)
        guard let user, matches else {
            let now = Date()
            for key in keys {
                let previous = failures[key].flatMap { now.timeIntervalSince($0.last) < Self.memory ? $0.count : nil } ?? 0
                failures[key] = (previous + 1, now)
            }
            return nil
        }
        for key in keys { failures[key] = nil }
        return user
    }

    private func delay(for key: String) -> Double {
        guard let failure = failures[key], Date().timeIntervalSince(failure.last) < Self.memory,
              failure.count >= Self.freeAttempts else { return 0 }
        return min(Self.longestWait, pow(2, Double(failure.count - Self.freeAttempts)))
    }

    private func refresh() {
        let stamp = (try? FileManager.default.attributesOfItem(atPath: file.path.path))?[.modificationDate] as? Date
        guard stamp != loaded.stamp || stamp == nil else { return }
        loaded = (stamp, (try? file.users()) ?? loaded.users)
    }

    private static let decoyHash = Bcrypt.hash("decoy password of no account", cost: UsersFile.cost)
}

/// Sign-in for a workspace with a users file: a session cookie (HttpOnly, SameSite=Strict) from `POST /api/login`,
/// or HTTP Basic for scripts. Every route but the health check, the sign-in page and its assets needs one; a
/// state-changing request made with the cookie must carry the session's CSRF token; a viewer changes nothing.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext
    let accounts: Accounts
    let database: WorkspaceDatabase

    static let cookieName = "cadreplan_session"
    static let openRoutes: Set<String> = ["GET /api/health", "GET /login", "POST /api/login", "GET /assets/app.js", "GET /assets/app.css"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let changes = SameSiteMiddleware<Context>.changesState(request.method)
        if Self.openRoutes.contains("\(request.method) \(request.uri.path)") { return try await next(request, context) }
        if let token = Self.cookie(Self.cookieName, in: request), let session = try database.session(token: token),
           let user = await accounts.user(named: session.user) {
            if changes && request.headers[.init("X-CSRF-Token")!] != session.csrf {
                throw APIError(.forbidden, "the request lacks this page's CSRF token: reload the page")
            }
            context.identity = .user(user, csrf: session.csrf)
        } else if let (name, password) = Self.basicCredentials(request) {
            guard let user = await accounts.verify(name: name, password: password, client: context.client) else {
                throw APIError(.unauthorized, "wrong name or password")
            }
            context.identity = .user(user, csrf: nil)
        } else if request.method == .get && !request.uri.path.hasPrefix("/api/") {
            return Response(status: .seeOther, headers: [.location: "/login"])
        } else {
            throw APIError(.unauthorized, "sign in first")
        }
        if changes && context.identity.role == .viewer && request.uri.path != "/api/logout" {
            throw APIError(.forbidden, "a viewer reads runs and downloads; planning needs a planner's account")
        }
        return try await next(request, context)
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name { return parts[1] }
            }
        }
        return nil
    }

    static func basicCredentials(_ request: Request) -> (String, String)? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// 32 random bytes as hex, for session tokens and CSRF tokens.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

extension WorkspaceServer {
    /// How long a sign-in lasts.
    static let sessionSeconds = 12.0 * 3600

    func addSessionRoutes(_ router: Router<WorkspaceContext>) {
        router.post("/api/login") { request, context in
            guard let accounts = self.accounts else { throw APIError(.notFound, "this workspace has no accounts: it serves loopback only") }
            let json = try await self.jsonBody(of: request)
            guard let name = json["name"] as? String, let password = json["password"] as? String else {
                throw APIError(.badRequest, "send {\"name\", \"password\"}")
            }
            guard let user = await accounts.verify(name: name, password: password, client: context.client) else {
                self.database.audit(user: name, action: "sign-in failed", target: "session")
                throw APIError(.unauthorized, "wrong name or password")
            }
            let session = StoredSession(token: AuthenticationMiddleware.randomToken(), user: user.name,
                                        csrf: AuthenticationMiddleware.randomToken(),
                                        expires: Date().timeIntervalSince1970 + Self.sessionSeconds)
            try self.database.insertSession(session)
            self.database.audit(user: user.name, action: "sign in", target: "session")
            var response = JSONResponse.make(Self.me(.user(user, csrf: session.csrf)))
            response.headers[.setCookie] = "\(AuthenticationMiddleware.cookieName)=\(session.token); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(Self.sessionSeconds))"
            return response
        }
        router.post("/api/logout") { request, context in
            if let token = AuthenticationMiddleware.cookie(AuthenticationMiddleware.cookieName, in: request) {
                try self.database.deleteSession(token: token)
            }
            self.database.audit(user: self.user(context), action: "sign out", target: "session")
            var response = JSONResponse.make(["signed_out": true])
            response.headers[.setCookie] = "\(AuthenticationMiddleware.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
            return response
        }
        router.get("/api/me") { _, context in
            JSONResponse.make(Self.me(context.identity, accounts: self.accounts != nil))
        }
    }

    static func me(_ identity: Identity, accounts: Bool = true) -> [String: Any] {
        var object: [String: Any] = ["name": identity.name ?? NSNull(), "role": identity.role.rawValue, "accounts": accounts]
        if case .user(let user, let csrf) = identity {
            object["districts"] = user.districts
            object["csrf"] = csrf ?? NSNull()
        }
        return object
    }
}
