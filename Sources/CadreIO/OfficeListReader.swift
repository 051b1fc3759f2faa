import CadreDomain
import Foundation

/// What a scenario tells the officials reader beyond the file: the user's mapping and the province's communes.
public struct OfficeListSettings: Sendable {
    public var mapping: OfficeListMapping
    public var communes: CommunesFile?

    public init(mapping: OfficeListMapping = .none, communes: CommunesFile? = nil) {
        self.mapping = mapping
        self.communes = communes
    }

    public static let none = OfficeListSettings()
}

/// Reads officials from lists as communes and the organisation committee keep them ("danh sách trích ngang"):
/// every sheet whose header `HeaderDetection` finds, from the row after the header; rows that are not an official's
/// (neither an id nor a name with a date of birth or title: signatures, notes, section headings) are passed over
/// with one warning per sheet.
///
/// What the list does not say is taken from elsewhere: the category from the title (`TitleCategories`), the
/// commune from a column, else from the title rows or the sheet's name; the district, area and minority area
/// from the scenario's communes file; the id, when the list has none, from the commune, the birth date and the
/// name. Columns a list usually lacks (Party committee, mass-organisation training, …) read as no
/// or the lowest level, with one warning naming them.
///
/// A value that cannot be read is reported once per column, naming each distinct value and its first rows,
/// not once per row: a list of 300 with one unknown spelling gives one message.
struct OfficeListReader {
    let file: String
    let settings: OfficeListSettings
    let decimalComma: Bool
    private(set) var problems: [InputProblem] = []
    private(set) var unread = UnreadValues()
    private(set) var unplacedHeaders: [ListInspection.UnplacedHeader] = []
    private var ids: [String: (sheet: String?, line: Int)] = [:]
    private var levelCache: [String: [String: LevelSpellings.Reading]] = [:]
    private var categoryCache: [String: CadreDomain.Category?] = [:]
    private var communeCache: [String: CommunesFile.Lookup] = [:]
    private var placeCodes: [String: String] = [:]

    /// Columns without which a list cannot give an official.
    static let requiredInLists = ["full_name", "ethnicity"]
    /// Columns a list may lack, read as the lowest level (or no) for everyone, with a warning.
    static let defaultedInLists = ["party_member", "minority_area_years"] + OfficialsReader.levelColumns

    init(file: String, settings: OfficeListSettings, decimalComma: Bool) {
        self.file = file
        self.settings = settings
        self.decimalComma = decimalComma
    }

    /// The officials of every sheet with a header; `sheets` pairs each with its detected header.
    mutating func read(_ sheets: [(rows: XLSXReader.SheetRows, header: DetectedHeader)]) -> [Numbered<Official>] {
        var officials: [(place: LineKey, official: Numbered<Official>)] = []
        var defaulted: [String] = []
        var passedOverBySheet: [(sheet: String?, records: [CSVRecord])] = []
        for (sheet, header) in sheets {
            guard let columns = placedColumns(header, sheet: sheet.name) else { continue }
            for column in columns.defaulted where !defaulted.contains(column) { defaulted.append(column) }
            let place = sheetPlace(sheet, header: header, columns: columns)
            var passedOver: [CSVRecord] = []
            for record in sheet.rows[header.dataStart...] {
                let row = ListRow(record: record, sheet: sheet.name, columns: columns)
                if !row.isAnOfficial {
                    passedOver.append(record)
                    continue
                }
                if let official = official(row, place: place) {
                    officials.append((LineKey(sheet: sheet.name, line: record.line), Numbered(line: record.line, value: official)))
                }
            }
            if !passedOver.isEmpty { passedOverBySheet.append((sheet.name, passedOver)) }
        }
        reportPassedOver(passedOverBySheet)
        if !defaulted.isEmpty {
            problems.append(InputProblem(
                file: file, message: "the list has no column for \(defaulted.joined(separator: ", ")); "
                    + "every official is read as no or the lowest level there (none, 0 years)", severity: .warning))
        }
        // An official whose values could not all be read is left out, as a contract row with an error is.
        let dropped = unread.lines
        problems += unread.problems(file: file)
        return officials.filter { !dropped.contains($0.place) }.map(\.official)
    }

