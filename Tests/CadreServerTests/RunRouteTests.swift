@testable import CadreServer
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
import ZIPFoundation

/// The run routes, without a socket and with `FakeEngine` as the child: queueing, progress, the event stream,
/// stop, failures, files, rosters, tables, deletion, the audit trail, and what a restart leaves.
final class RunRouteTests: XCTestCase {
    private var harness: WorkspaceHarness!

    override func setUpWithError() throws {
        harness = try WorkspaceHarness()
        harness.configuration.startsWithSample = false
    }

    override func tearDown() { harness.remove() }

    private func prepared(_ client: some TestClientProtocol) async throws {
        var form = Multipart()
        form.field("name", "small")
        form.file("files", filename: "small.zip", try WorkspaceHarness.smallZip())
        let created = try await client.execute(uri: "/api/scenarios", method: .post, headers: [.contentType: form.contentType], body: form.bytes)
        XCTAssertEqual(created.status, .created, created.text)
    }

    private func submit(_ client: some TestClientProtocol, _ command: String, scenario: String = "small",
                        options: [String: Any] = [:]) async throws -> String {
        let response = try await client.execute(uri: "/api/runs", method: .post, headers: [.contentType: "application/json"],
                                                body: jsonBody(["scenario": scenario, "command": command, "options": options]))
        XCTAssertEqual(response.status, .accepted, response.text)
        return response.object["id"] as? String ?? "?"
    }

