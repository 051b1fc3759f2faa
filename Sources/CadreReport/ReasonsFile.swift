import CadreDomain
import CadreIO
import Foundation

/// `reasons.csv`: why each measured target-year falls short, one row per reason that holds.
public enum ReasonsFile {
    public static let name = "reasons.csv"

    public static func csv(_ reasons: ShortfallReasons, scenario: Scenario) -> Data {
        var writer = CSVWriter(header: ["target_id", "year", "shortfall", "reason", "detail"])
        let rows = reasons.reasons.sorted { a, b in
            let idA = scenario.targets[a.targetIndex].id
            let idB = scenario.targets[b.targetIndex].id
            if idA != idB { return naturallyPrecedes(idA, idB) }
            return (a.year, a.kind) < (b.year, b.kind)
        }
        for reason in rows {
            writer.append([scenario.targets[reason.targetIndex].id, String(reason.year), String(reason.shortfall),
                           reason.kind.rawValue, reason.detail(in: scenario)])
        }
        return writer.data
    }

    /// One line per target short at its deadline (the horizon when the deadline lies beyond it), with every reason.
    public static func lines(_ reasons: ShortfallReasons, evaluation: PlanEvaluation, scenario: Scenario,
                             language: ReportLanguage) -> [String] {
        let words = Wording(language: language)
        let order = scenario.targets.indices.sorted { naturallyPrecedes(scenario.targets[$0].id, scenario.targets[$1].id) }
        return order.compactMap { t in
            let target = scenario.targets[t]
            let year = min(max(target.deadline, scenario.baseYear), scenario.horizon)
            guard let row = evaluation.attainment.first(where: { $0.targetIndex == t && $0.year == year }),
                  row.isMeasured, row.shortfall > 0 else { return nil }
            let found = reasons.reasons(target: t, year: year)
            let because = found.isEmpty ? words.noReasonFound : found.map { words.reason($0, scenario: scenario) }.joined(separator: ", ")
            return "\(target.id) \(year): \(words.short(row.shortfall)) — \(because)"
        }
    }
}

extension Wording {
    public func short(_ count: Int) -> String { text("thiếu \(count)", "short \(count)") }
    public var noReasonFound: String { text("không rõ lý do", "no reason found") }

    public func eligibilityCause(_ cause: EligibilityCause) -> String {
        switch cause {
        case .noEligibleCourse: text("không có khóa học phù hợp", "no course they may take")
        case .notEnoughYears: text("không đủ thời gian", "not enough years")
        case .retiresFirst: text("nghỉ hưu trước", "they retire first")
        }
    }

    /// One reason in a planner's words, with its numbers.
    public func reason(_ reason: ShortfallReason, scenario: Scenario) -> String {
        switch reason.kind {
        case .nobodyEligible:
            let cause = reason.dominantCause.map { "; " + eligibilityCause($0) } ?? ""
            return text("không ai đủ điều kiện (\(reason.unreachable) người không thể đạt kịp\(cause); \(reason.impossible) không thể bù)",
                        "nobody eligible enough (\(reason.unreachable) cannot reach it in time\(cause); \(reason.impossible) cannot be made up)")
        case .seats:
            let courses = reason.fullCourses.map { "\(scenario.courses[$0.course].id) \(ShortfallReasons.yearRanges($0.years))" }
                .joined(separator: "; ")
            return text("không đủ chỗ học (\(courses))", "not enough seats (\(courses))")
        case .money:
            return text("không đủ kinh phí (\(ShortfallReasons.yearRanges(reason.bindingYears)))",
                        "not enough money (\(ShortfallReasons.yearRanges(reason.bindingYears)))")
        case .heavierTarget:
            let ids = reason.heavierTargets.map { scenario.targets[$0].id }.joined(separator: ", ")
            return text("nhường cho chỉ tiêu nặng hơn (\(ids))", "given up for a heavier target (\(ids))")
        }
    }
}
