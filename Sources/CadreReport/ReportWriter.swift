import CadreDomain
import CadreIO
import CadrePlanner
import Foundation

/// `report.html`: one self-contained page to hand out — no script, no external font or image, nothing fetched.
/// The scenario's settings, each target's attainment against its required share as a chart, budget and spending
/// by year, seats used by course and trainees by district; readable on a laptop and printable.
public enum ReportWriter {
    public static func data(for result: PlanningResult, language: ReportLanguage = .vi) -> Data {
        Data(html(for: result, language: language).utf8)
    }

    public static func html(for result: PlanningResult, language: ReportLanguage = .vi) -> String {
        let page = Page(result: result, words: Wording(language: language, unitLabel: result.scenario.unitLabel), number: DisplayNumber(language: language))
        return page.html
    }
}

private struct Page {
    let result: PlanningResult
    let words: Wording
    let number: DisplayNumber

    var scenario: Scenario { result.scenario }

    var html: String {
        let title = words.text("Kế hoạch đào tạo, bồi dưỡng cán bộ cấp xã", "Training plan for commune officials")
            + " — " + scenario.name
        return """
        <!DOCTYPE html>
        <html lang="\(words.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title))</title>
        <style>\(ReportStyle.sheet)</style>
        </head>
        <body>
        <header><h1>\(escapeHTML(title))</h1>
        <p class="lede">\(escapeHTML(lede))</p></header>
        <main>
        \(settings)
        \(targets)
        \(budget)
        \(seats)
        \(districts)
        </main>
        </body>
        </html>

        """
    }

    private var lede: String {
        let status = words.statusWord(PlanWriter.statusWord(result.status))
        return "\(scenario.baseYear)–\(scenario.horizon) · \(words.status): \(status) · \(words.totalCost): \(number.integer(result.totalCost))"
    }

    private var settings: String {
        let rows: [(String, String)] = [
            (words.scenario, scenario.name),
            (words.baseYear, String(scenario.baseYear)),
            (words.horizon, String(scenario.horizon)),
            (words.officials, number.integer(Double(scenario.officials.count))),
            (words.courses, number.integer(Double(scenario.courses.count))),
            (words.targets, number.integer(Double(scenario.targets.count))),
            (words.text("Tổng kinh phí (VND)", "Total budget (VND)"), number.integer(scenario.years.map(scenario.budget(in:)).reduce(0, +))),
            (words.carryOver, scenario.carryOver ? words.yes : words.no),
            (words.maxTrainingDays, String(scenario.maxTrainingDays)),
            (words.status, words.statusWord(PlanWriter.statusWord(result.status))),
            (words.objective, number.decimal(result.objective)),
            (words.gap, number.percent(result.gap)),
            (words.totalCost, number.integer(result.totalCost)),
            (words.starts, number.integer(Double(result.plan.starts.count))),
            // No solving time: it differs from run to run, and the same plan must give the same page.
            (words.solver, result.solverName),
        ]
        let items = rows.map { "<div><dt>\(escapeHTML($0.0))</dt><dd>\(escapeHTML($0.1))</dd></div>" }.joined()
        return section(words.text("Thiết lập kịch bản và kết quả", "Scenario settings and result"), "<dl class=\"settings\">\(items)</dl>")
    }

    private var targets: String {
        let byTarget = Dictionary(grouping: result.evaluation.attainment, by: \.targetIndex)
        let order = scenario.targets.indices.sorted { naturallyPrecedes(scenario.targets[$0].id, scenario.targets[$1].id) }
        let cards = order.map { index -> String in
            let target = scenario.targets[index]
            let rows = (byTarget[index] ?? []).sorted { $0.year < $1.year }
            let points = rows.map { row in
                SVGCharts.Point(
                    year: row.year, share: row.cohort > 0 ? Double(row.attained) / Double(row.cohort) : nil,
                    note: "\(row.year): \(row.attained)/\(row.cohort)"
                        + (row.cohort > 0 ? " (\(number.percent(Double(row.attained) / Double(row.cohort))))" : "")
                        + ", \(words.required.lowercased()) \(row.required)")
            }
            let label = words.label(of: target)
            let chart = SVGCharts.attainment(
                targetId: target.id, points: points, required: target.share, deadline: target.deadline,
                caption: "\(target.id): \(label)")
            let last = rows.last
            let status = last.map { $0.shortfall == 0
                ? words.text("đạt ở năm \($0.year)", "met in \($0.year)")
                : words.text("thiếu \($0.shortfall) người ở năm \($0.year)", "\($0.shortfall) short in \($0.year)") } ?? ""
            let meta = "\(words.kind(target.kind)) · \(words.text("hạn", "deadline")) \(target.deadline) · "
                + "\(words.requiredShare.lowercased()) \(number.percent(target.share)) · \(status)"
            let shortClass = (last?.shortfall ?? 0) > 0 ? " short" : ""
            return """
            <article class="card\(shortClass)"><h3><span class="id">\(escapeHTML(target.id))</span> \(escapeHTML(label))</h3>
            <p class="meta">\(escapeHTML(meta))</p>\(chart)</article>
            """
        }
        let legend = """
        <p class="legend"><span class="key attained"></span>\(escapeHTML(words.attainedShare)) \
        <span class="key required"></span>\(escapeHTML(words.requiredShare)) \
        <span class="key before"></span>\(escapeHTML(words.text("trước hạn (chưa tính)", "before the deadline (not counted)")))</p>
        """
        return section(words.text("Tiến độ các chỉ tiêu", "Targets year by year"), legend + "<div class=\"cards\">\(cards.joined())</div>")
    }

