import Foundation
import Hummingbird

/// Keeps other web sites out of a planner's workspace, even on loopback with no accounts: a request whose Host
/// is not the address the server was started on is refused with 421 (a DNS-rebinding page names its own host),
/// and a state-changing request sent by a page of another origin is refused with 403. Every response carries
/// the security headers: scripts and styles from this server only, no framing, no content sniffing.
struct SameSiteMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The Host values a browser may send for this server: its address or loopback names, with the port or
    /// without it. A page elsewhere that rebinds its own name to this address still sends its own name.
    let allowedHosts: Set<String>

    init(host: String, port: Int) {
        var names: Set<String> = [host.contains(":") ? "[\(host)]" : host]
        if ["127.0.0.1", "localhost", "::1"].contains(host) { names.formUnion(["127.0.0.1", "localhost", "[::1]"]) }
        allowedHosts = names.union(names.map { "\($0):\(port)" })
    }

    static var securityHeaders: HTTPFields {
        [
            .contentSecurityPolicy: "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
            .init("X-Content-Type-Options")!: "nosniff",
            .init("X-Frame-Options")!: "DENY",
            .init("Referrer-Policy")!: "same-origin",
            .cacheControl: "no-store",
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority?.lowercased(), allowedHosts.contains(authority) else {
            throw APIError(.misdirectedRequest, "this server answers to \(allowedHosts.sorted().first ?? "its own address") only")
        }
        if Self.changesState(request.method) {
            if let origin = request.headers[.origin] {
                guard let url = URL(string: origin), let host = url.host, url.scheme == "http",
                      allowedHosts.contains(Self.hostAndPort(host: host, port: url.port ?? 80))
                else { throw APIError(.forbidden, "a page of another site (\(origin)) may not change this workspace") }
            } else if request.headers[.init("Sec-Fetch-Site")!] == "cross-site" {
                throw APIError(.forbidden, "a page of another site may not change this workspace")
            }
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for field in Self.securityHeaders where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        ![.get, .head, .options].contains(method)
    }

    private static func hostAndPort(host: String, port: Int) -> String {
        (host.contains(":") ? "[\(host)]" : host).lowercased() + ":\(port)"
    }
}