    // MARK: Columns

    struct Columns {
        var positions: [ListColumn: Int] = [:]
        /// Nam and Nữ under the date of birth.
        var birthByGender: [(gender: Gender, position: Int)] = []
        var texts: [String]
        var defaulted: [String] = []

        func header(of column: ListColumn) -> String {
            positions[column].map { "column \(XLSXReader.columnName($0)) \(quoted(texts[$0]))" } ?? ""
        }
    }

    /// The columns of a sheet, or nil after a problem per column it lacks and cannot do without.
    private mutating func placedColumns(_ header: DetectedHeader, sheet: String?) -> Columns? {
        var columns = Columns(texts: header.texts)
        for (position, column) in header.columns.enumerated() {
            let text = header.texts[position]
            guard let column else {
                if !text.isEmpty {
                    unplacedHeaders.append(.init(sheet: sheet, line: header.line, column: XLSXReader.columnName(position), text: text))
                }
                continue
            }
            if case .birthDate(let gender?) = column {
                columns.birthByGender.append((gender, position))
            } else if column != .ignored, columns.positions[column] == nil {
                columns.positions[column] = position
            }
        }
        var complete = true
        func missing(_ column: String, _ why: String) {
            problems.append(InputProblem(file: file, sheet: sheet, line: header.line, field: column, message: why))
            complete = false
        }
        for column in Self.requiredInLists where columns.positions[.field(column)] == nil {
            missing(column, "the column is missing from the header")
        }
        let hasBirth = !columns.birthByGender.isEmpty || columns.positions[.birthDate(nil)] != nil
            || columns.positions[.field("birth_year")] != nil
        if !hasBirth { missing("birth_year", "the list has no date or year of birth (Năm sinh, Ngày sinh, or Nam and Nữ under Ngày, tháng, năm sinh)") }
        if columns.positions[.field("gender")] == nil && columns.birthByGender.isEmpty {
            missing("gender", "the list has no gender (Giới tính, or Nam and Nữ under Ngày, tháng, năm sinh)")
        }
        if columns.positions[.field("category")] == nil && columns.positions[.field("title")] == nil {
            missing("title", "the list has neither a category nor a title to tell it from (Chức vụ, Chức danh)")
        }
        let needsCommunes = columns.positions[.field("area")] == nil || columns.positions[.field("minority_area")] == nil
        if needsCommunes && settings.communes == nil {
            missing("area", "the list has no area or minority area; name the province's communes file in the scenario (communes: communes.csv)")
        }
        for column in Self.defaultedInLists where columns.positions[.field(column)] == nil {
            if column == "party_member" && columns.positions[.partyAdmission] != nil { continue }
            columns.defaulted.append(column)
        }
        return complete ? columns : nil
    }

    // MARK: Places

    /// The commune a sheet's title rows or name give, for lists without a commune column.
    struct SheetPlace {
        var commune: CommunesFile.Commune?
        var text: String
    }

    private mutating func sheetPlace(_ sheet: XLSXReader.SheetRows, header: DetectedHeader, columns: Columns) -> SheetPlace {
        let titles = header.titleRows.flatMap(\.fields).filter { !$0.isEmpty }.joined(separator: " ")
        guard columns.positions[.field("commune")] == nil else { return SheetPlace(text: titles) }
        guard let communes = settings.communes else {
            problems.append(InputProblem(
                file: file, sheet: sheet.name, line: header.line, field: "commune",
                message: "the list has no commune column; name the province's communes file in the scenario (communes:) "
                    + "so that the commune can be found in the title rows or the sheet's name"))
            return SheetPlace(text: titles)
        }
        for text in [titles, sheet.name ?? ""] where !text.isEmpty {
            switch communes.commune(mentionedIn: text, context: titles) {
            case .found(let commune): return SheetPlace(commune: commune, text: titles)
            case .ambiguous(let districts):
                problems.append(InputProblem(
                    file: file, sheet: sheet.name, line: header.titleRows.first?.line ?? header.line, field: "commune",
                    message: "\(quoted(text)) names a commune found in several districts (\(districts.joined(separator: ", "))); "
                        + "name the district in the title rows or add a column Huyện"))
                return SheetPlace(text: titles)
            case .notFound: continue
            }
        }
        problems.append(InputProblem(
            file: file, sheet: sheet.name, line: header.line, field: "commune",
            message: "neither the title rows nor the sheet's name name a commune of the communes file; add a column Xã"))
        return SheetPlace(text: titles)
    }

