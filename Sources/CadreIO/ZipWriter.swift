// zlib through the module map ZIPFoundation ships for it (CadreIO links ZIPFoundation to read archives).
import CZlib
import Foundation

/// Builds a ZIP archive in memory — a workbook's parts, a scenario to download — entry by entry, deflated.
///
/// Every entry carries the same date, midnight of the day given (1 January 1980, the format's earliest, unless
/// told), so the same entries always make the same bytes. No ZIP64: an archive of 4 GiB or more, or of 65,535
/// entries, is refused.
public struct ZipWriter {
    public enum Failure: Error, CustomStringConvertible {
        case tooLarge(String)
        case duplicate(String)
        case deflate(String)

        public var description: String {
            switch self {
            case let .tooLarge(what): "the archive is too large for ZIP without ZIP64 (\(what))"
            case let .duplicate(path): "the archive already holds \(path)"
            case let .deflate(path): "zlib could not deflate \(path)"
            }
        }
    }

    private var bytes = Data()
    private var directory = Data()
    private var paths: Set<String> = []
    /// MS-DOS date: years since 1980, month, day in 7, 4 and 5 bits.
    private let dosDate: UInt16

    public init(entriesDated day: (year: Int, month: Int, day: Int) = (1980, 1, 1)) {
        dosDate = UInt16(clamping: ((min(max(day.year, 1980), 2107) - 1980) << 9) | (day.month << 5) | day.day)
    }

    /// zlib's level: the fastest. At the default level 6, deflating the workbooks was 7 % of the CPU of a sweep
    /// of the sample (65 workbooks a run); level 1 took the sweep from 15.0 to 14.1 s of CPU, for workbooks about a
    /// quarter larger (the sample's plan.xlsx: 300 → 382 KB), which no one opening them notices.
    static let level: Int32 = 1

    private static func checksum(of data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            UInt32(truncatingIfNeeded: crc32(0, raw.bindMemory(to: UInt8.self).baseAddress, uInt(raw.count)))
        }
    }

    /// Raw deflate (no zlib header), in one call: the output buffer is as large as zlib says it could need.
    private static func deflated(_ data: Data, path: String) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Failure.deflate(path) }
        defer { deflateEnd(&stream) }
        let bound = deflateBound(&stream, uLong(data.count))
        guard bound <= UInt32.max else { throw Failure.tooLarge(path) }
        var output = Data(count: Int(bound))
        let written: Int = try data.withUnsafeBytes { input in
            try output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { throw Failure.deflate(path) }
                return out.count - Int(stream.avail_out)
            }
        }
        output.count = written
        return output
    }

    /// The files zipped in the order given.
    public static func zip(_ files: [(path: String, data: Data)], entriesDated day: (year: Int, month: Int, day: Int) = (1980, 1, 1)) throws -> Data {
        var writer = ZipWriter(entriesDated: day)
        for (path, data) in files { try writer.add(path, data) }
        return try writer.archive()
    }

    /// Adds `data` as the file `path` (forward slashes, no leading one), deflated.
    public mutating func add(_ path: String, _ data: Data) throws {
        guard !paths.contains(path) else { throw Failure.duplicate(path) }
        let name = Data(path.utf8)
        guard data.count <= UInt32.max, bytes.count <= UInt32.max, name.count <= UInt16.max, paths.count + 1 < UInt16.max else {
            throw Failure.tooLarge(path)
        }
        let checksum = Self.checksum(of: data)
        let deflated = try Self.deflated(data, path: path)
        guard deflated.count <= UInt32.max else { throw Failure.tooLarge(path) }
        // Only an entry written counts: the end record's count is the paths'.
        paths.insert(path)
        let offset = UInt32(bytes.count)
        // Bit 11: the name is UTF-8.
        let flags: UInt16 = name.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11
        func common(into header: inout Data) {
            header.little(UInt16(20)) // version needed: deflate
            header.little(flags)
            header.little(UInt16(8)) // deflate
            header.little(UInt16(0)) // time 00:00:00
            header.little(dosDate)
            header.little(checksum)
            header.little(UInt32(deflated.count))
            header.little(UInt32(data.count))
            header.little(UInt16(name.count))
            header.little(UInt16(0)) // extra field
        }
        bytes.little(UInt32(0x0403_4B50))
        common(into: &bytes)
        bytes.append(name)
        bytes.append(deflated)

        directory.little(UInt32(0x0201_4B50))
        // Made on Unix: unzip then takes the names' bytes as they are, not as an MS-DOS code page.
        directory.little(UInt16(3 << 8 | 20))
        common(into: &directory)
        directory.little(UInt16(0)) // comment
        directory.little(UInt16(0)) // disk
        directory.little(UInt16(0)) // internal attributes
        directory.little(UInt32(0o100644) << 16) // a regular file, rw-r--r--
        directory.little(offset)
        directory.append(name)
    }

    /// The whole archive: the entries, their directory and its end record.
    public func archive() throws -> Data {
        guard bytes.count + directory.count <= UInt32.max else { throw Failure.tooLarge("\(bytes.count) bytes") }
        var whole = bytes
        whole.append(directory)
        whole.little(UInt32(0x0605_4B50))
        whole.little(UInt16(0)) // this disk
        whole.little(UInt16(0)) // the directory's disk
        whole.little(UInt16(paths.count))
        whole.little(UInt16(paths.count))
        whole.little(UInt32(directory.count))
        whole.little(UInt32(bytes.count))
        whole.little(UInt16(0)) // comment
        return whole
    }
}

private extension Data {
    mutating func little<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
