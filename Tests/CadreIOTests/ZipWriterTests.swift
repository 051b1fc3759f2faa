import Foundation
import XCTest
@testable import CadreIO

/// The archives the workbooks and the workspace's downloads are made of, read back by the reader uploads go
/// through (which checks every size and checksum) and by Info-ZIP's `unzip`, as a user's tools would.
final class ZipWriterTests: XCTestCase {
    private let schedule = Data((0..<3_000).map { "2026,QN-\($0),Nguyễn Thị Hoa,Ba Tơ,QLNN-CV\n" }.joined().utf8)
    private let files: [(path: String, data: Data)] = [
        ("xl/worksheets/sheet1.xml", Data("<sheetData/>".utf8)),
        ("rosters/Đức_Phổ.csv", Data("official_id\nQN-1\n".utf8)),
        ("empty.txt", Data()),
    ]

    func testEveryEntryReadsBackWhole() throws {
        let archive = try ZipReader(ZipWriter.zip(files + [("schedule.csv", schedule)]))
        XCTAssertEqual(archive.entries.map(\.path), files.map(\.path) + ["schedule.csv"])
        for (path, data) in files + [("schedule.csv", schedule)] {
            XCTAssertEqual(try archive.contents(of: try XCTUnwrap(archive[path]), limit: 1 << 20), data, path)
        }
    }

    func testTheScheduleIsDeflatedNotStored() throws {
        let zipped = try ZipWriter.zip([("schedule.csv", schedule)])
        XCTAssertLessThan(zipped.count, schedule.count / 10)
    }

    func testTheSameFilesGiveTheSameBytesAndTheDateIsTheOneGiven() throws {
        XCTAssertEqual(try ZipWriter.zip(files), try ZipWriter.zip(files))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zipwriter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.zip").path
        try ZipWriter.zip(files, entriesDated: (2022, 1, 1)).write(to: URL(fileURLWithPath: path))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-l", path]
        process.environment = ["LC_ALL": "C.UTF-8"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let listing = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, listing)
        XCTAssertTrue(listing.contains("2022-01-01 00:00"), listing)
        XCTAssertTrue(listing.contains("rosters/Đức_Phổ.csv"), listing)
        XCTAssertTrue(listing.contains("3 files"), listing)
    }

    func testAPathTwiceIsRefused() throws {
        var writer = ZipWriter()
        try writer.add("a.csv", Data("1".utf8))
        XCTAssertThrowsError(try writer.add("a.csv", Data("2".utf8))) { error in
            XCTAssertEqual("\(error)", "the archive already holds a.csv")
        }
        let archive = try ZipReader(writer.archive())
        XCTAssertEqual(archive.entries.map(\.path), ["a.csv"])
        XCTAssertEqual(try archive.contents(of: try XCTUnwrap(archive["a.csv"]), limit: 10), Data("1".utf8))
    }
}
