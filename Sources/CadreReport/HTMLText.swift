import Foundation

/// Text made safe for HTML (element content and quoted attribute values alike).
func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}

/// Numbers as a reader of the report expects them: grouped thousands, `.` groups and `,` decimals in Vietnamese,
/// the other way round in English.
struct DisplayNumber {
    let language: ReportLanguage

    private var group: String { language == .vi ? "." : "," }
    private var point: String { language == .vi ? "," : "." }

    func integer(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let whole = Int64(value.rounded())
        var digits = String(whole.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (whole < 0 ? "−" : "") + groups.joined(separator: group)
    }

    func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "—" }
        return String(format: "%.1f", fraction * 100).replacingOccurrences(of: ".", with: point) + "%"
    }

    func decimal(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let text = String(format: "%.\(digits)f", value)
        let parts = text.split(separator: ".", maxSplits: 1)
        let head = integer(Double(parts[0]) ?? 0)
        return parts.count > 1 ? head + point + parts[1] : head
    }

    func cell(_ cell: Table.Cell) -> String {
        switch cell {
        case .text(let text): text
        case .number(let value, .integer): value.isFinite ? String(Int64(value.rounded())) : "—"
        case .number(let value, .money): integer(value)
        case .number(let value, .percent): percent(value)
        case .number(let value, .decimal): decimal(value)
        case .empty: ""
        }
    }
}
