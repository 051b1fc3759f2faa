/// Dates as lists hold them: typed as text (`17/06/1970`, `17-6-1970`, `17.06.1970`, `06/1970`, `1970`,
/// `1970-06-17`) or as Excel date cells, which a workbook stores as the number of days since 30 December 1899.
///
/// Day before month, as Vietnamese writes dates. A two-digit year is refused: `17/06/70` might be 1970 or 2070
/// in a list of people's dates, and the century cannot be told.
enum ListDates {
    struct Date: Equatable {
        var year: Int
        var month: Int?
        var day: Int?

        /// `19700617`, `197006` or `1970`: for ids that must not change when the list is re-typed.
        var compact: String {
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(year)" + (month.map(two) ?? "") + (day.map(two) ?? "")
        }
    }

    /// Excel's serial numbers for 1 January 1900 … 31 December 2100. A whole number 1900–2100 is a year,
    /// never a serial: that serial would be a date in 1905, no one's birth date in these lists.
    private static let serials = 1...73_415

    static func read(_ text: String) -> Date? {
        if let number = Int(text) {
            if (1900...2100).contains(number) { return Date(year: number) }
            return serials.contains(number) ? fromSerial(number) : nil
        }
        if let number = Double(text), number.isFinite, number >= 1, number < Double(serials.upperBound + 1),
           text.allSatisfy({ $0.isNumber || $0 == "." }) {
            return fromSerial(Int(number))
        }
        // An ISO date with a time, as some exports write a date cell: `1970-06-17 00:00:00`.
        let datePart = text.split(separator: " ").first.map(String.init) ?? text
        let parts = datePart.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        let numbers = parts.compactMap { part in part.allSatisfy(\.isASCII) ? Int(part) : nil }
        guard numbers.count == parts.count else { return nil }
        switch numbers.count {
        case 3 where parts[0].count == 4:
            return valid(year: numbers[0], month: numbers[1], day: numbers[2])
        case 3 where parts[2].count == 4:
            return valid(year: numbers[2], month: numbers[1], day: numbers[0])
        case 2 where parts[1].count == 4:
            guard (1...12).contains(numbers[0]), (1900...2100).contains(numbers[1]) else { return nil }
            return Date(year: numbers[1], month: numbers[0])
        default:
            return nil
        }
    }

    /// Whether `text` is a date or a year (a Party admission, a course done in that year).
    static func isDateOrYear(_ text: String) -> Bool { read(text) != nil }

    private static func valid(year: Int, month: Int, day: Int) -> Date? {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return Date(year: year, month: month, day: day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Excel counts 1900 as a leap year (a bug it keeps for Lotus 1-2-3), so from 1 March 1900 on, serial n is
    /// n days after 30 December 1899; the civil-from-days conversion below is Howard Hinnant's.
    private static func fromSerial(_ serial: Int) -> Date? {
        guard serial >= 61 else { return nil }
        let daysSinceEpoch = serial - 25_569 // 1970-01-01
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Date(year: year, month: month, day: day)
    }
}
