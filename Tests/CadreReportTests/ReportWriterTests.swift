import CadreIO
import CadrePlanner
import Foundation
import XCTest
@testable import CadreReport

final class ReportWriterTests: XCTestCase {
    func testOneChartPerTargetAndOneBudgetChart() throws {
        for result in [ReportFixtures.handMade(), try ReportFixtures.planned(seed: 11)] {
            let html = ReportWriter.html(for: result)
            XCTAssertEqual(html.components(separatedBy: "<svg class=\"chart\"").count - 1, result.scenario.targets.count + 1)
            for target in result.scenario.targets {
                XCTAssertTrue(html.contains("<svg class=\"chart\" data-target=\"\(target.id)\""), target.id)
            }
            XCTAssertEqual(html.components(separatedBy: "data-chart=\"budget\"").count - 1, 1)
        }
    }

    func testPageNeedsNoNetwork() {
        let html = ReportWriter.html(for: ReportFixtures.handMade())
        XCTAssertFalse(html.contains("http://"))
        XCTAssertFalse(html.contains("https://"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<link"))
        XCTAssertFalse(html.contains("@import"))
        XCTAssertFalse(html.contains("url("))
    }

    func testTextIsEscaped() {
        let html = ReportWriter.html(for: ReportFixtures.handMade())
        XCTAssertFalse(html.contains("<b>Văn</b>"))
        XCTAssertFalse(html.contains("<made>"))
        XCTAssertFalse(html.contains("LLCT <i>"))
        XCTAssertTrue(html.contains("hand &lt;made&gt;"))
        XCTAssertTrue(html.contains("LLCT &lt;i&gt;"))
        XCTAssertEqual(escapeHTML("Nguyễn <b>Văn</b> & \"An\""), "Nguyễn &lt;b&gt;Văn&lt;/b&gt; &amp; &quot;An&quot;")
    }

    func testLanguageAndSections() {
        let vi = ReportWriter.html(for: ReportFixtures.handMade())
        let en = ReportWriter.html(for: ReportFixtures.handMade(), language: .en)
        XCTAssertTrue(vi.contains("<html lang=\"vi\">"))
        XCTAssertTrue(vi.contains("Phân bổ học viên theo huyện"))
        XCTAssertTrue(en.contains("<html lang=\"en\">"))
        XCTAssertTrue(en.contains("Trainees by district"))
        XCTAssertTrue(en.contains("Key cadres hold intermediate theory"))
        XCTAssertTrue(vi.contains("@media print"))
        // Seats used: TC-LLCT has 2 seats and starts 1 trainee in 2022 and 1 in 2023.
        XCTAssertTrue(vi.contains("<td>TC-LLCT</td><td class=\"wrap\">Trung cấp lý luận chính trị</td><td class=\"n\">2</td>"))
        // Districts: Ba Tơ sends 1 in 2022 and 1 in 2023 and 1 in 2024.
        XCTAssertTrue(vi.contains("<tr><td>Ba Tơ</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\"></td><td class=\"n\"><b>3</b></td></tr>"), vi)
    }

    func testSamePlanGivesTheSamePage() {
        XCTAssertEqual(ReportWriter.data(for: ReportFixtures.handMade()), ReportWriter.data(for: ReportFixtures.handMade()))
    }

    func testNumbersReadTheLocalWay() {
        XCTAssertEqual(DisplayNumber(language: .vi).integer(1_563_500_000), "1.563.500.000")
        XCTAssertEqual(DisplayNumber(language: .en).integer(1_563_500_000), "1,563,500,000")
        XCTAssertEqual(DisplayNumber(language: .vi).percent(0.705), "70,5%")
        XCTAssertEqual(SVGCharts.niceStep(37), 50)
    }
}

extension ReportWriterTests {
    func testSolvingTimeDoesNotChangeThePage() throws {
        var slow = ReportFixtures.handMade()
        slow.seconds = 41.7
        XCTAssertEqual(ReportWriter.data(for: slow), ReportWriter.data(for: ReportFixtures.handMade()))
        XCTAssertEqual(try WorkbookWriter.data(for: slow), try WorkbookWriter.data(for: ReportFixtures.handMade()))
    }
}
