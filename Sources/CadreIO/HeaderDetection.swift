import CadreDomain

/// What a column of a list holds.
enum ListColumn: Hashable {
    /// An officials.csv column (`full_name`, `political_theory`, …).
    case field(String)
    /// A date of birth; under `Nam` or `Nữ`, it also says the gender.
    case birthDate(Gender?)
    /// The date (or year) of joining the Party: a member when filled.
    case partyAdmission
    /// Known and not needed (STT, notes, home town).
    case ignored
}

/// The header of a list as offices keep it: below the unit's name and the list's title, on one row or on two
/// (a group such as `Trình độ` merged over `Chuyên môn`, `Lý luận chính trị`, …; `Ngày, tháng, năm sinh` over
/// `Nam` and `Nữ`), sometimes followed by a row numbering the columns `(1) (2) (3)`.
struct DetectedHeader {
    /// The Excel row (or CSV line) of the header's first row.
    var line: Int
    /// One row, or two when a sub-header row is joined to it.
    var rowCount: Int
    /// Each column's header as messages show it (`Trình độ / Lý luận chính trị`).
    var texts: [String]
    /// Each column's meaning; nil where the header cannot be placed.
    var columns: [ListColumn?]
    /// Rows above the header: the unit, the list's title.
    var titleRows: [CSVRecord]
    /// Index in the sheet's rows of the first row after the header.
    var dataStart: Int

    func position(of column: ListColumn) -> Int? { columns.firstIndex(of: column) }
    func positions(of column: ListColumn) -> [Int] { columns.indices.filter { columns[$0] == column } }
}

enum HeaderDetection {
    /// A header names at least this many known columns, one of them the name or the id: fewer is a title or a
    /// data row that happens to hold a known word.
    static let knownColumnsNeeded = 3
    /// Title rows above a header are a handful; a header further down is not looked for.
    static let rowsSearched = 30

    /// The header of `rows`, or nil when none of the first rows names enough known columns.
    static func detect(_ rows: [CSVRecord], mapping: OfficeListMapping) -> DetectedHeader? {
        var cache: [String: ListColumn?] = [:]
        return detect(rows, mapping: mapping, cache: &cache)
    }

    /// `cache` keeps the place of each cell's text across the sheets of a workbook, which repeat their titles and
    /// headers.
    static func detect(_ rows: [CSVRecord], mapping: OfficeListMapping, cache: inout [String: ListColumn?]) -> DetectedHeader? {
        for index in rows.indices.prefix(rowsSearched) {
            let single = rows[index].fields.map { text in
                if let known = cache[text] { return known }
                let placed = place(group: "", sub: text, mapping: mapping)
                cache[text] = placed
                return placed
            }
            guard isHeader(single) else { continue }
            var header = DetectedHeader(
                line: rows[index].line, rowCount: 1, texts: rows[index].fields, columns: single,
                titleRows: Array(rows[..<index]), dataStart: index + 1)
            if index + 1 < rows.count, let joined = joinSubHeader(rows[index], rows[index + 1], single: single, mapping: mapping) {
                header.texts = joined.texts
                header.columns = joined.columns
                header.rowCount = 2
                header.dataStart += 1
            }
            if header.dataStart < rows.count, isColumnNumbering(rows[header.dataStart]) { header.dataStart += 1 }
            return header
        }
        return nil
    }

    private static func isHeader(_ columns: [ListColumn?]) -> Bool {
        let known = Set(columns.compactMap { $0 }.filter { $0 != .ignored })
        return known.count >= knownColumnsNeeded && (known.contains(.field("full_name")) || known.contains(.field("id")))
    }

    /// The header of `top` with `below` as its sub-header, when `below` is one: it holds nothing under the name
    /// and places more columns joined than `top` alone does.
    private static func joinSubHeader(
        _ top: CSVRecord, _ below: CSVRecord, single: [ListColumn?], mapping: OfficeListMapping
    ) -> (texts: [String], columns: [ListColumn?])? {
        let width = max(top.fields.count, below.fields.count)
        func cell(_ row: CSVRecord, _ k: Int) -> String { k < row.fields.count ? row.fields[k] : "" }
        for column in [ListColumn.field("full_name"), .field("id")] {
            if let k = single.firstIndex(of: column), !cell(below, k).isEmpty { return nil }
        }
        var texts: [String] = []
        var columns: [ListColumn?] = []
        // A merged group cell holds its text in its first column only; the columns after it that have a
        // sub-header of their own belong to it too.
        var group = ""
        for k in 0..<width {
            let top = cell(top, k)
            let sub = cell(below, k)
            if !top.isEmpty { group = sub.isEmpty ? "" : top } else if sub.isEmpty { group = "" }
            if sub.isEmpty {
                texts.append(top)
                columns.append(top.isEmpty ? nil : place(group: "", sub: top, mapping: mapping))
            } else {
                texts.append(group.isEmpty || group == sub ? sub : "\(group) / \(sub)")
                columns.append(place(group: group == sub ? "" : group, sub: sub, mapping: mapping))
            }
        }
        let placedJoined = columns.compactMap { $0 }.count
        let placedSingle = single.compactMap { $0 }.count
        return placedJoined > placedSingle ? (texts, columns) : nil
    }