    /// The run once it has ended (at most 20 s).
    private func ended(_ client: some TestClientProtocol, _ id: String) async throws -> [String: Any] {
        for _ in 0..<400 {
            let run = try await client.execute(uri: "/api/runs/\(id)", method: .get).object
            if let state = run["state"] as? String, !["queued", "running"].contains(state) { return run }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTFail("run \(id) did not end")
        return [:]
    }

    func testAPlanRunsAsAChildAndItsFilesRostersAndTablesAreServed() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            try await prepared(client)
            let id = try await submit(client, "plan", options: ["time_limit": 30, "gap": 0.01, "lang": "en"])
            let run = try await ended(client, id)
            XCTAssertEqual(run["state"] as? String, "done")
            XCTAssertEqual(run["exit_code"] as? Int, 0)
            XCTAssertEqual((run["summary"] as? [String: Any])?["stopped_by"] as? String, "gap")
            XCTAssertEqual((run["progress"] as? [String: Any])?["best"] as? Double, 195, "the last progress line is kept")
            XCTAssertEqual((run["curve"] as? [Any])?.count, 5)
            XCTAssertEqual(run["output"] as? String, "Status: optimal\n")

            let listed = try await client.execute(uri: "/api/runs", method: .get).array
            XCTAssertEqual(listed.map { $0["id"] as? String }, [id])
            let files = try await client.execute(uri: "/api/runs/\(id)/files", method: .get).json as? [String]
            XCTAssertEqual(files, ["plan.xlsx", "rosters/2023_TC-LLCT.csv", "rosters/2023_TC-LLCT.xlsx", "rosters/2024_QLNN-CV.csv",
                                   "rosters/districts/Ba_To.xlsx", "rosters/districts/Son_Ha.xlsx", "schedule.csv", "summary.json"])
            let workbook = try await client.execute(uri: "/api/runs/\(id)/files/plan.xlsx", method: .get)
            XCTAssertEqual(workbook.status, .ok)
            XCTAssertEqual(workbook.headers[.contentType], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let roster = try await client.execute(uri: "/api/runs/\(id)/files/rosters/2023_TC-LLCT.csv", method: .get)
            XCTAssertTrue(roster.text.contains("Nguyễn Văn An"))
            for escape in ["../../workspace.sqlite", "..%2F..%2Fworkspace.sqlite", ".cadreplan-output", "rosters/..%2F..%2F..%2Fworkspace.sqlite"] {
                let refused = try await client.execute(uri: "/api/runs/\(id)/files/\(escape)", method: .get)
                XCTAssertTrue([.badRequest, .notFound].contains(refused.status), "\(escape): \(refused.status)")
            }
            let response1 = try await client.execute(uri: "/api/runs/\(id)/files/nothing.csv", method: .get)
            XCTAssertEqual(response1.status, .notFound)

            let zipped = try await client.execute(uri: "/api/runs/\(id)/rosters.zip", method: .get)
            XCTAssertEqual(zipped.headers[.contentType], "application/zip")
            let archive = try Archive(data: Data(zipped.body.readableBytesView), accessMode: .read, pathEncoding: nil)
            XCTAssertEqual(archive.map(\.path).sorted(), ["rosters/2023_TC-LLCT.csv", "rosters/2023_TC-LLCT.xlsx", "rosters/2024_QLNN-CV.csv",
                                                         "rosters/districts/Ba_To.xlsx", "rosters/districts/Son_Ha.xlsx"])

            let district = try await client.execute(uri: "/api/runs/\(id)/rosters.zip?district=Ba%20T%C6%A1", method: .get)
            let districtArchive = try Archive(data: Data(district.body.readableBytesView), accessMode: .read, pathEncoding: nil)
            XCTAssertEqual(districtArchive.map(\.path), ["rosters/2023_TC-LLCT.csv", "rosters/districts/Ba_To.xlsx"],
                           "a district gets the rosters with its trainees, cut to them, and its own paper rosters")
            var text = Data()
            _ = try districtArchive.extract(districtArchive["rosters/2023_TC-LLCT.csv"]!) { text.append($0) }
            let rosterText = String(decoding: text, as: UTF8.self)
            XCTAssertTrue(rosterText.contains("Nguyễn Văn An"))
            XCTAssertFalse(rosterText.contains("Trần Thị Bình"), "another district's trainee is cut")
            let response2 = try await client.execute(uri: "/api/runs/\(id)/rosters.zip?district=Nowhere", method: .get)
            XCTAssertEqual(response2.status, .notFound)

            let page = try await client.execute(uri: "/api/runs/\(id)/table/schedule.csv?offset=100&limit=50", method: .get).object
            XCTAssertEqual(page["total"] as? Int, 120)
            XCTAssertEqual((page["rows"] as? [[String]])?.count, 20)
            XCTAssertEqual((page["rows"] as? [[String]])?.first?[1], "X101")
            XCTAssertEqual(page["columns"] as? [String], ["year", "official_id", "full_name", "district"])
            let search = try await client.execute(uri: "/api/runs/\(id)/table/schedule.csv?q=nguoi%2012", method: .get).object
            XCTAssertEqual(search["total"] as? Int, 2, "“nguoi 12” finds Người 12 and Người 120, marks ignored")
            let response3 = try await client.execute(uri: "/api/runs/\(id)/table/summary.json", method: .get)
            XCTAssertEqual(response3.status, .badRequest)

            let response4 = try await client.execute(uri: "/api/runs/\(id)/stop", method: .post)
            XCTAssertEqual(response4.status, .conflict)
            let response5 = try await client.execute(uri: "/api/runs/\(id)", method: .delete)
            XCTAssertEqual(response5.status, .ok)
            XCTAssertFalse(FileManager.default.fileExists(atPath: harness.workspace.appendingPathComponent("runs/\(id)").path))
            let response6 = try await client.execute(uri: "/api/runs/\(id)", method: .get)
            XCTAssertEqual(response6.status, .notFound)

            let audit = try await client.execute(uri: "/api/audit", method: .get).array.map { $0["action"] as? String ?? "" }
            XCTAssertEqual(Set(audit), ["upload", "run", "download", "delete"])
        }
    }

