import Foundation
import ZIPFoundation

/// Reads a ZIP archive held in memory — an uploaded scenario or an Excel workbook — as hostile input: every entry's
/// bytes must lie inside the archive, and no entry is inflated past its own compressed bytes or a size bound.
///
/// ZIPFoundation's `Archive` reads an entry's deflate stream on from the file until the stream says it has ended; a
/// stream cut short (a truncated or crafted workbook) reaches the end of the file and is read again and again,
/// forever (found by the readers' fuzzer: a 2 KB workbook held the reader for minutes). So the directory is read
/// here, and only ZIPFoundation's inflater is used, fed the entry's own bytes and nothing after them.
public struct ZipReader {
    public struct Entry: Sendable {
        public let path: String
        public let isDirectory: Bool
        public let isLink: Bool
        public let uncompressedSize: UInt64
        let method: UInt16
        let crc32: UInt32
        let dataRange: Range<Int>
    }

    /// Why an archive or one of its entries cannot be read.
    public enum Failure: Error, Equatable {
        case damaged(String)
        case tooLarge(path: String)
    }

    public let entries: [Entry]
    private let data: Data
    /// A workbook of a sheet per commune has thousands of entries, so they are looked up by path once.
    private let byPath: [String: Int]

    public init(_ data: Data) throws {
        self.data = data
        let entries = try Self.directory(of: data)
        self.entries = entries
        byPath = Dictionary(entries.indices.map { (entries[$0].path, $0) }) { first, _ in first }
    }

    public subscript(path: String) -> Entry? { byPath[path].map { entries[$0] } }

    /// The entry's bytes, refused past `limit` bytes whatever its header says, and when they do not check out.
    public func contents(of entry: Entry, limit: Int) throws -> Data {
        guard !entry.isDirectory, !entry.isLink else { throw Failure.damaged("\(entry.path) is not a file") }
        guard entry.uncompressedSize <= UInt64(limit) else { throw Failure.tooLarge(path: entry.path) }
        let packed = data[data.startIndex + entry.dataRange.lowerBound ..< data.startIndex + entry.dataRange.upperBound]
        var unpacked = Data()
        switch entry.method {
        case 0:
            unpacked = Data(packed)
        case 8:
            // Small chunks keep the padding small: what the inflater makes of it stays far below any limit.
            let chunkSize = 4 * 1_024
            var given = packed.startIndex
            var padded = false
            do {
                _ = try Data.decompress(size: Int64(packed.count), bufferSize: chunkSize, skipCRC32: true,
                                        provider: { _, _ in
                    // The inflater is told every chunk is full; a short last one is padded so it never reads past
                    // it, and asking again after the entry's bytes means the stream was cut short.
                    guard given < packed.endIndex else { throw Failure.damaged("\(entry.path) is cut short") }
                    let end = min(given + chunkSize, packed.endIndex)
                    var chunk = Data(packed[given ..< end])
                    given = end
                    if chunk.count < chunkSize {
                        chunk.append(Data(count: chunkSize - chunk.count))
                        padded = true
                    }
                    return chunk
                }, consumer: { piece in
                    unpacked.append(piece)
                    if unpacked.count > limit {
                        throw padded ? Failure.damaged("\(entry.path) is cut short") : Failure.tooLarge(path: entry.path)
                    }
                })
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.damaged("\(entry.path) cannot be unpacked")
            }
        default:
            throw Failure.damaged("\(entry.path) is packed in a way this reader does not know (method \(entry.method))")
        }
        guard unpacked.count <= limit else { throw Failure.tooLarge(path: entry.path) }
        guard UInt64(unpacked.count) == entry.uncompressedSize, unpacked.crc32(checksum: 0) == entry.crc32 else {
            throw Failure.damaged("\(entry.path) does not match its checksum")
        }
        return unpacked
    }

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let directorySignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    private static func directory(of data: Data) throws -> [Entry] {
        // Offsets are from the archive's first byte; only the headers are read, so the archive is not copied.
        let base = data.startIndex
        func byte(_ at: Int) -> UInt8 { data[base + at] }
        func u16(_ at: Int) -> Int { Int(byte(at)) | Int(byte(at + 1)) << 8 }
        func u32(_ at: Int) -> UInt32 {
            UInt32(byte(at)) | UInt32(byte(at + 1)) << 8 | UInt32(byte(at + 2)) << 16 | UInt32(byte(at + 3)) << 24
        }
        // The end record is the last one within the 22 bytes it takes and the 65,535 a comment may add.
        guard data.count >= 22 else { throw Failure.damaged("the ZIP archive is damaged (too short)") }
        var end = data.count - 22
        let earliest = max(0, data.count - 22 - 65_535)
        while end >= earliest && u32(end) != endSignature { end -= 1 }
        guard end >= earliest else { throw Failure.damaged("the ZIP archive is damaged (no end record)") }
        let count = u16(end + 10)
        let directorySize = Int(u32(end + 12))
        let directoryStart = Int(u32(end + 16))
        guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryStart != 0xFFFF_FFFF else {
            throw Failure.damaged("the ZIP archive uses ZIP64, which an upload never needs")
        }
        guard directoryStart + directorySize <= end else { throw Failure.damaged("the ZIP archive is damaged (its directory)") }
        var entries: [Entry] = []
        var at = directoryStart
        for _ in 0 ..< count {
            guard at + 46 <= directoryStart + directorySize, u32(at) == directorySignature else {
                throw Failure.damaged("the ZIP archive is damaged (its directory)")
            }
            let madeBy = u16(at + 4) >> 8
            let flags = u16(at + 8)
            let method = UInt16(u16(at + 10))
            let crc = u32(at + 16)
            let packedSize = u32(at + 20)
            let size = u32(at + 24)
            let nameLength = u16(at + 28)
            let following = nameLength + u16(at + 30) + u16(at + 32)
            let attributes = u32(at + 38)
            let local = Int(u32(at + 42))
            guard at + 46 + following <= directoryStart + directorySize else {
                throw Failure.damaged("the ZIP archive is damaged (its directory)")
            }
            let name = data[base + at + 46 ..< base + at + 46 + nameLength]
            guard let path = String(bytes: name, encoding: .utf8) ?? String(bytes: name, encoding: .isoLatin1)
            else { throw Failure.damaged("the ZIP archive is damaged (a name)") }
            guard packedSize != 0xFFFF_FFFF, size != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw Failure.damaged("\(path) uses ZIP64, which an upload never needs")
            }
            guard flags & 1 == 0 else { throw Failure.damaged("\(path) is encrypted") }
            guard local + 30 <= directoryStart, u32(local) == localSignature else {
                throw Failure.damaged("the ZIP archive is damaged (\(path) is not where its directory says)")
            }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart + Int(packedSize) <= directoryStart else {
                throw Failure.damaged("the ZIP archive is damaged (\(path) runs past the end)")
            }
            // Unix archivers keep the file's mode in the high half of the attributes; 0o120000 is a link.
            let isLink = madeBy == 3 && (attributes >> 16) & 0o170000 == 0o120000
            entries.append(Entry(path: path, isDirectory: path.hasSuffix("/"), isLink: isLink, uncompressedSize: UInt64(size),
                                 method: method, crc32: crc, dataRange: dataStart ..< dataStart + Int(packedSize)))
            at += 46 + following
        }
        return entries
    }
}
