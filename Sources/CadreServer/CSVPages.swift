import CadreIO
import Foundation

/// Pages of a run's CSV files for the pages' tables: a 100,000-official schedule is shown a page at a time,
/// never as one table of 100,000 rows. A file is indexed once (where each row starts) and kept for the next
/// page; only the rows asked for are parsed, with the command line's own CSV reader.
actor CSVPages {
    private struct Index {
        var stamp: String
        var data: Data
        var header: [String]
        /// Byte ranges of the data rows.
        var rows: [Range<Int>]
    }

    private var indexes: [String: Index] = [:]
    private var recent: [String] = []
    /// Files kept indexed; the rest are read again when asked for.
    private static let kept = 6

    struct Page: Sendable {
        var columns: [String]
        var rows: [[String]]
        /// Rows matching the filter, over all pages.
        var total: Int
    }

    struct Filter: Sendable {
        /// Rows whose `column` is one of `values` (a viewer's districts, a district's roster).
        var column: String?
        var values: Set<String> = []
        /// Rows holding this text anywhere, ignoring case and diacritics.
        var text: String?
    }

    func page(of file: URL, offset: Int, limit: Int, filter: Filter) throws -> Page {
        let index = try indexed(file)
        var matching = index.rows
        if let column = filter.column {
            guard let position = index.header.firstIndex(of: column) else { return Page(columns: index.header, rows: [], total: 0) }
            let parsed = Self.fields(of: index, rows: matching)
            matching = zip(matching, parsed).filter { $1.count > position && filter.values.contains($1[position]) }.map(\.0)
        }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            matching = matching.filter { range in
                String(decoding: index.data[range], as: UTF8.self)
                    .range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            }
        }
        let start = min(max(0, offset), matching.count)
        let end = min(matching.count, start + max(0, limit))
        return Page(columns: index.header, rows: Self.fields(of: index, rows: Array(matching[start..<end])), total: matching.count)
    }

    /// The file's rows whose `column` is one of `values`, as a CSV with the same header (UTF-8 with BOM, as
    /// written), and how many rows that is. A file without the column gives its header only.
    func filtered(_ file: URL, column: String, values: Set<String>) throws -> (data: Data, rows: Int) {
        let index = try indexed(file)
        let position = index.header.firstIndex(of: column) ?? Int.max
        var out = Data([0xEF, 0xBB, 0xBF])
        let firstRow = index.rows.first?.lowerBound ?? index.data.count
        let headerStart = index.data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        out.append(index.data[headerStart..<firstRow])
        var kept = 0
        for (range, fields) in zip(index.rows, Self.fields(of: index, rows: index.rows)) {
            guard fields.count > position, values.contains(fields[position]) else { continue }
            out.append(index.data[range])
            out.append(UInt8(ascii: "\n"))
            kept += 1
        }
        return (out, kept)
    }

    private func indexed(_ file: URL) throws -> Index {
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        let stamp = "\((attributes[.size] as? NSNumber)?.intValue ?? 0)|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        if let index = indexes[file.path], index.stamp == stamp { return index }
        let data = try Data(contentsOf: file)
        let ranges = Self.rowRanges(data)
        var problems: [InputProblem] = []
        let header = ranges.first.map { CSVReader.read(Data(data[$0]), file: file.lastPathComponent, problems: &problems).header } ?? []
        let index = Index(stamp: stamp, data: data, header: header, rows: Array(ranges.dropFirst()))
        indexes[file.path] = index
        recent.removeAll { $0 == file.path }
        recent.append(file.path)
        if recent.count > Self.kept { indexes[recent.removeFirst()] = nil }
        return index
    }

    /// Where each record starts and ends: a newline inside quotes belongs to its field.
    private static func rowRanges(_ data: Data) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.startIndex + 3 : data.startIndex
        var quoted = false
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var position = start
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    quoted.toggle()
                } else if byte == UInt8(ascii: "\n") && !quoted {
                    var end = position
                    if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    if end > start { ranges.append(start..<end) }
                    start = position + 1
                }
                position += 1
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
        }
        return ranges
    }

    private static func fields(of index: Index, rows: [Range<Int>]) -> [[String]] {
        guard !rows.isEmpty else { return [] }
        var text = Data()
        for range in rows {
            text.append(index.data[range])
            text.append(UInt8(ascii: "\n"))
        }
        var problems: [InputProblem] = []
        // The reader takes the first line as the header: a placeholder header keeps every data row a record.
        let placeholder = Data((Array(repeating: "c", count: max(1, index.header.count)).enumerated().map { "\($1)\($0)" }
            .joined(separator: ",") + "\n").utf8)
        return CSVReader.read(placeholder + text, file: "", problems: &problems).records.map(\.fields)
    }
}