    /// `1 2 3 …` or `(1) (2) (3) …` under the header, as official forms number their columns.
    private static func isColumnNumbering(_ row: CSVRecord) -> Bool {
        let filled = row.fields.filter { !$0.isEmpty }
        return filled.count >= knownColumnsNeeded && filled.allSatisfy { cell in
            let digits = cell.trimmingPrefix("(").replacing(")", with: "")
            return !digits.isEmpty && digits.count <= 3 && digits.allSatisfy(\.isNumber)
        }
    }

    /// What a column holds, from its header (and the group above it): the user's `columns:` first, then the
    /// names the readers know.
    static func place(group: String, sub: String, mapping: OfficeListMapping) -> ListColumn? {
        if sub.isEmpty { return nil }
        let subKey = OfficeListMapping.key(sub)
        let joinedKey = group.isEmpty ? subKey : OfficeListMapping.key(group + " " + sub)
        for key in [joinedKey, subKey] {
            if let target = mapping.columns[key] { return listColumn(named: target) }
        }
        if !group.isEmpty, case .birthDate = known[OfficeListMapping.key(group)] ?? .ignored {
            if let gender = Gender.named(sub) { return .birthDate(gender) }
        }
        return known[joinedKey] ?? known[subKey]
    }

    /// The column a `columns:` target names; nil when it names none (the scenario reader reports it).
    static func listColumn(named target: String) -> ListColumn? {
        switch target {
        case "birth_date": .birthDate(nil)
        case "party_admission": .partyAdmission
        case "ignore": .ignored
        default: OfficialsReader.allColumns.contains(target) ? .field(target) : nil
        }
    }

    /// Headers of officials.csv: its own names and `Aliases.officialsColumns`.
    static let contractHeaders: Set<String> = Set(OfficialsReader.allColumns)
        .union(Aliases.officialsColumns.keys.map(OfficeListMapping.key))

    /// Headers of officials.csv (its own names and `Aliases.officialsColumns`) and those lists use.
    static let known: [String: ListColumn] = {
        var table: [String: ListColumn] = [:]
        for column in OfficialsReader.allColumns { table[column] = .field(column) }
        for (alias, column) in Aliases.officialsColumns { table[OfficeListMapping.key(alias)] = .field(column) }
        let list: [String: ListColumn] = [
            "stt": .ignored, "tt": .ignored, "số tt": .ignored, "số thứ tự": .ignored,
            "ghi chú": .ignored, "quê quán": .ignored, "tôn giáo": .ignored, "nơi ở": .ignored,
            "nơi ở hiện nay": .ignored, "chỗ ở hiện nay": .ignored, "ngày tuyển dụng": .ignored,
            "ngày vào cơ quan": .ignored, "số điện thoại": .ignored, "điện thoại": .ignored,
            // General schooling (`12/12`) is not the professional degree the targets count.
            "văn hóa": .ignored, "học vấn": .ignored, "giáo dục phổ thông": .ignored, "trình độ văn hóa": .ignored,
            "ngày, tháng, năm sinh": .birthDate(nil), "ngày tháng năm sinh": .birthDate(nil), "ngày sinh": .birthDate(nil),
            "sinh ngày": .birthDate(nil), "năm, tháng, ngày sinh": .birthDate(nil),
            "ngày vào đảng": .partyAdmission, "ngày kết nạp đảng": .partyAdmission, "năm vào đảng": .partyAdmission,
            "ngày vào đảng chính thức": .partyAdmission,
            "họ và tên khai sinh": .field("full_name"), "họ và tên cán bộ": .field("full_name"),
            "chức vụ, chức danh": .field("title"), "chức danh, chức vụ": .field("title"),
            "chức vụ hiện nay": .field("title"), "chức danh hiện nay": .field("title"),
            "đơn vị": .field("commune"), "nơi công tác": .field("commune"), "đơn vị công tác": .field("commune"),
            "chuyên môn": .field("education"), "chuyên môn nghiệp vụ": .field("education"),
            "trình độ chuyên môn nghiệp vụ": .field("education"),
            "llct": .field("political_theory"), "chính trị": .field("political_theory"),
            "qlnn": .field("state_management"), "quản lý nhà nước": .field("state_management"),
            "bồi dưỡng quản lý nhà nước": .field("state_management"),
            "tiếng dân tộc thiểu số": .field("ethnic_language"),
            "nghiệp vụ công tác đoàn thể": .field("mass_org_training"), "bồi dưỡng nghiệp vụ đoàn thể": .field("mass_org_training"),
            "bồi dưỡng cập nhật kiến thức": .field("leadership_update"), "cập nhật kiến thức theo chức danh": .field("leadership_update"),
            "quy hoạch": .field("planned_title"),
            "cấp ủy": .field("party_committee"),
        ]
        for (header, column) in list { table[OfficeListMapping.key(header)] = column }
        return table
    }()
}