    // MARK: Rows

    private mutating func official(_ row: ListRow, place: SheetPlace) -> Official? {
        var errors = RowErrors(file: file, row: row)
        let name = row.text(.field("full_name"))
        var gender: Gender?
        var birth: ListDates.Date?
        if !row.columns.birthByGender.isEmpty {
            let filled = row.columns.birthByGender.filter { !row.cell($0.position).isEmpty }
            switch filled.count {
            case 1:
                gender = filled[0].gender
                birth = date(row, position: filled[0].position, field: "birth_year")
            case 0: errors.report("birth_year", "neither Nam nor Nữ holds the date of birth")
            default: errors.report("birth_year", "both Nam and Nữ hold a date of birth; write it under the official's gender only")
            }
        }
        if birth == nil, let position = row.columns.positions[.birthDate(nil)] ?? row.columns.positions[.field("birth_year")] {
            birth = date(row, position: position, field: "birth_year")
        }
        if let position = row.columns.positions[.field("gender")] {
            let text = row.cell(position)
            if let stated = Gender.named(text) {
                if let gender, gender != stated {
                    errors.report("gender", "\(quoted(text)) disagrees with the date of birth written under \(gender == .male ? "Nam" : "Nữ")")
                }
                gender = stated
            } else {
                unread.note(row, field: "gender", header: row.columns.header(of: .field("gender")), value: text,
                            expected: "male, female (Nam, Nữ)")
            }
        }

        let title = row.text(.field("title"))
        let category = category(row, title: title)
        let (district, commune, area, minorityArea) = whereabouts(row, place: place)
        var levels = Levels()
        for family in Family.allCases { levels[family] = level(row, family: family) }
        let partyMember = partyMember(row)
        let partyCommittee = row.columns.positions[.field("party_committee")] == nil
            ? TitleCategories.isOnPartyCommittee(title) : yesNo(row, "party_committee")
        let minorityAreaYears = integer(row, "minority_area_years", in: 0...100) ?? 0
        let leavesYear = integer(row, "leaves_year", in: 1900...2100)
        if let leavesYear, let birth, leavesYear < birth.year {
            errors.report("leaves_year", "\(leavesYear) is before the year of birth \(birth.year)")
        }

        var id = row.text(.field("id"))
        if row.columns.positions[.field("id")] == nil {
            // Without a date of birth (reported already) there is nothing to make the id from.
            if let birth {
                let place = placeCodes[district + "|" + commune] ?? placeCode(district: district, commune: commune)
                placeCodes[district + "|" + commune] = place
                id = Self.derivedID(place: place, birth: birth, name: name)
            }
        } else if id.isEmpty {
            errors.report("id", "is empty")
        }
        if !id.isEmpty {
            if let first = ids[id] {
                let there = first.sheet == row.sheet ? "line \(first.line)" : "line \(first.line) of sheet \(quoted(first.sheet ?? ""))"
                errors.report("id", row.columns.positions[.field("id")] == nil
                    ? "\(quoted(id)), made from the commune, the date of birth and the name, is also that of \(there): is the official listed twice? (or give the list a column Mã cán bộ)"
                    : "\(quoted(id)) is already the id on \(there)")
            } else {
                ids[id] = (row.sheet, row.record.line)
            }
        }
        problems += errors.problems
        guard errors.problems.isEmpty, let gender, let birth, let category, let area, let minorityArea else {
            unread.drop(row)
            return nil
        }
        return Official(
            id: id, fullName: name, gender: gender, birthYear: birth.year, ethnicity: row.text(.field("ethnicity")),
            category: category, title: title, plannedTitle: row.text(.field("planned_title")), partyMember: partyMember,
            partyCommittee: partyCommittee, district: district, commune: commune, area: area, minorityArea: minorityArea,
            minorityAreaYears: minorityAreaYears, levels: levels, leavesYear: leavesYear)
    }

