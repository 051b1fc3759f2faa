import Foundation
import XCTest
@testable import CadreReport

final class WhatIfPagesTests: XCTestCase {
    private func comparison() -> ComparisonPage {
        let scenarios = [
            ComparisonPage.Scenario(name: "base <x> & \"y\"", exitCode: 0, status: "optimal", objective: 1.5,
                                    totalCost: 2_300_000, gap: 0, horizon: 2030),
            ComparisonPage.Scenario(name: "broke", exitCode: 0, status: "optimal", objective: 9,
                                    totalCost: 0, gap: 0, horizon: 2030),
            ComparisonPage.Scenario(name: "gone", exitCode: 1, status: "failed", objective: nil,
                                    totalCost: nil, gap: nil, horizon: nil),
        ]
        func result(_ attained: Int, _ metFrom: Int?) -> ComparisonPage.Result {
            ComparisonPage.Result(marks: [
                ComparisonPage.Mark(year: 2025, attained: attained / 2, required: 4),
                ComparisonPage.Mark(year: 2030, attained: attained, required: 8),
                ComparisonPage.Mark(year: 2030, attained: attained, required: 8),
            ], metFrom: metFrom)
        }
        let targets = ["T1", "T2", "T10"].map { id in
            ComparisonPage.Target(id: id, results: [result(8, 2029), result(2, nil), nil])
        }
        return ComparisonPage(scenarios: scenarios, targets: targets)
    }

    private func sweep() -> SweepPage {
        let steps = [0.0, 0.5, 1.0].map { factor in
            SweepPage.Step(factor: factor, budget: 1e7 * factor, exitCode: 0, status: "optimal",
                           objective: 10 * (1 - factor), totalCost: 1e7 * factor,
                           horizon: ["T1": .init(attained: Int(8 * factor), required: 8)])
        } + [SweepPage.Step(factor: 1.5, budget: 1.5e7, exitCode: 3, status: "failed", objective: nil, totalCost: nil, horizon: [:])]
        return SweepPage(scenario: "tiny <s>", steps: steps, targetIds: ["T1", "T2"])
    }

    func testComparisonHasOneChartPerTarget() {
        for language in ReportLanguage.allCases {
            let html = comparison().html(language: language)
            XCTAssertEqual(html.components(separatedBy: "<svg class=\"chart\"").count - 1, 3)
            for id in ["T1", "T2", "T10"] { XCTAssertTrue(html.contains("<svg class=\"chart\" data-target=\"\(id)\""), id) }
            XCTAssertTrue(html.contains("2029"), "met from")
        }
    }

    func testSweepHasTheShortfallChartAndATableRowPerFactor() {
        let html = sweep().html(language: .en)
        XCTAssertEqual(html.components(separatedBy: "<svg class=\"chart\"").count - 1, 1)
        XCTAssertEqual(html.components(separatedBy: "data-chart=\"shortfall\"").count - 1, 1)
        XCTAssertEqual(html.components(separatedBy: "<circle class=\"dot\"").count - 1, 3, "the failed factor has no point")
        XCTAssertTrue(html.contains("4/8"))
        XCTAssertTrue(html.contains("Weighted shortfall"))
    }

    func testPagesNeedNoNetwork() {
        for html in [comparison().html(), comparison().html(language: .en), sweep().html(), sweep().html(language: .en)] {
            XCTAssertFalse(html.contains("http://"))
            XCTAssertFalse(html.contains("https://"))
            XCTAssertFalse(html.contains("<script"))
            XCTAssertFalse(html.contains("<link"))
            XCTAssertFalse(html.contains("url("))
            XCTAssertTrue(html.contains("<style>"))
        }
    }

    func testNamesAreEscaped() {
        let compare = comparison().html()
        XCTAssertFalse(compare.contains("base <x>"))
        XCTAssertTrue(compare.contains("base &lt;x&gt; &amp; &quot;y&quot;"))
        let swept = sweep().html()
        XCTAssertFalse(swept.contains("tiny <s>"))
        XCTAssertTrue(swept.contains("tiny &lt;s&gt;"))
    }

    func testVietnameseByDefaultAndEnglishOnRequest() {
        XCTAssertTrue(comparison().html().contains("<html lang=\"vi\">"))
        XCTAssertTrue(comparison().html().contains("So sánh các kịch bản"))
        XCTAssertTrue(comparison().html(language: .en).contains("Scenarios compared"))
        XCTAssertTrue(comparison().html(language: .en).contains("Met from"))
        XCTAssertTrue(sweep().html().contains("Hệ số kinh phí"))
        XCTAssertTrue(sweep().html(language: .en).contains("<html lang=\"en\">"))
    }
}
