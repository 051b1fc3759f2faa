import CadreDomain
import CadreIO
import Foundation

/// `changes.csv` of a re-plan with `--previous`: each assignment of the previous plan from the re-plan year on
/// that was removed or moved, and each new one, with why.
public enum ChangesFile {
    public static let name = "changes.csv"
    public static let columns = [
        "official_id", "full_name", "district", "commune", "change", "course_id", "course_name", "previous_year",
        "new_year", "reason", "detail",
    ]

    /// `officials` finds names for officials who have left as well as for those still in service.
    public static func csv(_ changes: [PlanChange], officials: [String: Official], courses: [Course],
                           language: ReportLanguage) -> Data {
        let words = Wording(language: language)
        let courseNames = Dictionary(courses.map { ($0.id, $0.name) }) { first, _ in first }
        var writer = CSVWriter(header: columns)
        for change in changes {
            let official = officials[change.officialID]
            writer.append([
                change.officialID, official?.fullName ?? "", official?.district ?? "", official?.commune ?? "",
                change.kind.rawValue, change.courseID, courseNames[change.courseID] ?? "",
                change.previousYear.map(String.init) ?? "", change.newYear.map(String.init) ?? "",
                change.reason.code, words.changeDetail(change.reason),
            ])
        }
        return writer.data
    }
}

extension PlanChange.Reason {
    /// A stable word for filtering in Excel.
    public var code: String {
        switch self {
        case .leftService: "left_service"
        case .alreadyTaken: "already_taken"
        case .alreadyQualified: "already_qualified"
        case .forbidden: "forbidden"
        case .pinned: "pinned"
        case .notEligible: "not_eligible"
        case .rescheduledAfterDrop: "dropped_earlier"
        case .newOfficial: "new_official"
        case .officialChanged: "official_changed"
        case .replanned: "replanned"
        }
    }
}

extension Wording {
    public func changeDetail(_ reason: PlanChange.Reason) -> String {
        switch reason {
        case .leftService(let year?): text("đã nghỉ (năm công tác cuối \(year))", "left service (last year \(year))")
        case .leftService(nil): text("không còn trong danh sách cán bộ", "no longer among the officials")
        case .alreadyTaken(let year): text("đã học khóa này (bắt đầu \(year))", "already taken (started \(year))")
        case .alreadyQualified: text("đã đạt trình độ khóa học cấp", "already holds the level the course grants")
        case .forbidden(let source): text("bị cấm theo \(source)", "forbidden by \(source)")
        case .pinned(let source): text("cố định theo \(source)", "pinned by \(source)")
        case .notEligible: text("không còn đủ điều kiện học năm đó", "no longer eligible that year")
        case .rescheduledAfterDrop(let year): text("bỏ học năm \(year), xếp lại", "dropped in \(year), scheduled again")
        case .newOfficial: text("cán bộ mới", "new official")
        case .officialChanged(let fields):
            text("thông tin cán bộ thay đổi (\(fields.joined(separator: ", ")))", "official's record changed (\(fields.joined(separator: ", ")))")
        case .replanned:
            text("lập lại kế hoạch với số liệu mới", "re-planned with the updated officials, history, budget and locks")
        }
    }
}