    private mutating func date(_ row: ListRow, position: Int, field: String) -> ListDates.Date? {
        let text = row.cell(position)
        if let mapped = settings.mapping.value(of: text, in: field), let year = Int(mapped), (1900...2100).contains(year) {
            return ListDates.Date(year: year)
        }
        if let date = ListDates.read(text) { return date }
        unread.note(row, field: field, header: "column \(XLSXReader.columnName(position)) \(quoted(row.columns.texts[position]))", value: text,
                    expected: "a date (17/06/1970, 1970-06-17, an Excel date) or a year")
        return nil
    }

    private mutating func category(_ row: ListRow, title: String) -> CadreDomain.Category? {
        if row.columns.positions[.field("category")] != nil {
            let text = row.text(.field("category"))
            if let value = CadreDomain.Category.named(settings.mapping.value(of: text, in: "category") ?? text) { return value }
            unread.note(row, field: "category", header: row.columns.header(of: .field("category")), value: text,
                        expected: oneOf(CadreDomain.Category.allCases.map(\.rawValue)))
            return nil
        }
        let known: CadreDomain.Category?
        if let cached = categoryCache[title] {
            known = cached
        } else {
            known = TitleCategories.category(ofTitle: title, overrides: settings.mapping.titles)
            categoryCache[title] = known
        }
        if known == nil {
            unread.note(row, field: "category", header: "from the title \(row.columns.header(of: .field("title")))", value: title,
                        expected: "a commune title whose category is known; give it under titles: in the scenario "
                            + "(\(oneOf(CadreDomain.Category.allCases.map(\.rawValue))))")
        }
        return known
    }

    private mutating func whereabouts(_ row: ListRow, place: SheetPlace) -> (String, String, Area?, Bool?) {
        var district = row.text(.field("district"))
        var commune = place.commune?.name ?? ""
        var record = place.commune
        if row.columns.positions[.field("commune")] != nil {
            let text = row.text(.field("commune"))
            commune = text
            record = nil
            if let communes = settings.communes {
                let cacheKey = district + "|" + text
                let lookup: CommunesFile.Lookup
                if let cached = communeCache[cacheKey] {
                    lookup = cached
                } else {
                    let exact = communes.commune(named: text, district: district)
                    lookup = exact == .notFound ? communes.commune(mentionedIn: text, context: district) : exact
                    communeCache[cacheKey] = lookup
                }
                switch lookup {
                case .found(let found):
                    record = found
                    commune = found.name
                case .ambiguous(let districts):
                    unread.note(row, field: "commune", header: row.columns.header(of: .field("commune")), value: text,
                                expected: "a commune of one district (it is in \(districts.joined(separator: ", ")); add a column Huyện)")
                case .notFound:
                    if row.columns.positions[.field("area")] == nil || row.columns.positions[.field("minority_area")] == nil {
                        unread.note(row, field: "commune", header: row.columns.header(of: .field("commune")), value: text,
                                    expected: "a commune of the communes file")
                    }
                }
            }
        }
        if district.isEmpty, let record { district = record.district }
        var area = record?.area
        if row.columns.positions[.field("area")] != nil {
            let text = row.text(.field("area"))
            area = Area.named(settings.mapping.value(of: text, in: "area") ?? text)
            if area == nil {
                unread.note(row, field: "area", header: row.columns.header(of: .field("area")), value: text,
                            expected: oneOf(Area.allCases.map(\.rawValue)))
            }
        }
        let minorityArea = row.columns.positions[.field("minority_area")] != nil ? yesNo(row, "minority_area") : record?.minorityArea
        return (district, commune, area, minorityArea)
    }

