/// A table as both the workbook and the HTML report show it: typed cells, so each output formats numbers its own way.
struct Table {
    enum Cell: Equatable {
        case text(String)
        case number(Double, NumberStyle)
        case empty

        static func int(_ value: Int) -> Cell { .number(Double(value), .integer) }
        static func money(_ value: Double) -> Cell { .number(value, .money) }
        /// A fraction shown as a percentage; empty when there is nothing to divide by.
        static func share(_ part: Int, of whole: Int) -> Cell { whole > 0 ? .number(Double(part) / Double(whole), .percent) : .empty }
    }

    enum NumberStyle: Equatable {
        case integer, money, percent, decimal
    }

    struct Column {
        var title: String
        /// In Excel's character widths.
        var width: Double
    }

    var name: String
    var columns: [Column]
    var rows: [[Cell]] = []
}