    private var budget: String {
        let years = result.evaluation.budget.sorted { $0.year < $1.year }.map { row in
            SVGCharts.BudgetYear(
                year: row.year, budget: row.budget, spent: row.spent,
                note: "\(row.year): \(words.spent) \(number.integer(row.spent)) / \(words.budget) \(number.integer(row.budget))")
        }
        let chart = SVGCharts.budget(
            years, unit: words.text("triệu VND", "million VND"), number: number,
            caption: words.text("Kinh phí và chi tiêu theo năm", "Budget and spending by year"))
        let legend = """
        <p class="legend"><span class="key budget"></span>\(escapeHTML(words.budget)) \
        <span class="key spent"></span>\(escapeHTML(words.spent))</p>
        """
        return section(words.text("Kinh phí và chi tiêu theo năm", "Budget and spending by year"),
                       legend + chart + table(PlanTables(result: result, words: words).budget))
    }

    /// Trainees per course and year against the course's seats; the shade shows how full the intake is.
    private var seats: String {
        let years = Array(scenario.years)
        let counts = Dictionary(grouping: result.plan.starts) { [$0.course, $0.year] }.mapValues(\.count)
        let used = Set(result.plan.starts.map(\.course)).sorted { naturallyPrecedes(scenario.courses[$0].id, scenario.courses[$1].id) }
        var head = "<tr><th>\(escapeHTML(words.courseId))</th><th>\(escapeHTML(words.courseName))</th><th class=\"n\">\(escapeHTML(words.seats))</th>"
        head += years.map { "<th class=\"n\">\($0)</th>" }.joined() + "<th class=\"n\">\(escapeHTML(words.trainees))</th></tr>"
        let body = used.map { index -> String in
            let course = scenario.courses[index]
            var row = "<tr><td>\(escapeHTML(course.id))</td><td class=\"wrap\">\(escapeHTML(course.name))</td><td class=\"n\">\(course.seats)</td>"
            for year in years {
                let count = counts[[index, year]] ?? 0
                let fill = course.seats > 0 ? min(1, Double(count) / Double(course.seats)) : 0
                row += count == 0 ? "<td class=\"n\"></td>"
                    : "<td class=\"n\" style=\"--fill:\(String(format: "%.2f", fill))\">\(count)</td>"
            }
            let total = years.reduce(0) { $0 + (counts[[index, $1]] ?? 0) }
            return row + "<td class=\"n\"><b>\(total)</b></td></tr>"
        }.joined()
        let note = words.text("Số học viên bắt đầu mỗi khóa theo năm; màu càng đậm, lớp càng gần đủ chỉ tiêu.",
                              "Trainees starting each course by year; the darker the cell, the fuller the intake.")
        return section(words.text("Sử dụng chỉ tiêu lớp theo khóa học", "Seats used by course"),
                       "<p class=\"note\">\(escapeHTML(note))</p><div class=\"scroll\"><table class=\"heat\"><thead>\(head)</thead><tbody>\(body)</tbody></table></div>")
    }

    private var districts: String {
        let years = Array(scenario.years)
        let allocation = DistrictAllocation(plan: result.plan, scenario: scenario).traineesByDistrictAndYear()
        var head = "<tr><th>\(escapeHTML(words.district))</th>" + years.map { "<th class=\"n\">\($0)</th>" }.joined()
        head += "<th class=\"n\">\(escapeHTML(words.trainees))</th></tr>"
        let body = allocation.map { entry -> String in
            let cells = years.map { "<td class=\"n\">\(entry.perYear[$0].map(String.init) ?? "")</td>" }.joined()
            let total = entry.perYear.values.reduce(0, +)
            return "<tr><td>\(escapeHTML(entry.district))</td>\(cells)<td class=\"n\"><b>\(total)</b></td></tr>"
        }.joined()
        let note = words.allocationNote
        return section(words.allocationTitle,
                       "<p class=\"note\">\(escapeHTML(note))</p><div class=\"scroll\"><table><thead>\(head)</thead><tbody>\(body)</tbody></table></div>")
    }