    private mutating func level(_ row: ListRow, family: Family) -> Int {
        let column = family.officialsColumn
        guard let position = row.columns.positions[.field(column)] else { return 0 }
        let text = row.cell(position)
        if text.isEmpty { return 0 }
        if let mapped = settings.mapping.value(of: text, in: column), let level = family.level(spelled: mapped) { return level }
        let reading: LevelSpellings.Reading
        if let cached = levelCache[column]?[text] {
            reading = cached
        } else {
            reading = LevelSpellings.read(text, family: family)
            levelCache[column, default: [:]][text] = reading
        }
        switch reading {
        case .level(let level): return level
        case .unknown:
            unread.note(row, field: column, header: row.columns.header(of: .field(column)), value: text,
                        expected: oneOf(family.levelNames))
        case .ambiguous(let levels):
            // The words that named each level, unless one word named both (`B`: B1 or B2).
            let sameWords = Set(levels.map(\.words)).count == 1
            let both = levels.map { level in
                let name = family == .foreignLanguage ? "\(level.level) (\(Self.cefr[level.level]))" : family.name(ofLevel: level.level)
                return sameWords ? name : "\(name) (\(quoted(level.words)))"
            }.joined(separator: " or ")
            unread.note(row, field: column, header: row.columns.header(of: .field(column)), value: text,
                        expected: oneOf(family.levelNames), ambiguity: "could be \(both)")
        }
        return 0
    }

    private static let cefr = ["none", "A1", "A2", "B1", "B2", "C1", "C2"]

    private mutating func partyMember(_ row: ListRow) -> Bool {
        if row.columns.positions[.field("party_member")] != nil { return yesNo(row, "party_member") }
        guard let position = row.columns.positions[.partyAdmission] else { return false }
        let text = row.cell(position)
        if text.isEmpty { return false }
        if let mapped = settings.mapping.value(of: text, in: "party_member"), let yes = Self.yesNo(mapped) { return yes }
        if ListDates.isDateOrYear(text) { return true }
        if let yes = Self.yesNo(text) { return yes }
        unread.note(row, field: "party_member", header: row.columns.header(of: .partyAdmission), value: text,
                    expected: "a date or year of admission, or empty")
        return false
    }

    /// Empty is no in a list, where a tick column is left blank for no.
    private mutating func yesNo(_ row: ListRow, _ column: String) -> Bool {
        let text = row.text(.field(column))
        if text.isEmpty { return false }
        if let yes = Self.yesNo(settings.mapping.value(of: text, in: column) ?? text) { return yes }
        if column == "party_member", ListDates.isDateOrYear(text) { return true }
        unread.note(row, field: column, header: row.columns.header(of: .field(column)), value: text, expected: "yes, no (x, có, không)")
        return false
    }

    private static func yesNo(_ text: String) -> Bool? {
        let key = Aliases.key(text)
        switch Aliases.yesNo[key] ?? key {
        case "yes": return true
        case "no": return false
        default: return nil
        }
    }

