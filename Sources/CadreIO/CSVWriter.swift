import Foundation

/// CSV text as the contract asks for: UTF-8 with a BOM (so Excel shows Vietnamese correctly), a header row,
/// `,` between fields, LF line ends, and quotes only around fields that need them.
public struct CSVWriter: Sendable {
    private var text: String

    public init(header: [String]) {
        text = "\u{FEFF}"
        append(header)
    }

    /// Numbers go in already written (`NumberText.money`, `String(int)`), so each column decides its format.
    public mutating func append(_ row: [String]) {
        text += row.map(Self.field).joined(separator: ",")
        text += "\n"
    }

    public var data: Data { Data(text.utf8) }

    /// The field quoted, with its quotes doubled, when it holds a separator, a quote or a line break. Looked for
    /// in the UTF-8 bytes: walking a Vietnamese name by characters (grapheme breaks) made writing the sample's
    /// schedule cost a tenth of a what-if run.
    public static func field(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
