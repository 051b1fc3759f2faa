@testable import CadreServer
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
import ZIPFoundation

/// A workspace shared with accounts: sign-in, sessions and CSRF tokens, HTTP Basic, roles, district views,
/// and the brake on guessed passwords — each enforced by the server on every route.
final class AccessRouteTests: XCTestCase {
    private var harness: WorkspaceHarness!

    override func setUpWithError() throws {
        harness = try WorkspaceHarness()
        harness.configuration.startsWithSample = false
        let users = UsersFile(path: harness.root.appendingPathComponent("users.json"))
        try users.add(name: "lan", role: .planner, districts: [], password: "planner-pass-1")
        try users.add(name: "binh", role: .viewer, districts: [], password: "viewer-pass-1")
        try users.add(name: "son", role: .viewer, districts: ["Ba Tơ"], password: "district-pass-1")
        harness.configuration.usersFile = users.path
    }

    override func tearDown() { harness.remove() }

    private func basic(_ name: String, _ password: String) -> HTTPFields {
        [.authorization: "Basic " + Data("\(name):\(password)".utf8).base64EncodedString()]
    }

    /// Signs in and returns the cookie and CSRF token.
    private func signIn(_ client: some TestClientProtocol, _ name: String, _ password: String) async throws -> (cookie: String, csrf: String) {
        let response = try await client.execute(uri: "/api/login", method: .post, headers: [.contentType: "application/json"],
                                                body: jsonBody(["name": name, "password": password]))
        XCTAssertEqual(response.status, .ok, response.text)
        let setCookie = response.headers[.setCookie] ?? ""
        XCTAssertTrue(setCookie.contains("HttpOnly"), setCookie)
        XCTAssertTrue(setCookie.contains("SameSite=Strict"), setCookie)
        return (String(setCookie.split(separator: ";")[0]), response.object["csrf"] as? String ?? "")
    }

