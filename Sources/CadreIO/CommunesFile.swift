import CadreDomain
import Foundation

/// A province's communes (scenario key `communes:`): each commune's unit above it, its area and whether it is a
/// minority area, given once, so that lists need not repeat them for every official.
///
/// | column | values |
/// |---|---|
/// | `commune` (`Xã`, `Tên xã`, `Xã, phường, thị trấn`) | the commune as lists name it (`Xã Tịnh Ấn Tây` or `Tịnh Ấn Tây`) |
/// | `district` (`Huyện`, `Đơn vị`, `Đơn vị cấp huyện`) | optional: the unit above it; empty since districts were abolished |
/// | `area` (`Khu vực`) | as officials.csv |
/// | `minority_area` (`Vùng DTTS`) | as officials.csv |
///
/// Communes are matched without their kind (`Xã`, `Phường`, `Thị trấn`), in one spelling, ignoring letter case.
/// Two communes of one name in different districts are told apart by the district.
public struct CommunesFile: Sendable {
    public struct Commune: Sendable, Equatable {
        public var district: String
        public var name: String
        public var area: Area
        public var minorityArea: Bool
    }

    public private(set) var communes: [Commune] = []
    /// Commune name without its kind → indices in `communes`.
    private var byName: [String: [Int]] = [:]
    /// `key` of each commune's district, and its words, computed once: a province's lists look communes up a row
    /// at a time.
    private var districtKeys: [String] = []
    private var districtWords: [[String]] = []
    private var longestName = 1

    static let columns: [String: String] = [
        "xã": "commune", "tên xã": "commune", "xã, phường, thị trấn": "commune", "tên đơn vị": "commune",
        "huyện": "district", "đơn vị": "district", "đơn vị cấp huyện": "district", "huyện, thị xã, thành phố": "district",
        "khu vực": "area", "địa bàn": "area",
        "vùng dtts": "minority_area", "vùng dân tộc thiểu số": "minority_area",
    ]

    public init(communes: [Commune]) {
        for commune in communes { add(commune) }
    }

    /// The communes of the file; problems (file, line, column) go to `problems`.
    public static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> CommunesFile {
        var result = CommunesFile(communes: [])
        guard let table = TableFile.read(data, file: file, problems: &problems),
              let columns = ColumnIndex(
                table: table, file: file, required: ["commune", "area", "minority_area"], optional: ["district"],
                aliases: Self.columns, problems: &problems)
        else { return result }
        var lines: [String: Int] = [:]
        for record in table.records {
            var row = RowReader(columns: columns, record: record)
            let commune = Commune(
                district: row.text("district"), name: row.nonEmptyText("commune"), area: row.choice("area"),
                minorityArea: row.yesNo("minority_area"))
            let key = "\(Self.key(commune.district))|\(Self.key(commune.name))"
            if let first = lines[key] {
                row.report("commune", "\(quoted(commune.name)) is already listed on line \(first)")
            }
            problems += row.problems
            if row.problems.isEmpty {
                lines[key] = record.line
                result.add(commune)
            }
        }
        return result
    }

    private mutating func add(_ commune: Commune) {
        let key = Self.key(commune.name)
        byName[key, default: []].append(communes.count)
        districtWords.append(Spelling.words(Self.key(commune.district)))
        districtKeys.append(districtWords[districtWords.count - 1].joined(separator: " "))
        longestName = max(longestName, key.split(separator: " ").count)
        communes.append(commune)
    }

    enum Lookup: Equatable {
        case found(Commune)
        /// Several communes of that name, in these districts.
        case ambiguous([String])
        case notFound
    }

    /// The commune named `name` exactly (kind left out), in `district` when one is given and it tells.
    func commune(named name: String, district: String = "") -> Lookup {
        pick(byName[Self.key(name)] ?? [], district: district)
    }

    /// The commune that `text` mentions (a title row such as `ỦY BAN NHÂN DÂN XÃ TỊNH ẤN TÂY`, a sheet's name,
    /// a cell `UBND xã Tịnh Ấn Tây`): a name found as whole words, preferring one written after its kind (`xã`,
    /// `phường`, `thị trấn`, so that `HUYỆN BA TƠ - XÃ BA ĐIỀN` names Ba Điền), then the longest; told apart by
    /// a district the text or `context` names.
    func commune(mentionedIn text: String, context: String = "") -> Lookup {
        let words = Spelling.words(Spelling.unified(Aliases.key(text)))
        var best: [Int] = []
        var bestScore = (0, 0)
        for start in words.indices {
            let afterKind = start > 0 && ["xã", "phường", "trấn"].contains(words[start - 1]) ? 1 : 0
            for length in stride(from: min(longestName, words.count - start), through: 1, by: -1) {
                guard let found = byName[words[start..<start + length].joined(separator: " ")] else { continue }
                let score = (afterKind, length)
                if score > bestScore {
                    best = found
                    bestScore = score
                } else if score == bestScore {
                    best += found.filter { !best.contains($0) }
                }
                break
            }
        }
        // The district named with the most words: `TP QUẢNG NGÃI 2` names TP Quảng Ngãi 2, not TP Quảng Ngãi.
        let named = words + Spelling.words(Spelling.unified(Aliases.key(context)))
        var inNamedDistrict: [Int] = []
        var namedLength = 0
        for i in best where !districtWords[i].isEmpty && Self.contains(named, districtWords[i]) {
            let length = districtWords[i].count
            if length > namedLength { (inNamedDistrict, namedLength) = ([], length) }
            if length == namedLength { inNamedDistrict.append(i) }
        }
        return pick(inNamedDistrict.count == 1 ? inNamedDistrict : best, district: "")
    }

    private func pick(_ candidates: [Int], district: String) -> Lookup {
        var matching = candidates
        if !district.isEmpty {
            let wanted = Spelling.words(Self.key(district)).joined(separator: " ")
            matching = candidates.filter { districtKeys[$0] == wanted }
            if matching.isEmpty { matching = candidates }
        }
        switch matching.count {
        case 0: return .notFound
        case 1: return .found(communes[matching[0]])
        default: return .ambiguous(matching.map { communes[$0].district })
        }
    }

    /// Whether `phrase` occurs in `words` as whole words.
    private static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { start in words[start..<start + phrase.count].elementsEqual(phrase) }
    }

    /// Whether another commune (in another district) has the same name.
    func nameIsShared(_ name: String) -> Bool { (byName[Self.key(name)]?.count ?? 0) > 1 }

    /// A commune's name in one spelling, without its kind: `Xã Tịnh Ấn Tây` and `TỊNH ẤN TÂY` are one key.
    static func key(_ name: String) -> String {
        var words = Spelling.words(Spelling.unified(Aliases.key(name)))
        if words.first == "xã" || words.first == "phường" { words.removeFirst() }
        else if words.starts(with: ["thị", "trấn"]) { words.removeFirst(2) }
        return words.joined(separator: " ")
    }
}