    private mutating func integer(_ row: ListRow, _ column: String, in range: ClosedRange<Int>) -> Int? {
        let text = row.text(.field(column))
        if text.isEmpty { return nil }
        if let number = Int(text), range.contains(number) { return number }
        unread.note(row, field: column, header: row.columns.header(of: .field(column)), value: text,
                    expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        return nil
    }

    /// One warning for the whole file, however many sheets end in a signature block.
    private mutating func reportPassedOver(_ passedOver: [(sheet: String?, records: [CSVRecord])]) {
        guard let first = passedOver.first, let firstRecord = first.records.first else { return }
        let count = passedOver.map(\.records.count).reduce(0, +)
        func lines(_ records: [CSVRecord]) -> String {
            let numbers = records.map { String($0.line) }
            return numbers.count > 6 ? numbers.prefix(5).joined(separator: ", ") + ", …" : numbers.joined(separator: ", ")
        }
        var places = passedOver.prefix(3).map { sheet, records in
            passedOver.count == 1 ? lines(records) : "[\(sheet ?? "")] \(lines(records))"
        }.joined(separator: "; ")
        if passedOver.count > 3 { places += "; and in \(passedOver.count - 3) more sheets" }
        let example = firstRecord.fields.first { !$0.isEmpty } ?? ""
        problems.append(InputProblem(
            file: file, sheet: first.sheet, line: firstRecord.line,
            message: "\(count == 1 ? "a row holds" : "\(count) rows hold") neither an id nor a name with a date of birth or title "
                + "(a signature, a note, a heading such as \(quoted(String(example.prefix(40))))) and \(count == 1 ? "is" : "are") not read: "
                + places,
            severity: .warning))
    }

    // MARK: Ids

    /// `TINHANTAY-19700617-TRANMINHVIET`: the commune (see `placeCode`), the date of birth as precise as the list
    /// gives it, the name; ASCII, so that it can be typed in locks.csv and actuals.csv. It does not change when
    /// rows are reordered or officials are added, as a row number would, and two rows can only share it when
    /// they are the same person listed twice.
    static func derivedID(place: String, birth: ListDates.Date, name: String) -> String {
        [place, birth.compact, ASCIIFolding.upper(name)].joined(separator: "-")
    }

    /// The commune in an id: without its kind, in ASCII capitals, after its district when the communes file has
    /// another commune of that name (`TUNGHIA-BINHHAI`).
    private func placeCode(district: String, commune: String) -> String {
        let code = ASCIIFolding.upper(CommunesFile.key(commune))
        guard settings.communes?.nameIsShared(commune) == true, !district.isEmpty else { return code.isEmpty ? "X" : code }
        return ASCIIFolding.upper(district) + "-" + code
    }
}

/// Vietnamese letters without their marks, for ids typed on any keyboard. A table rather than Foundation's
/// folding, which costs more than the rest of reading a row.
enum ASCIIFolding {
    /// Letters and digits of `text` in ASCII capitals, spaces and punctuation left out: `Trần Minh Việt` →
    /// `TRANMINHVIET`.
    static func upper(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte - 32)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                default: break
                }
            } else if let base = table[scalar] {
                bytes.append(base)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let table: [Unicode.Scalar: UInt8] = {
        let letters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
        var table: [Unicode.Scalar: UInt8] = [:]
        for letter in letters + letters.uppercased() {
            let base = letter == "đ" || letter == "Đ" ? "D" : String(letter).folding(options: .diacriticInsensitive, locale: nil).uppercased()
            guard let scalar = String(letter).unicodeScalars.first, let byte = base.utf8.first, base.utf8.count == 1 else { continue }
            table[scalar] = byte
        }
        return table
    }()
}

/// One data row of a list with the columns of its sheet.
struct ListRow {
    let record: CSVRecord
    let sheet: String?
    let columns: OfficeListReader.Columns

    func cell(_ position: Int) -> String { position < record.fields.count ? record.fields[position] : "" }

    func text(_ column: ListColumn) -> String { columns.positions[column].map(cell) ?? "" }

    /// An id, or a name with a date of birth or a title. Signature blocks put names under the name column
    /// ("NGƯỜI LẬP BIỂU", the signer's name) but nothing else an official's row has.
    var isAnOfficial: Bool {
        if !text(.field("id")).isEmpty { return true }
        guard !text(.field("full_name")).isEmpty else { return false }
        let birth = columns.birthByGender.map(\.position) + [columns.positions[.birthDate(nil)], columns.positions[.field("birth_year")]].compactMap { $0 }
        return !text(.field("title")).isEmpty || birth.contains { !cell($0).isEmpty }
    }
}

/// Problems of one row that are not about a value's spelling (those go to `UnreadValues`).
private struct RowErrors {
    let file: String
    let row: ListRow
    var problems: [InputProblem] = []

    init(file: String, row: ListRow) {
        self.file = file
        self.row = row
    }

    mutating func report(_ field: String, _ message: String) {
        problems.append(InputProblem(file: file, sheet: row.sheet, line: row.record.line, field: field, message: message))
    }
}

struct LineKey: Hashable {
    var sheet: String?
    var line: Int
}