    /// A run of the fake engine, made by the planner with HTTP Basic, once it has ended.
    private func finishedRun(_ client: some TestClientProtocol) async throws -> String {
        var form = Multipart()
        form.field("name", "small")
        form.file("files", filename: "small.zip", try WorkspaceHarness.smallZip())
        var headers = basic("lan", "planner-pass-1")
        headers[.contentType] = form.contentType
        let created = try await client.execute(uri: "/api/scenarios", method: .post, headers: headers, body: form.bytes)
        XCTAssertEqual(created.status, .created, created.text)
        var json = basic("lan", "planner-pass-1")
        json[.contentType] = "application/json"
        let run = try await client.execute(uri: "/api/runs", method: .post, headers: json,
                                           body: jsonBody(["scenario": "small", "command": "plan"]))
        let id = run.object["id"] as? String ?? "?"
        for _ in 0..<200 {
            let state = try await client.execute(uri: "/api/runs/\(id)", method: .get, headers: basic("lan", "planner-pass-1")).object["state"] as? String
            if state == "done" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return id
    }

    func testEveryRouteButHealthAndSignInNeedsAUser() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/api/health", method: .get)
            XCTAssertEqual(health.status, .ok)
            let login = try await client.execute(uri: "/login", method: .get)
            XCTAssertEqual(login.status, .ok)
            let page = try await client.execute(uri: "/runs", method: .get)
            XCTAssertEqual(page.status, .seeOther)
            XCTAssertEqual(page.headers[.location], "/login")
            let routes: [(String, HTTPRequest.Method)] = [
                ("/api/scenarios", .get), ("/api/scenarios", .post), ("/api/scenarios/small", .get), ("/api/scenarios/small", .delete),
                ("/api/scenarios/small/variants", .post), ("/api/scenarios/small/scenario.zip", .get), ("/api/runs", .get),
                ("/api/runs", .post), ("/api/runs/1", .get), ("/api/runs/1", .delete), ("/api/runs/1/events", .get),
                ("/api/runs/1/stop", .post), ("/api/runs/1/files", .get), ("/api/runs/1/files/plan.xlsx", .get),
                ("/api/runs/1/rosters.zip", .get), ("/api/runs/1/table/schedule.csv", .get), ("/api/audit", .get),
                ("/api/me", .get), ("/api/openapi.yaml", .get),
            ]
            for (uri, method) in routes {
                let response = try await client.execute(uri: uri, method: method)
                XCTAssertEqual(response.status, .unauthorized, "\(method) \(uri)")
                XCTAssertNotNil(response.object["error"] as? String, "\(method) \(uri)")
            }
            let wrong = try await client.execute(uri: "/api/runs", method: .get, headers: basic("lan", "not-the-password"))
            XCTAssertEqual(wrong.status, .unauthorized)
        }
    }

    func testASessionCookieNeedsItsCSRFTokenToChangeAnythingAndSignOutEndsIt() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let (cookie, csrf) = try await signIn(client, "lan", "planner-pass-1")
            XCTAssertEqual(csrf.count, 64)
            let me = try await client.execute(uri: "/api/me", method: .get, headers: [.cookie: cookie]).object
            XCTAssertEqual(me["name"] as? String, "lan")
            XCTAssertEqual(me["csrf"] as? String, csrf)
            let body = jsonBody(["name": "v"])
            let withoutToken = try await client.execute(uri: "/api/scenarios/none/variants", method: .post,
                                                        headers: [.cookie: cookie, .contentType: "application/json"], body: body)
            XCTAssertEqual(withoutToken.status, .forbidden)
            let wrongToken = try await client.execute(uri: "/api/scenarios/none/variants", method: .post,
                                                      headers: [.cookie: cookie, .contentType: "application/json", .init("X-CSRF-Token")!: "0"], body: body)
            XCTAssertEqual(wrongToken.status, .forbidden)
            let withToken = try await client.execute(uri: "/api/scenarios/none/variants", method: .post,
                                                     headers: [.cookie: cookie, .contentType: "application/json", .init("X-CSRF-Token")!: csrf], body: body)
            XCTAssertEqual(withToken.status, .notFound, "with its token the request reaches the route")

            let out = try await client.execute(uri: "/api/logout", method: .post, headers: [.cookie: cookie, .init("X-CSRF-Token")!: csrf])
            XCTAssertEqual(out.status, .ok)
            XCTAssertTrue(out.headers[.setCookie]?.contains("Max-Age=0") ?? false)
            let after = try await client.execute(uri: "/api/runs", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(after.status, .unauthorized, "a signed-out session opens nothing")
            let audit = try await client.execute(uri: "/api/audit", method: .get, headers: basic("lan", "planner-pass-1")).array
            XCTAssertEqual(Set(audit.compactMap { $0["action"] as? String }), ["sign in", "sign out"])
            XCTAssertEqual(Set(audit.compactMap { $0["user"] as? String }), ["lan"])
        }
    }

    func testAViewerChangesNothing() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let id = try await finishedRun(client)
            let (cookie, csrf) = try await signIn(client, "binh", "viewer-pass-1")
            let changing: [(String, HTTPRequest.Method)] = [
                ("/api/scenarios", .post), ("/api/scenarios/small", .delete), ("/api/scenarios/small/variants", .post),
                ("/api/runs", .post), ("/api/runs/\(id)/stop", .post), ("/api/runs/\(id)", .delete),
            ]
            for (uri, method) in changing {
                let viaSession = try await client.execute(uri: uri, method: method, headers: [.cookie: cookie, .init("X-CSRF-Token")!: csrf])
                XCTAssertEqual(viaSession.status, .forbidden, "\(method) \(uri)")
                let viaBasic = try await client.execute(uri: uri, method: method, headers: basic("binh", "viewer-pass-1"))
                XCTAssertEqual(viaBasic.status, .forbidden, "\(method) \(uri)")
            }
            let reads = try await client.execute(uri: "/api/runs/\(id)/files/plan.xlsx", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(reads.status, .ok, "a viewer reads runs and downloads")
            let audit = try await client.execute(uri: "/api/audit", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(audit.status, .forbidden, "the audit trail is for planners")
        }
    }

    func testADistrictViewerGetsOnlyTheirDistrictsOfficials() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let id = try await finishedRun(client)
            let son = basic("son", "district-pass-1")
            let zipped = try await client.execute(uri: "/api/runs/\(id)/rosters.zip", method: .get, headers: son)
            XCTAssertEqual(zipped.status, .ok)
            let archive = try Archive(data: Data(zipped.body.readableBytesView), accessMode: .read, pathEncoding: nil)
            XCTAssertEqual(archive.map(\.path), ["rosters/2023_TC-LLCT.csv", "rosters/districts/Ba_To.xlsx"],
                           "only rosters with trainees of Ba Tơ, and Ba Tơ's own papers")
            let ownPaper = try await client.execute(uri: "/api/runs/\(id)/files/rosters/districts/Ba_To.xlsx", method: .get, headers: son)
            XCTAssertEqual(ownPaper.status, .ok)
            let otherPaper = try await client.execute(uri: "/api/runs/\(id)/files/rosters/districts/Son_Ha.xlsx", method: .get, headers: son)
            XCTAssertEqual(otherPaper.status, .forbidden)
            let intakePaper = try await client.execute(uri: "/api/runs/\(id)/files/rosters/2023_TC-LLCT.xlsx", method: .get, headers: son)
            XCTAssertEqual(intakePaper.status, .forbidden, "an intake's paper lists every district's trainees")
            let other = try await client.execute(uri: "/api/runs/\(id)/rosters.zip?district=S%C6%A1n%20H%C3%A0", method: .get, headers: son)
            XCTAssertEqual(other.status, .forbidden)
            let roster = try await client.execute(uri: "/api/runs/\(id)/files/rosters/2023_TC-LLCT.csv", method: .get, headers: son).text
            XCTAssertTrue(roster.contains("Nguyễn Văn An"))
            XCTAssertFalse(roster.contains("Trần Thị Bình"), "Sơn Hà's trainee is not shown to Ba Tơ")
            let otherRoster = try await client.execute(uri: "/api/runs/\(id)/files/rosters/2024_QLNN-CV.csv", method: .get, headers: son).text
            XCTAssertFalse(otherRoster.contains("Lê Văn Cường"))
            let workbook = try await client.execute(uri: "/api/runs/\(id)/files/plan.xlsx", method: .get, headers: son)
            XCTAssertEqual(workbook.status, .forbidden, "the workbook names every district's officials")
            let files = try await client.execute(uri: "/api/runs/\(id)/files", method: .get, headers: son).json as? [String]
            XCTAssertFalse(files?.contains("plan.xlsx") ?? true)
            let page = try await client.execute(uri: "/api/runs/\(id)/table/schedule.csv?district=S%C6%A1n%20H%C3%A0", method: .get, headers: son).object
            XCTAssertEqual(page["total"] as? Int, 0, "asking for another district's rows gives none")
            let own = try await client.execute(uri: "/api/runs/\(id)/table/schedule.csv", method: .get, headers: son).object
            XCTAssertEqual(own["total"] as? Int, 120)
            let scenario = try await client.execute(uri: "/api/scenarios/small/scenario.zip", method: .get, headers: son)
            XCTAssertEqual(scenario.status, .forbidden)
        }
    }

    func testWrongPasswordsSlowTheNextAttemptsDown() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            var seconds: [Double] = []
            for _ in 0..<5 {
                let started = Date()
                let response = try await client.execute(uri: "/api/login", method: .post, headers: [.contentType: "application/json"],
                                                        body: jsonBody(["name": "lan", "password": "guess"]))
                XCTAssertEqual(response.status, .unauthorized)
                seconds.append(Date().timeIntervalSince(started))
            }
            XCTAssertLessThan(seconds[0], 1, "the first wrong password is answered at once")
            XCTAssertGreaterThanOrEqual(seconds[3], 1, "the fourth waits a second")
            XCTAssertGreaterThanOrEqual(seconds[4], 2, "the fifth waits two")
        }
    }

    func testTheUsersFileKeepsOnlyHashes() throws {
        let text = try String(contentsOf: harness.configuration.usersFile!, encoding: .utf8)
        XCTAssertFalse(text.contains("planner-pass-1"))
        XCTAssertTrue(text.contains("$2b$10$") || text.contains("$2y$10$"), text)
        let users = try UsersFile(path: harness.configuration.usersFile!).users()
        XCTAssertEqual(users.map(\.name), ["binh", "lan", "son"])
        XCTAssertThrowsError(try UsersFile(path: harness.configuration.usersFile!).add(name: "x", role: .viewer, districts: [], password: "short"))
    }
}
