import CadreDomain
import Foundation
import XCTest
@testable import CadreIO
import ZIPFoundation

/// The ZIP reader under uploads and workbooks, on archives built here byte by byte, so that each can be damaged
/// exactly as a hostile or truncated upload would be.
final class ZipReaderTests: XCTestCase {
    private let text = Data((0..<4_000).map { "hàng \($0): Nguyễn Văn An, Ba Tơ\n" }.joined().utf8)

    func testAnArchiveZIPFoundationWritesReadsBackByteForByte() throws {
        let archive = try ZipReader(XLSXFixture.zip([("a/one.csv", text), ("b.txt", Data("hai".utf8))]))
        XCTAssertEqual(archive.entries.map(\.path), ["a/one.csv", "b.txt"])
        XCTAssertEqual(try archive.contents(of: archive["a/one.csv"]!, limit: 1 << 20), text)
        XCTAssertEqual(try archive.contents(of: archive["b.txt"]!, limit: 10), Data("hai".utf8))
    }

    /// Found by the readers' fuzzer: a deflate stream that has not ended when its bytes run out held
    /// ZIPFoundation's reader in a loop at the end of the file. It is refused now, as is the workbook it was in.
    func testAStreamCutShortIsRefusedNotReadForever() throws {
        let packed = try Self.deflated(text)
        let cut = RawZip.Entry(path: "xl/workbook.xml", method: 8, packed: packed.prefix(packed.count / 2), size: UInt32(text.count), crc: text.crc32(checksum: 0))
        let archive = try ZipReader(RawZip.build([cut]))
        XCTAssertThrowsError(try archive.contents(of: archive["xl/workbook.xml"]!, limit: 256 << 20)) { error in
            XCTAssertEqual(error as? ZipReader.Failure, .damaged("xl/workbook.xml is cut short"))
        }
        var problems: [InputProblem] = []
        XCTAssertNil(XLSXReader.sheets(RawZip.build([cut]), file: "officials.xlsx", problems: &problems))
        XCTAssertEqual(problems.map(\.message), ["is not a readable Excel workbook: xl/workbook.xml cannot be unpacked (the ZIP archive is damaged)"])
    }

    func testBytesThatDoNotMatchTheirChecksumOrSizeAreRefused() throws {
        let packed = try Self.deflated(text)
        let wrongCRC = RawZip.Entry(path: "a.csv", method: 8, packed: packed, size: UInt32(text.count), crc: 1)
        let archive = try ZipReader(RawZip.build([wrongCRC]))
        XCTAssertThrowsError(try archive.contents(of: archive["a.csv"]!, limit: 1 << 20)) { error in
            XCTAssertEqual(error as? ZipReader.Failure, .damaged("a.csv does not match its checksum"))
        }
        // A bomb declares little and inflates to much: the bound holds on the bytes, not on the header.
        let small = RawZip.Entry(path: "bomb.csv", method: 8, packed: packed, size: 10, crc: text.crc32(checksum: 0))
        let bomb = try ZipReader(RawZip.build([small]))
        XCTAssertThrowsError(try bomb.contents(of: bomb["bomb.csv"]!, limit: 1_000)) { error in
            XCTAssertEqual(error as? ZipReader.Failure, .tooLarge(path: "bomb.csv"))
        }
    }

    func testAnEntryOutsideTheArchiveOrAnEndRecordMissingIsRefusedWhenOpened() throws {
        var archive = RawZip.build([RawZip.Entry(path: "a.csv", method: 0, packed: Data("abc".utf8), size: 3, crc: Data("abc".utf8).crc32(checksum: 0))])
        XCTAssertEqual(try ZipReader(archive).contents(of: ZipReader(archive)["a.csv"]!, limit: 3), Data("abc".utf8))
        // The directory says the entry is 300 bytes long.
        let directory = archive.range(of: Data([0x50, 0x4B, 0x01, 0x02]))!.lowerBound
        archive[directory + 20] = 44
        archive[directory + 21] = 1
        XCTAssertThrowsError(try ZipReader(archive)) { error in
            XCTAssertEqual(error as? ZipReader.Failure, .damaged("the ZIP archive is damaged (a.csv runs past the end)"))
        }
        XCTAssertThrowsError(try ZipReader(archive.prefix(archive.count - 22))) { error in
            XCTAssertEqual(error as? ZipReader.Failure, .damaged("the ZIP archive is damaged (no end record)"))
        }
    }

    func testLinksAndFoldersAreToldApart() throws {
        var link = RawZip.Entry(path: "escape", method: 0, packed: Data("/etc/passwd".utf8), size: 11, crc: Data("/etc/passwd".utf8).crc32(checksum: 0))
        link.unixMode = 0o120777
        let folder = RawZip.Entry(path: "scenario/", method: 0, packed: Data(), size: 0, crc: 0)
        let archive = try ZipReader(RawZip.build([link, folder]))
        XCTAssertEqual(archive.entries.map(\.isLink), [true, false])
        XCTAssertEqual(archive.entries.map(\.isDirectory), [false, true])
        XCTAssertThrowsError(try archive.contents(of: archive["escape"]!, limit: 100))
    }

    private static func deflated(_ data: Data) throws -> Data {
        var packed = Data()
        _ = try Data.compress(size: Int64(data.count), bufferSize: 16_384, provider: { position, size in
            data.subdata(in: Int(position) ..< min(data.count, Int(position) + size))
        }, consumer: { packed.append($0) })
        return packed
    }
}

/// A ZIP archive written field by field (no data descriptors, no ZIP64), so that tests can state what each
/// header says independently of what the bytes hold.
enum RawZip {
    struct Entry {
        var path: String
        var method: UInt16
        var packed: Data
        var size: UInt32
        var crc: UInt32
        var unixMode: UInt32 = 0o100644
    }

    static func build(_ entries: [Entry]) -> Data {
        var out = Data()
        var directory = Data()
        func u16(_ value: Int, _ data: inout Data) { data.append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]) }
        func u32(_ value: UInt32, _ data: inout Data) { (0..<4).forEach { data.append(UInt8(value >> (8 * $0) & 0xFF)) } }
        for entry in entries {
            let name = Data(entry.path.utf8)
            let offset = UInt32(out.count)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(Int(entry.method), &out); u16(0, &out); u16(0, &out)
            u32(entry.crc, &out); u32(UInt32(entry.packed.count), &out); u32(entry.size, &out)
            u16(name.count, &out); u16(0, &out); out.append(name); out.append(entry.packed)
            u32(0x0201_4B50, &directory); u16(3 << 8 | 20, &directory); u16(20, &directory); u16(0, &directory)
            u16(Int(entry.method), &directory); u16(0, &directory); u16(0, &directory)
            u32(entry.crc, &directory); u32(UInt32(entry.packed.count), &directory); u32(entry.size, &directory)
            u16(name.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory)
            u32(entry.unixMode << 16, &directory); u32(offset, &directory); directory.append(name)
        }
        let start = UInt32(out.count)
        out.append(directory)
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(UInt32(directory.count), &out); u32(start, &out); u16(0, &out)
        return out
    }
}