    private func table(_ table: Table) -> String {
        let head = table.columns.enumerated().map { column, heading in
            let numeric = table.rows.first.map { if case .number = $0[column] { true } else { false } } ?? false
            return "<th\(numeric ? " class=\"n\"" : "")>\(escapeHTML(heading.title))</th>"
        }.joined()
        let body = table.rows.map { cells in
            "<tr>" + cells.map { cell in
                if case .number = cell { return "<td class=\"n\">\(escapeHTML(number.cell(cell)))</td>" }
                return "<td>\(escapeHTML(number.cell(cell)))</td>"
            }.joined() + "</tr>"
        }.joined()
        return "<div class=\"scroll\"><table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>"
    }

    private func section(_ heading: String, _ content: String) -> String {
        "<section><h2>\(escapeHTML(heading))</h2>\(content)</section>"
    }

}

/// The report's style sheet; the what-if pages build on it.
enum ReportStyle {
    static let sheet = """
    :root{--ink:#1d2733;--muted:#5b6877;--line:#d5dde6;--blue:#1f5fa8;--orange:#d9731a;--red:#c0392b;--paper:#fff}
    *{box-sizing:border-box}
    body{margin:0;font:15px/1.45 system-ui,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#f3f5f8}
    header{background:#16385f;color:#fff;padding:18px 28px}
    h1{margin:0;font-size:22px}
    .lede{margin:4px 0 0;color:#d4e1f0}
    main{max-width:1200px;margin:0 auto;padding:8px 20px 40px}
    section{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:16px 0}
    h2{font-size:18px;margin:0 0 10px}
    h3{font-size:14px;margin:0 0 2px;font-weight:600}
    .id{display:inline-block;background:#e6eef8;color:var(--blue);border-radius:4px;padding:0 6px;margin-right:4px}
    .meta,.note{color:var(--muted);font-size:13px;margin:0 0 6px}
    .settings{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:6px 18px;margin:0}
    .settings div{display:flex;justify-content:space-between;border-bottom:1px dotted var(--line);padding:3px 0}
    .settings dt{color:var(--muted)}.settings dd{margin:0 0 0 10px;font-weight:600;text-align:right}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:12px}
    .card{border:1px solid var(--line);border-radius:6px;padding:10px 12px}
    .card.short{border-left:4px solid var(--red)}
    svg.chart{display:block;width:100%;height:auto}
    svg .grid{stroke:#e3e8ee;stroke-width:1}
    svg .axis{font-size:10px;fill:var(--muted)}
    svg .before{fill:#f1f3f6}
    svg .required{stroke:var(--orange);stroke-width:1.5;stroke-dasharray:5 4}
    svg .attained{fill:none;stroke:var(--blue);stroke-width:2}
    svg circle.met{fill:var(--blue)}svg circle.short{fill:var(--red)}
    svg rect.budget{fill:#b9cde4}svg rect.spent{fill:var(--blue)}
    .legend{font-size:13px;color:var(--muted);margin:0 0 8px}
    .key{display:inline-block;width:18px;height:10px;margin:0 4px 0 12px;vertical-align:middle}
    .key.attained{border-top:2px solid var(--blue);height:0}.key.required{border-top:2px dashed var(--orange);height:0}
    .key.before{background:#f1f3f6;border:1px solid var(--line)}.key.budget{background:#b9cde4}.key.spent{background:var(--blue)}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;font-size:13px;margin-top:8px;width:100%}
    th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;white-space:nowrap}
    th{background:#eef2f7;font-weight:600}
    .n{text-align:right;font-variant-numeric:tabular-nums}
    td.wrap{white-space:normal;min-width:14em}
    svg.chart[data-chart=budget]{max-width:860px}
    .heat td[style]{background:rgba(31,95,168,calc(var(--fill)*0.55))}
    @page{size:A4;margin:12mm}
    @media print{
      body{background:#fff;font-size:10pt}
      header{background:none;color:#000;padding:0 0 6px;border-bottom:2px solid #000}
      .lede{color:#333}
      main{max-width:none;padding:0}
      section{border:none;padding:0;margin:10px 0;break-inside:auto}
      .card,tr,svg.chart{break-inside:avoid}
      .cards{grid-template-columns:repeat(2,1fr)}
      thead{display:table-header-group}
      .scroll{overflow:visible}
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }
    """
}