    /// A plan of a what-if variant starts from the latest plan of its province (`--warm-start`), unless told
    /// `warm_start: false` or given a run of its own choosing; a run that does not exist is refused.
    func testAPlanOfAVariantStartsFromTheLatestPlanOfItsProvince() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            try await prepared(client)
            let variant = try await client.execute(uri: "/api/scenarios/small/variants", method: .post, headers: [.contentType: "application/json"],
                                                   body: jsonBody(["name": "small-richer", "budget": ["2022": 420_000_000]]))
            XCTAssertEqual(variant.status, .created, variant.text)
            // The fake engine leaves the --warm-start it was given in warm-start.txt, and no file without one.
            func warmStart(of id: String) throws -> String {
                (try? String(contentsOf: harness.workspace.appendingPathComponent("runs/\(id)/warm-start.txt"), encoding: .utf8)) ?? ""
            }
            let first = try await submit(client, "plan")
            _ = try await ended(client, first)
            XCTAssertEqual(try warmStart(of: first), "", "nothing of this province was planned before")
            let warm = try await submit(client, "plan", scenario: "small-richer")
            _ = try await ended(client, warm)
            XCTAssertEqual(try warmStart(of: warm), harness.workspace.appendingPathComponent("runs/\(first)").path)
            let again = try await submit(client, "plan")
            _ = try await ended(client, again)
            XCTAssertEqual(try warmStart(of: again), harness.workspace.appendingPathComponent("runs/\(warm)").path,
                           "the base starts from its variant's plan too: the latest of the province")
            let cold = try await submit(client, "plan", scenario: "small-richer", options: ["warm_start": false])
            _ = try await ended(client, cold)
            XCTAssertEqual(try warmStart(of: cold), "")
            let chosen = try await submit(client, "plan", scenario: "small-richer", options: ["warm_start": first])
            _ = try await ended(client, chosen)
            XCTAssertEqual(try warmStart(of: chosen), harness.workspace.appendingPathComponent("runs/\(first)").path)
            let missing = try await client.execute(uri: "/api/runs", method: .post, headers: [.contentType: "application/json"],
                                                   body: jsonBody(["scenario": "small", "command": "plan", "options": ["warm_start": "999"]]))
            XCTAssertEqual(missing.status, .notFound, missing.text)
        }
    }

    func testTheEventStreamGivesProgressThenDone() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            try await prepared(client)
            let id = try await submit(client, "plan")
            let stream = try await client.execute(uri: "/api/runs/\(id)/events", method: .get)
            XCTAssertEqual(stream.headers[.contentType], "text/event-stream")
            let events = stream.text.components(separatedBy: "\n\n").filter { $0.hasPrefix("event:") }
            XCTAssertGreaterThanOrEqual(events.filter { $0.hasPrefix("event: progress") }.count, 1)
            XCTAssertTrue(events.last?.hasPrefix("event: done") ?? false, stream.text)
            XCTAssertTrue(events.last?.contains("\"state\":\"done\"") ?? false, stream.text)

            let after = try await client.execute(uri: "/api/runs/\(id)/events", method: .get)
            XCTAssertTrue(after.text.contains("event: done"), "an ended run's stream gives its done at once")
            let response7 = try await client.execute(uri: "/api/runs/999/events", method: .get)
            XCTAssertEqual(response7.status, .notFound)
        }
    }

    func testStopKeepsTheBestPlanAndAQueuedRunWaitsItsTurn() async throws {
        harness.configuration.solveSlots = 1
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            try await prepared(client)
            let long = try await submit(client, "sweep", options: ["from": 0.8, "to": 1.2, "step": 0.2])
            let waiting = try await submit(client, "plan")
            let queued = try await client.execute(uri: "/api/runs/\(waiting)", method: .get).object
            XCTAssertEqual(queued["state"] as? String, "queued")
            XCTAssertEqual(queued["queue_position"] as? Int, 1)
            // Let the long run report before stopping it.
            for _ in 0..<100 {
                if (try await client.execute(uri: "/api/runs/\(long)", method: .get).object["progress"] as? [String: Any])?["best"] != nil { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let response8 = try await client.execute(uri: "/api/runs/\(long)", method: .delete)
            XCTAssertEqual(response8.status, .conflict, "a running run is stopped first")
            let response9 = try await client.execute(uri: "/api/runs/\(long)/stop", method: .post)
            XCTAssertEqual(response9.status, .accepted)
            let stopped = try await ended(client, long)
            XCTAssertEqual(stopped["state"] as? String, "stopped")
            XCTAssertEqual(stopped["exit_code"] as? Int, 2)
            XCTAssertEqual((stopped["summary"] as? [String: Any])?["stopped_by"] as? String, "stop_request")
            let next = try await ended(client, waiting)
            XCTAssertEqual(next["state"] as? String, "done", "the queued run starts once the slot is free")

            let third = try await submit(client, "sweep", options: ["from": 1, "to": 1, "step": 0.1])
            let fourth = try await submit(client, "plan")
            let response10 = try await client.execute(uri: "/api/runs/\(fourth)/stop", method: .post)
            XCTAssertEqual(response10.status, .accepted)
            let response11 = try await client.execute(uri: "/api/runs/\(fourth)", method: .get)
            XCTAssertEqual(response11.object["state"] as? String, "stopped",
                           "a queued run that is stopped leaves the queue without running")
            _ = try await client.execute(uri: "/api/runs/\(third)/stop", method: .post)
            _ = try await ended(client, third)
        }
    }

    func testAFailedRunShowsTheCommandsOwnMessageAndBadRequestsAreRefused() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            try await prepared(client)
            let id = try await submit(client, "min-budget", options: ["include_strive": true])
            let failed = try await ended(client, id)
            XCTAssertEqual(failed["state"] as? String, "failed")
            XCTAssertEqual(failed["exit_code"] as? Int, 3)
            XCTAssertEqual(failed["message"] as? String, "cadreplan: GLPK: the relaxation failed")

            let refusals: [([String: Any], HTTPResponse.Status)] = [
                (["scenario": "small", "command": "solve"], .badRequest),
                (["scenario": "nowhere", "command": "plan"], .notFound),
                (["scenario": "small", "command": "plan", "options": ["gap": 2]], .badRequest),
                (["scenario": "small", "command": "plan", "options": ["time_limit": "soon"]], .badRequest),
                (["scenario": "small", "command": "plan", "options": ["seeds": 3]], .badRequest),
                (["scenario": "small", "command": "sweep", "options": ["from": 1]], .badRequest),
                (["scenario": "small", "command": "compare", "options": ["scenarios": ["nowhere"]]], .notFound),
                (["scenario": "small", "command": "replan", "options": ["from": 2024]], .badRequest),
            ]
            for (body, status) in refusals {
                let response = try await client.execute(uri: "/api/runs", method: .post, headers: [.contentType: "application/json"], body: jsonBody(body))
                XCTAssertEqual(response.status, status, "\(body): \(response.text)")
                XCTAssertNotNil(response.object["error"] as? String)
            }
            let response12 = try await client.execute(uri: "/api/runs/abc", method: .get)
            XCTAssertEqual(response12.status, .notFound)
        }
    }

    func testAReplanGetsItsUploadedActualsAndReorganisation() async throws {
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            try await prepared(client)
            var form = Multipart()
            form.field("scenario", "small")
            form.field("command", "replan")
            form.field("options", #"{"from": "2024", "time_limit": 20}"#)
            form.file("actuals", filename: "thuc-hien.csv", Data("official_id,year,course_id,outcome\n".utf8))
            // Named to sort before the actuals: the roles are kept apart by the form's part names, not file names.
            form.file("reorganisation", filename: "sap-xep.csv", Data("xa_cu,don_vi_cu,xa_moi,don_vi_moi\n".utf8))
            let response = try await client.execute(uri: "/api/runs", method: .post, headers: [.contentType: form.contentType], body: form.bytes)
            XCTAssertEqual(response.status, .accepted, response.text)
            let id = response.object["id"] as! String
            _ = try await ended(client, id)
            let used = try await client.execute(uri: "/api/runs/\(id)/files/actuals-used.csv", method: .get)
            XCTAssertEqual(used.text, "official_id,year,course_id,outcome\n")
            let reorganisation = try await client.execute(uri: "/api/runs/\(id)/files/reorganisation-used.csv", method: .get)
            XCTAssertEqual(reorganisation.text, "xa_cu,don_vi_cu,xa_moi,don_vi_moi\n")

            // Files belong to a re-plan only.
            var plan = Multipart()
            plan.field("scenario", "small")
            plan.field("command", "plan")
            plan.file("reorganisation", filename: "sap-xep.csv", Data("xa_cu\n".utf8))
            let refused = try await client.execute(uri: "/api/runs", method: .post, headers: [.contentType: plan.contentType], body: plan.bytes)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertEqual(refused.object["error"] as? String, "only a replan takes files (actuals, reorganisation)")
        }
    }

    func testARestartShowsRunningRunsAsInterruptedAndRunsTheQueuedOnes() async throws {
        harness.configuration.solveSlots = 1
        let server = try WorkspaceServer(configuration: harness.configuration)
        let (longID, queuedID) = try await server.application().test(.router) { client in
            try await prepared(client)
            return (try await submit(client, "sweep", options: ["from": 1, "to": 1, "step": 0.1]), try await submit(client, "plan"))
        }
        // The server goes down with a run going (its child is ended without writing) and one waiting.
        await server.runs.shutdown()
        try await Task.sleep(for: .milliseconds(300))
        let app = try await WorkspaceServer(configuration: harness.configuration).application()
        try await app.test(.router) { client in
            let interrupted = try await client.execute(uri: "/api/runs/\(longID)", method: .get).object
            XCTAssertEqual(interrupted["state"] as? String, "interrupted")
            XCTAssertFalse(FileManager.default.fileExists(atPath: harness.workspace.appendingPathComponent("runs/\(longID)").path),
                           "an interrupted run's folder is as it was: never written")
            let resumed = try await ended(client, queuedID)
            XCTAssertEqual(resumed["state"] as? String, "done", "a run that was waiting runs after the restart")
        }
    }
}
