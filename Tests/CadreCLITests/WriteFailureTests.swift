import Foundation
import XCTest

/// The contract: a write the file system refuses is an internal failure (exit 3) whose message names the path,
/// not bad input; and it leaves nothing half-written.
final class WriteFailureTests: CLITestCase {
    private func cadreplan(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(arguments, in: scratch.url, file: file, line: line)
    }

    /// `--out` under a regular file: no folder can be made there, whoever runs the test (root too).
    private func blockedPath(_ name: String) throws -> (blocker: String, out: String) {
        let blocker = scratch.path("blocker")
        try Data("a file, not a folder\n".utf8).write(to: URL(fileURLWithPath: blocker))
        return (blocker, blocker + "/" + name)
    }

    /// Everything in the scratch folder but the run's own stdout and stderr captures.
    private func scratchContents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { !$0.hasPrefix(".std") }.sorted()
    }

    func testPlanIntoAnUnwritableFolderExitsThreeNamingThePath() throws {
        let scenario = try ScenarioText.write(to: scratch.path("in"))
        let (blocker, out) = try blockedPath("plan")
        let run = try cadreplan("plan", scenario, "--out", out, "--quiet", "--progress", "json")
        XCTAssertEqual(run.code, 3, run.transcript)
        XCTAssertTrue(run.stderr.contains("cadreplan: cannot write \"\(out)\""), run.transcript)
        let done = try XCTUnwrap(run.stderr.split(separator: "\n").last.map { try readJSONLine(String($0)) }, run.transcript)
        XCTAssertEqual(done["exit"] as? Int, 3, run.transcript)
        XCTAssertTrue((done["error"] as? String)?.contains(out) == true, run.transcript)
        // Nothing half-written anywhere: the blocker is as it was and no staging folder is left.
        XCTAssertEqual(try String(contentsOfFile: blocker, encoding: .utf8), "a file, not a folder\n")
        XCTAssertEqual(try scratchContents(), ["blocker", "in"])
    }

    func testGenerateIntoAnUnwritableFolderExitsThree() throws {
        let (_, out) = try blockedPath("province")
        let run = try cadreplan("generate", "--officials", "20", "--out", out)
        XCTAssertEqual(run.code, 3, run.transcript)
        XCTAssertTrue(run.stderr.contains("cadreplan: cannot write \"\(out)\""), run.transcript)
    }

    /// `compare` writes its own tables after its runs; both fail, and the command says where.
    func testCompareIntoAnUnwritableFolderExitsThree() throws {
        let scenario = try ScenarioText.write(to: scratch.path("in"))
        let (_, out) = try blockedPath("compare")
        let run = try cadreplan("compare", scenario, "--out", out, "--quiet")
        XCTAssertEqual(run.code, 3, run.transcript)
        XCTAssertTrue(run.stderr.contains("cannot write \"\(out)/tiny\""), "the run's folder: \(run.transcript)")
        XCTAssertTrue(run.stderr.contains("cannot write \"\(out)/compare.csv\""), "the table: \(run.transcript)")
        XCTAssertEqual(try scratchContents(), ["blocker", "in"])
    }

    /// A refusal is still the user's arguments at fault: exit 1, as before.
    func testPlanOverARegularFileIsStillBadInput() throws {
        let scenario = try ScenarioText.write(to: scratch.path("in"))
        let (blocker, _) = try blockedPath("unused")
        let run = try cadreplan("plan", scenario, "--out", blocker, "--quiet")
        XCTAssertEqual(run.code, 1, run.transcript)
        XCTAssertTrue(run.stderr.contains("refusing to write into \"\(blocker)\": it is a file"), run.transcript)
    }
}

private func readJSONLine(_ line: String) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
}
