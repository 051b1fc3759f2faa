/// Names of output files that every file system and archive accepts: the web workspace serves them, schools
/// unzip them on Windows, and a name must not depend on how a system stores accents or letter case.
public enum FileNames {
    /// ASCII letters, digits, `-` and `_`; Vietnamese letters lose their marks (`Đ` becomes `D`), anything else
    /// becomes `_`. `fallback` stands for a text with nothing left; a name Windows reserves (`CON`, `NUL`, …) gets
    /// a trailing `_`. At most 80 characters, far below every system's limit even with a suffix and extension.
    public static func safe(_ text: String, fallback: String) -> String {
        let folded = text.folding(options: .diacriticInsensitive, locale: nil)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        var safe = String(folded.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" }.prefix(80))
        if safe.isEmpty { safe = fallback }
        if windowsReserved.contains(safe.uppercased()) { safe += "_" }
        return safe
    }

    /// The stems, each made distinct from those before it by `-2`, `-3`, … Letter case does not make names
    /// distinct: macOS and Windows would keep only one of `Ba_To` and `ba_to`.
    public static func distinct(_ stems: [String]) -> [String] {
        var used: Set<String> = []
        return stems.map { stem in
            var name = stem
            var copy = 1
            while !used.insert(name.lowercased()).inserted {
                copy += 1
                name = "\(stem)-\(copy)"
            }
            return name
        }
    }

    private static let windowsReserved = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })
}
