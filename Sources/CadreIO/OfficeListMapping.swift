import CadreDomain

/// What the user says once, in the scenario, about lists the readers cannot place by themselves:
///
/// ```yaml
/// columns: { "Mã CB": id, "Ngày sinh (dương lịch)": birth_date }
/// values:
///   political_theory: { "TC LLCT cũ": intermediate }
///   foreign_language: { "Anh B": 3 }
/// titles: { "Phó Trưởng ban Tổ chức Đảng ủy": part_time }
/// ```
///
/// `columns` maps a header (a sub-header, or group and sub-header joined by a space) to an officials.csv
/// column or to `birth_date`, `party_admission` or `ignore`; `values` maps, per officials.csv column, a cell
/// to a value of that column; `titles` maps a title to its category. Keys match in any letter case and either
/// tone placement (`hoá`/`hóa`).
public struct OfficeListMapping: Sendable, Equatable {
    public var columns: [String: String]
    public var values: [String: [String: String]]
    public var titles: [String: CadreDomain.Category]

    public init(columns: [String: String] = [:], values: [String: [String: String]] = [:], titles: [String: CadreDomain.Category] = [:]) {
        self.columns = Dictionary(columns.map { (Self.key($0.key), $0.value) }) { _, last in last }
        self.values = values.mapValues { table in Dictionary(table.map { (Self.key($0.key), $0.value) }) { _, last in last } }
        self.titles = Dictionary(titles.map { (TitleCategories.key($0.key), $0.value) }) { _, last in last }
    }

    public static let none = OfficeListMapping()

    /// The targets `columns:` may name besides officials.csv's columns.
    static let listColumnNames = ["birth_date", "party_admission", "ignore"]

    /// The form in which mapping keys and cells are compared.
    static func key(_ text: String) -> String { Spelling.unified(Aliases.key(text)) }

    /// The user's value for `cell` in `column`, if they gave one.
    func value(of cell: String, in column: String) -> String? {
        values[column]?[Self.key(cell)]
    }
}