/// Values that cannot be read, gathered per column, so that each distinct value is reported once with its first
/// rows however many rows hold it.
struct UnreadValues {
    struct Occurrences {
        var header: String
        var expected: String
        var ambiguity: String?
        var count = 0
        var first: [LineKey] = []
    }

    /// Field → value → where; fields and values in the order first met.
    private(set) var byField: [String: [String: Occurrences]] = [:]
    private var fieldOrder: [String] = []
    private var valueOrder: [String: [String]] = [:]
    /// Rows holding any value that cannot be read, or another error: they give no official.
    private(set) var lines: Set<LineKey> = []

    mutating func note(_ row: ListRow, field: String, header: String, value: String, expected: String, ambiguity: String? = nil) {
        let key = LineKey(sheet: row.sheet, line: row.record.line)
        lines.insert(key)
        if byField[field] == nil { fieldOrder.append(field) }
        if byField[field]?[value] == nil {
            valueOrder[field, default: []].append(value)
            byField[field, default: [:]][value] = Occurrences(header: header, expected: expected, ambiguity: ambiguity)
        }
        byField[field]![value]!.count += 1
        if byField[field]![value]!.first.count < 3 { byField[field]![value]!.first.append(key) }
    }

    mutating func drop(_ row: ListRow) { lines.insert(LineKey(sheet: row.sheet, line: row.record.line)) }

    /// The distinct values of each field, in the order met.
    var fields: [(field: String, header: String, values: [(value: String, occurrences: Occurrences)])] {
        fieldOrder.map { field in
            let values = valueOrder[field]!.map { ($0, byField[field]![$0]!) }
            return (field, values[0].1.header, values)
        }
    }

    /// One error per column: `political_theory: column H "Trình độ / Lý luận chính trị": "TC LLCT cũ" (rows 7, 8,
    /// 9 and 297 more) is not one of none, elementary, intermediate, advanced; …`.
    func problems(file: String) -> [InputProblem] {
        fields.map { field, header, values in
            let first = values[0].occurrences.first[0]
            let parts = values.map { value, seen in
                var rows = seen.first.map { $0.sheet == first.sheet ? "\($0.line)" : "\($0.line) [\($0.sheet ?? "")]" }.joined(separator: ", ")
                if seen.count > seen.first.count { rows += " and \(seen.count - seen.first.count) more" }
                let why = seen.ambiguity ?? "is not one of \(seen.expected)"
                return "\(quoted(value)) (\(seen.count == 1 ? "row" : "rows") \(rows)) \(why)"
            }
            // A title's category is given under titles:, which its expectation names already.
            let mapHint = values[0].occurrences.expected.contains("titles:")
                ? "" : "; write a value it names, or map \(values.count == 1 ? "it" : "them") under values: \(field): in the scenario"
            return InputProblem(
                file: file, sheet: first.sheet, line: first.line, field: field,
                message: "\(header): \(parts.joined(separator: "; "))\(mapHint)")
        }
    }
}

/// What the web workspace shows when a list is uploaded, to ask the user for a mapping: the headers the reader
/// could not place and the values it could not read, each once, with where they are.
public struct ListInspection: Sendable {
    public struct UnplacedHeader: Sendable, Equatable {
        public var sheet: String?
        public var line: Int
        /// Excel's column letter.
        public var column: String
        public var text: String
    }

    public struct UnreadValue: Sendable, Equatable {
        /// The officials.csv column it was read for (the key of `values:`).
        public var field: String
        /// The column's letter and header as the list writes it.
        public var header: String
        public var value: String
        public var count: Int
        /// The first rows holding it (sheet, row).
        public var firstRows: [RowPlace]
        /// For a value that could be two levels, which two.
        public var ambiguity: String?
    }

    public struct RowPlace: Sendable, Equatable {
        public var sheet: String?
        public var line: Int
    }

    public var unplacedHeaders: [UnplacedHeader]
    public var unreadValues: [UnreadValue]
    /// Every problem reading the file would report, warnings included.
    public var problems: [InputProblem]
}
