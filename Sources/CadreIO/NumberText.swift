import Foundation

/// Numbers as the output files write them: plain digits, `.` as the decimal point, no thousands separators and
/// never exponent notation (Swift's `description` writes 6000000000 as 6e+09, which spreadsheets misread).
public enum NumberText {
    /// VND: an integer when within 10⁻⁶ of one, otherwise rounded to at most 2 decimals.
    public static func money(_ value: Double) -> String {
        let whole = value.rounded()
        if abs(value - whole) <= 1e-6 {
            return abs(whole) < 1e15 ? String(Int64(whole)) : decimal(whole, maxFractionDigits: 0)
        }
        return decimal(value, maxFractionDigits: 2)
    }

    /// Rounded to at most `maxFractionDigits` decimals, trailing zeros dropped (`0.25`, `3`, `-1.5`).
    public static func decimal(_ value: Double, maxFractionDigits: Int = 6) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var text = String(format: "%.\(maxFractionDigits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        // Rounding can leave "-0".
        if text == "-0" { text = "0" }
        return text
    }
}
