import Foundation

/// Turns a file's bytes into UTF-8, or into one clear refusal naming the encoding it is most likely in.
///
/// Unambiguous encodings are converted: UTF-8 with or without a BOM, and UTF-16 with its BOM (Excel's
/// "Unicode Text"). Anything else that is not valid UTF-8 is refused rather than guessed at, because a wrong
/// guess would put mojibake into names without any error. The refusal names the most likely legacy Vietnamese
/// encoding, so that the user knows which converter setting to pick.
///
/// How the encoding is guessed: each legacy encoding writes Vietnamese with bytes, or pairs of bytes, that
/// the other two seldom produce, and the one with the most such marks wins.
/// - TCVN3 (ABC, the `.VnTime` fonts) has one byte per accented letter. It puts the commonest (ă â ê ô ơ ư đ,
///   the tones of a) at 0xA1–0xBF, where the others hold only symbols, and the rest at 0xB5–0xFE, where,
///   being the vowel itself, such a byte follows a consonant.
/// - Windows-1258 writes a tone as a combining mark after its vowel (ASCII or â ê ô ă ơ ư): 0xCC ̀, 0xEC ́,
///   0xDE ̃, 0xD2 ̉, 0xF2 ̣; and đ/Đ as 0xF0/0xD0.
/// - VNI writes every mark as a byte after its vowel: the plain tones are 0xF8 ø, 0xF9 ù, 0xFB û, 0xEF ï
///   (0xD8 0xD9 0xDB 0xCF in capitals) after an ASCII vowel or ơ/ư (0xF4 0xF6, 0xD4 0xD6); đ/Đ are 0xF1/0xD1.
/// A file with none of these marks is "in an encoding that is not UTF-8", unnamed.
public enum TextEncoding {
    public enum Legacy: String, Sendable, CaseIterable {
        case tcvn3 = "TCVN3 (ABC)"
        case windows1258 = "Windows-1258"
        case vni = "VNI"

        fileprivate var rank: Int { Legacy.allCases.firstIndex(of: self)! }

        /// How to turn a file in this encoding into UTF-8: iconv knows two of the three.
        fileprivate var conversion: String {
            switch self {
            case .tcvn3:
                "convert it with UniKey's converter (TCVN3 (ABC) → Unicode) or `iconv -f TCVN5712-1 -t UTF-8`"
            case .windows1258:
                "open it in Excel and save it as \"CSV UTF-8\", or convert it with `iconv -f WINDOWS-1258 -t UTF-8`"
            case .vni:
                "convert it with UniKey's converter (VNI Windows → Unicode), then save it as \"CSV UTF-8\""
            }
        }
    }

    /// The text's UTF-8 bytes without a BOM; nil after the one problem that stops the file from being read.
    public static func utf8(_ data: Data, file: String, problems: inout [InputProblem]) -> [UInt8]? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard bytes.count % 2 == 0, let text = String(bytes: bytes[2...], encoding: encoding) else {
                problems.append(InputProblem(file: file, message: "starts as UTF-16 text but is not valid UTF-16"))
                return nil
            }
            return Array(text.utf8)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes
        if String(validating: body, as: UTF8.self) != nil { return body }
        problems.append(InputProblem(file: file, message: refusal(guessLegacy(body))))
        return nil
    }

    /// The legacy encoding with the most telltale marks (see the type's comment); nil when there are none.
    public static func guessLegacy(_ bytes: [UInt8]) -> Legacy? {
        let asciiVowels = Set("aeiouyAEIOUY".utf8)
        let vowels1258 = asciiVowels.union([0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD, 0xC2, 0xCA, 0xD4, 0xC3, 0xD5, 0xDD])
        let marks1258: Set<UInt8> = [0xCC, 0xEC, 0xDE, 0xD2, 0xF2]
        let vowelsVNI = asciiVowels.union([0xF4, 0xF6, 0xD4, 0xD6])
        let tonesVNI: Set<UInt8> = [0xF8, 0xF9, 0xFB, 0xEF, 0xD8, 0xD9, 0xDB, 0xCF]
        var scores: [Legacy: Int] = [:]
        var previous: UInt8 = 0x20
        for byte in bytes {
            defer { previous = byte }
            guard byte >= 0x80 else { continue }
            let afterConsonant = previous < 0x80 && Character(UnicodeScalar(previous)).isLetter && !asciiVowels.contains(previous)
            if (0xA1...0xBF).contains(byte) || (byte >= 0xB5 && afterConsonant) { scores[.tcvn3, default: 0] += 1 }
            if (marks1258.contains(byte) && vowels1258.contains(previous)) || byte == 0xF0 || byte == 0xD0 {
                scores[.windows1258, default: 0] += 1
            }
            if (tonesVNI.contains(byte) && vowelsVNI.contains(previous)) || byte == 0xF1 || byte == 0xD1 {
                scores[.vni, default: 0] += 1
            }
        }
        // Ties go to the commoner encoding: TCVN3 was the standard of offices for years, then Windows-1258.
        let best = Legacy.allCases.max { (scores[$0] ?? 0) < (scores[$1] ?? 0) || ((scores[$0] ?? 0) == (scores[$1] ?? 0) && $0.rank > $1.rank) }!
        return (scores[best] ?? 0) > 0 ? best : nil
    }

    static func refusal(_ legacy: Legacy?) -> String {
        guard let legacy else {
            return "is not UTF-8 text and its encoding is not recognised; open it in Excel and save it as \"CSV UTF-8\""
        }
        return "is not UTF-8 text: it looks like \(legacy.rawValue); \(legacy.conversion)"
    }
}
