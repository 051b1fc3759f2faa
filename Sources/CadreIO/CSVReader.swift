import Foundation

/// An RFC 4180 reader tolerant of what spreadsheets write: an optional UTF-8 BOM, CRLF or LF (or CR) line ends,
/// quoted fields holding separators, line breaks and doubled quotes, and `;` (Excel in a Vietnamese locale)
/// or a tab (Excel's "Unicode Text") as the separator when the header line holds more of them than of `,`. Fields are trimmed and normalised to NFC, so that
/// names typed with combining accents compare equal to precomposed ones.
///
/// Works on the UTF-8 bytes: only fields holding non-ASCII bytes pay for Unicode work.
public enum CSVReader {
    public static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> CSVTable {
        read(bytes: [UInt8](data), file: file, problems: &problems)
    }

    static func read(bytes: [UInt8], file: String, problems: inout [InputProblem]) -> CSVTable {
        let (rows, decimalComma) = rows(bytes: bytes, file: file, problems: &problems)
        return CSVTable(rows: rows, file: file, decimalComma: decimalComma, problems: &problems)
    }

    /// Every non-blank row, header or not, and whether numbers may have a decimal comma.
    static func rows(bytes: [UInt8], file: String, problems: inout [InputProblem]) -> (rows: [CSVRecord], decimalComma: Bool) {
        var parser = Parser(bytes: bytes, file: file)
        let rows = parser.parse()
        problems += parser.problems
        return (rows, parser.separator == UInt8(ascii: ";"))
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var problems: [InputProblem] = []
        private(set) var separator = UInt8(ascii: ",")

        private static let quote = UInt8(ascii: "\"")
        private static let lf = UInt8(ascii: "\n")
        private static let cr = UInt8(ascii: "\r")
        private static let space = UInt8(ascii: " ")
        private static let tab = UInt8(ascii: "\t")

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        /// All non-blank rows, header included.
        mutating func parse() -> [CSVRecord] {
            var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            separator = Self.separator(headerLineOf: bytes[i...])
            let separator = separator
            var rows: [CSVRecord] = []
            var fields: [String] = []
            var line = 1
            var recordLine = 1
            // An unquoted field is a slice of `bytes`; a quoted one is unescaped into `buffer`.
            var fieldStart = i
            var quoted = false
            var buffer: [UInt8] = []
            var inQuotes = false
            // A quote opens a quoted field only before any other content of the field.
            var fieldHasContent = false
            var reportedBadUTF8 = false

            func endField(at end: Int) {
                let content = quoted ? buffer[...] : bytes[fieldStart..<end]
                fields.append(text(of: content, line: recordLine, reportedBadUTF8: &reportedBadUTF8))
                buffer.removeAll(keepingCapacity: true)
                quoted = false
                fieldHasContent = false
            }
            func endRecord(at end: Int) {
                endField(at: end)
                if !fields.allSatisfy(\.isEmpty) { rows.append(CSVRecord(line: recordLine, fields: fields)) }
                fields.removeAll(keepingCapacity: true)
            }

            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if inQuotes {
                    switch byte {
                    case Self.quote:
                        if i + 1 < count && bytes[i + 1] == Self.quote {
                            buffer.append(Self.quote)
                            i += 1
                        } else {
                            inQuotes = false
                        }
                    case Self.cr, Self.lf:
                        if byte == Self.cr && i + 1 < count && bytes[i + 1] == Self.lf { i += 1 }
                        buffer.append(Self.lf)
                        line += 1
                    default:
                        buffer.append(byte)
                    }
                    i += 1
                    continue
                }
                switch byte {
                case separator:
                    endField(at: i)
                    fieldStart = i + 1
                case Self.cr, Self.lf:
                    endRecord(at: i)
                    if byte == Self.cr && i + 1 < count && bytes[i + 1] == Self.lf { i += 1 }
                    line += 1
                    recordLine = line
                    fieldStart = i + 1
                case Self.quote where !fieldHasContent:
                    inQuotes = true
                    quoted = true
                    fieldHasContent = true
                default:
                    // Text after a closing quote is kept rather than refused.
                    if quoted { buffer.append(byte) }
                    if byte != Self.space && byte != Self.tab { fieldHasContent = true }
                }
                i += 1
            }
            if inQuotes {
                problems.append(InputProblem(
                    file: file, line: recordLine, field: nil,
                    message: "a quoted field opened in this row is never closed (a \" is missing)"))
            }
            if fieldStart < count || !fields.isEmpty || quoted { endRecord(at: count) }
            return rows
        }

        /// The commonest of `,`, `;` and tab outside quotes in the header line (`,` on a tie): a Vietnamese
        /// header such as `Huyện, thị xã, thành phố` holds commas that do not separate anything. A list's title
        /// lines above its header may hold no separator at all; the first line that holds one decides.
        private static func separator(headerLineOf bytes: ArraySlice<UInt8>) -> UInt8 {
            let candidates = [UInt8(ascii: ","), UInt8(ascii: ";"), tab]
            var counts = [0, 0, 0]
            var inQuotes = false
            var linesLeft = 50
            for byte in bytes {
                if byte == quote { inQuotes.toggle() }
                if inQuotes { continue }
                if byte == lf || byte == cr {
                    linesLeft -= 1
                    if counts != [0, 0, 0] || linesLeft == 0 { break }
                    continue
                }
                if let k = candidates.firstIndex(of: byte) { counts[k] += 1 }
            }
            let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }!
            return counts[best] > counts[0] ? candidates[best] : candidates[0]
        }

        private mutating func text(of field: ArraySlice<UInt8>, line: Int, reportedBadUTF8: inout Bool) -> String {
            var start = field.startIndex
            var end = field.endIndex
            while start < end && Self.isASCIISpace(field[start]) { start += 1 }
            while end > start && Self.isASCIISpace(field[end - 1]) { end -= 1 }
            let bytes = field[start..<end]
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }

            var decoded: String
            if let valid = String(validating: bytes, as: UTF8.self) {
                decoded = valid
            } else {
                decoded = String(decoding: bytes, as: UTF8.self)
                if !reportedBadUTF8 {
                    reportedBadUTF8 = true
                    problems.append(InputProblem(
                        file: file, line: line, field: nil,
                        message: "is not UTF-8 text; save the file as \"CSV UTF-8\""))
                }
            }
            // Non-breaking and other Unicode spaces are trimmed too: spreadsheets paste them in.
            if bytes.first! >= 0x80 || bytes.last! >= 0x80 {
                var scalars = decoded.unicodeScalars[...]
                while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
                while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
                decoded = String(scalars)
            }
            return CellText.nfc(decoded)
        }

        private static func isASCIISpace(_ byte: UInt8) -> Bool {
            byte == space || byte == tab || byte == lf || byte == cr
        }
    }
}
