@testable import CadreServer
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// The scenario routes, without a socket: uploads (zip and loose files) and every way they are refused, details,
/// variants, deletion, and the same-site rules every route obeys.
final class ScenarioRouteTests: XCTestCase {
    private var harness: WorkspaceHarness!

    override func setUpWithError() throws {
        harness = try WorkspaceHarness()
        harness.configuration.startsWithSample = false
    }

    override func tearDown() { harness.remove() }

    private func upload(_ client: some TestClientProtocol, name: String, files: [(String, Data)]) async throws -> TestResponse {
        var form = Multipart()
        form.field("name", name)
        for (filename, data) in files { form.file("files", filename: filename, data) }
        return try await client.execute(uri: "/api/scenarios", method: .post, headers: [.contentType: form.contentType], body: form.bytes)
    }

    func testANewWorkspaceStartsWithTheSampleProvinceAndSaysItIsHealthy() async throws {
        harness.configuration.startsWithSample = true
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/api/health", method: .get)
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(health.object["status"] as? String, "ok")
            XCTAssertEqual(health.object["solver"] as? String, "GLPK 5.0")
            let list = try await client.execute(uri: "/api/scenarios", method: .get).array
            XCTAssertEqual(list.map { $0["name"] as? String }, ["quang-ngai-2022", "quang-ngai-2026"])
            XCTAssertEqual(list.map { $0["officials"] as? Int }, [5_300, 3_600])
            XCTAssertEqual(list.map { $0["problems"] as? Int }, [0, 0])
            let spec = try await client.execute(uri: "/api/openapi.yaml", method: .get)
            XCTAssertTrue(spec.text.contains("/api/runs/{id}/events"))
        }
        // The workspace's samples are the shipped ones, file for file (the shipped folders add READMEs and walkthroughs).
        for sample in ["quang-ngai-2022", "quang-ngai-2026"] {
            let folder = harness.configuration.workspace.appendingPathComponent("scenarios/\(sample)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            XCTAssertFalse(files.isEmpty)
            for file in files {
                let shipped = WorkspaceHarness.scenarios.appendingPathComponent("\(sample)/\(file)")
                XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(file)), try Data(contentsOf: shipped), "\(sample)/\(file)")
            }
        }
    }

    func testAZipOfTheSmallScenarioIsInstalledAndDescribed() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let created = try await upload(client, name: "nho", files: [("small.zip", try WorkspaceHarness.smallZip())])
            XCTAssertEqual(created.status, .created, created.text)
            XCTAssertEqual(created.object["name"] as? String, "nho")
            XCTAssertTrue(FileManager.default.fileExists(atPath: harness.workspace.appendingPathComponent("scenarios/nho/small.yaml").path),
                          "the zip's single folder is lifted into the scenario's folder")
            let details = try await client.execute(uri: "/api/scenarios/nho", method: .get).object
            XCTAssertEqual(details["officials"] as? Int, 300)
            XCTAssertEqual(details["base_year"] as? Int, 2022)
            XCTAssertEqual((details["budget"] as? [String: Any])?["2026"] as? Double, 150_000_000)
            let courses = details["courses"] as? [[String: Any]] ?? []
            XCTAssertFalse(courses.isEmpty)
            XCTAssertNotNil(courses.first?["seats"] as? Int)
            XCTAssertEqual((details["targets"] as? [Any])?.count, 28)

            let again = try await upload(client, name: "nho", files: [("small.zip", try WorkspaceHarness.smallZip())])
            XCTAssertEqual(again.status, .conflict)
            XCTAssertNotNil(again.object["error"] as? String)
        }
    }

    func testLooseFilesAreInstalledTooAndABadRowIsNamedByFileLineAndColumn() async throws {
        let folder = WorkspaceHarness.scenarios.appendingPathComponent("small")
        let original = try String(contentsOf: folder.appendingPathComponent("officials.csv"), encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        lines[3] = lines[3].replacingOccurrences(of: ",male,", with: ",both,").replacingOccurrences(of: ",female,", with: ",both,")
        let officials = lines.joined(separator: "\n")
        let files = try ["small.yaml", "courses.csv", "targets.csv"].map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let refused = try await upload(client, name: "bad", files: files + [("officials.csv", Data(officials.utf8))])
            XCTAssertEqual(refused.status, .unprocessableContent)
            let problems = refused.object["problems"] as? [[String: Any]] ?? []
            let gender = problems.first { ($0["column"] as? String) == "gender" }
            XCTAssertEqual(gender?["file"] as? String, "officials.csv", "\(problems)")
            XCTAssertEqual(gender?["line"] as? Int, 4)
            XCTAssertFalse(FileManager.default.fileExists(atPath: harness.workspace.appendingPathComponent("scenarios/bad").path),
                           "a scenario that does not read is not kept")

            let good = try await upload(client, name: "good", files: files + [("officials.csv", try Data(contentsOf: folder.appendingPathComponent("officials.csv")))])
            XCTAssertEqual(good.status, .created, good.text)
        }
    }

    func testHostileUploadsAreRefusedWithoutTouchingTheDisk() async throws {
        harness.configuration.maxUploadBytes = 2_000_000
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        let yaml = try Data(contentsOf: WorkspaceHarness.scenarios.appendingPathComponent("small/small.yaml"))
        try await app.test(.router) { client in
            let climbing = try await upload(client, name: "a", files: [("a.zip", try WorkspaceHarness.zip([("../../evil.yaml", yaml)]))])
            XCTAssertEqual(climbing.status, .unprocessableContent)
            let absolute = try await upload(client, name: "b", files: [("b.zip", try WorkspaceHarness.zip([("/tmp/evil.yaml", yaml)]))])
            XCTAssertEqual(absolute.status, .unprocessableContent)
            let linked = try await upload(client, name: "c", files: [("c.zip", try WorkspaceHarness.zip([("c.yaml", yaml)], symlink: "officials.csv"))])
            XCTAssertEqual(linked.status, .unprocessableContent)
            XCTAssertTrue((linked.object["error"] as? String ?? "").contains("link"))

            // 300 MB of zeros packs into well under the upload limit; it must be refused, not unpacked.
            let bomb = try WorkspaceHarness.zip([("bomb.csv", Data(count: 300_000_000))])
            XCTAssertLessThan(bomb.count, 2_000_000)
            let bombed = try await upload(client, name: "d", files: [("d.zip", bomb)])
            XCTAssertEqual(bombed.status, .unprocessableContent)
            let staged = try FileManager.default.contentsOfDirectory(atPath: harness.workspace.appendingPathComponent(".staging").path)
            XCTAssertEqual(staged, [], "nothing of a refused upload stays on disk")

            let outside = Data("name: e\nbase_year: 2022\nhorizon: 2030\nofficials: /etc/passwd\ncourses: c.csv\ntargets: t.csv\n".utf8)
            let escaping = try await upload(client, name: "e", files: [("e.yaml", outside)])
            XCTAssertEqual(escaping.status, .unprocessableContent)
            XCTAssertFalse(escaping.text.contains("root:"), "the server's files never show in a message")

            let oddName = try await upload(client, name: "f", files: [("../../f.sh", yaml)])
            XCTAssertEqual(oddName.status, .unprocessableContent)
            let badName = try await upload(client, name: "../g", files: [("g.yaml", yaml)])
            XCTAssertEqual(badName.status, .badRequest)
            let notMultipart = try await client.execute(uri: "/api/scenarios", method: .post, headers: [.contentType: "application/json"], body: jsonBody([:]))
            XCTAssertEqual(notMultipart.status, .badRequest)
            let noFiles = try await upload(client, name: "h", files: [])
            XCTAssertEqual(noFiles.status, .badRequest)

            var large = Multipart()
            large.field("name", "big")
            large.file("files", filename: "big.csv", Data(count: 2_500_000))
            let tooLarge = try await client.execute(uri: "/api/scenarios", method: .post,
                                                    headers: [.contentType: large.contentType, .contentLength: String(large.bytes.readableBytes)], body: large.bytes)
            XCTAssertEqual(tooLarge.status, .contentTooLarge)
            XCTAssertNotNil(tooLarge.object["error"] as? String)
        }
    }

    func testAVariantExtendsItsScenarioWithTheChangedBudgetSeatsAndCosts() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            _ = try await upload(client, name: "small", files: [("small.zip", try WorkspaceHarness.smallZip())])
            let made = try await client.execute(uri: "/api/scenarios/small/variants", method: .post, headers: [.contentType: "application/json"],
                                                body: jsonBody(["name": "small-x1.2", "budget": ["2022": 252_000_000, "2030": 180_000_000],
                                                                "seats": ["TC-LLCT": 40], "costs": ["TC-LLCT": 16_000_000]]))
            XCTAssertEqual(made.status, .created, made.text)
            let yaml = try String(contentsOf: harness.workspace.appendingPathComponent("scenarios/small-x1.2/small-x1.2.yaml"), encoding: .utf8)
            XCTAssertTrue(yaml.contains("extends: \"../small/small.yaml\""), yaml)
            let details = try await client.execute(uri: "/api/scenarios/small-x1.2", method: .get).object
            let budget = details["budget"] as? [String: Double] ?? [:]
            XCTAssertEqual(budget["2022"], 252_000_000)
            XCTAssertEqual(budget["2025"], 210_000_000, "years not given keep the original's budget")
            let course = (details["courses"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "TC-LLCT" }
            XCTAssertEqual(course?["seats"] as? Int, 40)
            XCTAssertEqual(course?["cost"] as? Double, 16_000_000)
            XCTAssertEqual(details["extends"] as? String, "small")

            let duplicate = try await client.execute(uri: "/api/scenarios/small/variants", method: .post, headers: [.contentType: "application/json"],
                                                     body: jsonBody(["name": "small-x1.2"]))
            XCTAssertEqual(duplicate.status, .conflict)
            let unknownCourse = try await client.execute(uri: "/api/scenarios/small/variants", method: .post, headers: [.contentType: "application/json"],
                                                         body: jsonBody(["name": "v2", "seats": ["NO-SUCH": 3]]))
            XCTAssertEqual(unknownCourse.status, .unprocessableContent, unknownCourse.text)
            XCTAssertFalse(FileManager.default.fileExists(atPath: harness.workspace.appendingPathComponent("scenarios/v2").path))
            let negative = try await client.execute(uri: "/api/scenarios/small/variants", method: .post, headers: [.contentType: "application/json"],
                                                    body: jsonBody(["name": "v3", "budget": ["2022": -5]]))
            XCTAssertEqual(negative.status, .badRequest)
            let noBase = try await client.execute(uri: "/api/scenarios/none/variants", method: .post, headers: [.contentType: "application/json"],
                                                  body: jsonBody(["name": "v4"]))
            XCTAssertEqual(noBase.status, .notFound)
            let notJSON = try await client.execute(uri: "/api/scenarios/small/variants", method: .post, headers: [.contentType: "application/json"],
                                                   body: ByteBuffer(string: "budget?"))
            XCTAssertEqual(notJSON.status, .badRequest)

            let inUse = try await client.execute(uri: "/api/scenarios/small", method: .delete)
            XCTAssertEqual(inUse.status, .conflict, "a scenario a variant extends stays")
            let response1 = try await client.execute(uri: "/api/scenarios/small-x1.2", method: .delete)
            XCTAssertEqual(response1.status, .ok)
            let response2 = try await client.execute(uri: "/api/scenarios/small", method: .delete)
            XCTAssertEqual(response2.status, .ok)
            let response3 = try await client.execute(uri: "/api/scenarios/small", method: .get)
            XCTAssertEqual(response3.status, .notFound)
            let response4 = try await client.execute(uri: "/api/scenarios/small", method: .delete)
            XCTAssertEqual(response4.status, .notFound)
        }
    }

    func testAnOfficeListWithAnUnknownSpellingAsksForItOnceAndKeepsTheAnswer() async throws {
        let lists = WorkspaceHarness.scenarios.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/office-lists")
        let small = WorkspaceHarness.scenarios.appendingPathComponent("small")
        let list = try String(contentsOf: lists.appendingPathComponent("small-list.csv"), encoding: .utf8)
            .replacingOccurrences(of: ",Trung cấp LLCT,", with: ",Trung học chính trị,")
        var yaml = try String(contentsOf: small.appendingPathComponent("small.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "officials: officials.csv", with: "officials: small-list.csv\ncommunes: communes.csv")
        let files: [(String, Data)] = [
            ("small.yaml", Data(yaml.utf8)), ("small-list.csv", Data(list.utf8)),
            ("communes.csv", try Data(contentsOf: lists.appendingPathComponent("communes.csv"))),
            ("courses.csv", try Data(contentsOf: small.appendingPathComponent("courses.csv"))),
            ("targets.csv", try Data(contentsOf: small.appendingPathComponent("targets.csv"))),
        ]
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let asked = try await upload(client, name: "danh-sach", files: files)
            XCTAssertEqual(asked.status, .unprocessableContent, asked.text)
            let unread = asked.object["unread_values"] as? [[String: Any]] ?? []
            XCTAssertEqual(unread.count, 1, "one question for a spelling on many rows: \(asked.text.prefix(600))")
            XCTAssertEqual(unread.first?["value"] as? String, "Trung học chính trị")
            XCTAssertEqual(unread.first?["field"] as? String, "political_theory")
            XCTAssertEqual((asked.object["choices"] as? [String: [String]])?["political_theory"],
                           ["none", "elementary", "intermediate", "advanced"])

            var form = Multipart()
            form.field("name", "danh-sach")
            form.field("mapping", #"{"values": {"political_theory": {"Trung học chính trị": "intermediate"}}}"#)
            for (filename, data) in files { form.file("files", filename: filename, data) }
            let accepted = try await client.execute(uri: "/api/scenarios", method: .post, headers: [.contentType: form.contentType], body: form.bytes)
            XCTAssertEqual(accepted.status, .created, accepted.text)
            let kept = try String(contentsOf: harness.workspace.appendingPathComponent("scenarios/danh-sach/small.yaml"), encoding: .utf8)
            XCTAssertTrue(kept.contains("values:\n  \"political_theory\":\n    \"Trung học chính trị\": \"intermediate\""), kept)
            let details = try await client.execute(uri: "/api/scenarios/danh-sach", method: .get).object
            XCTAssertEqual(details["officials"] as? Int, 300)
        }
    }

    func testOtherSitesCannotDriveTheWorkspace() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let crossSite = try await client.execute(uri: "/api/scenarios/x/variants", method: .post,
                                                     headers: [.contentType: "application/json", .origin: "http://evil.example"], body: jsonBody(["name": "y"]))
            XCTAssertEqual(crossSite.status, .forbidden)
            let sameSite = try await client.execute(uri: "/api/scenarios/x/variants", method: .post,
                                                    headers: [.contentType: "application/json", .origin: "http://localhost:8080"], body: jsonBody(["name": "y"]))
            XCTAssertEqual(sameSite.status, .notFound, "same origin passes the check and reaches the route")
            let page = try await client.execute(uri: "/", method: .get)
            XCTAssertEqual(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'"), true)
            XCTAssertEqual(page.headers[.init("X-Content-Type-Options")!], "nosniff")
            XCTAssertTrue(page.text.contains("/assets/app.js"))
            XCTAssertFalse(page.text.contains("<script>"), "no inline script")
            let script = try await client.execute(uri: "/assets/app.js", method: .get)
            XCTAssertFalse(script.text.contains("innerHTML"), "pages build elements, never HTML strings")
            let missing = try await client.execute(uri: "/api/nothing", method: .get)
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertNotNil(missing.object["error"] as? String)
        }
    }

    func testARequestForAnotherHostIsMisdirected() throws {
        let middleware = SameSiteMiddleware<WorkspaceContext>(host: "127.0.0.1", port: 8080)
        XCTAssertTrue(middleware.allowedHosts.contains("localhost:8080"))
        XCTAssertTrue(middleware.allowedHosts.contains("127.0.0.1"))
        XCTAssertFalse(middleware.allowedHosts.contains("evil.example:8080"))
        XCTAssertFalse(middleware.allowedHosts.contains("127.0.0.1:9090"))
    }
}
