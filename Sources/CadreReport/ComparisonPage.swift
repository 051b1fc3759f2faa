import Foundation

/// `compare.html`: the scenarios' totals side by side and, per target, attained against required at 2025, 2030
/// and the horizon for each scenario, with the year from which the target is met.
public struct ComparisonPage {
    public struct Scenario: Sendable {
        public var name: String
        public var exitCode: Int32
        /// `optimal`, `feasible`, `infeasible`, `time_limit`… or `failed` when the run left no summary.
        public var status: String
        public var objective: Double?
        public var totalCost: Double?
        public var gap: Double?
        public var horizon: Int?

        public init(name: String, exitCode: Int32, status: String, objective: Double?, totalCost: Double?,
                    gap: Double?, horizon: Int?) {
            self.name = name
            self.exitCode = exitCode
            self.status = status
            self.objective = objective
            self.totalCost = totalCost
            self.gap = gap
            self.horizon = horizon
        }
    }

    /// Attained against required in one year; nil values when the scenario does not plan that year.
    public struct Mark: Sendable {
        public var year: Int?
        public var attained: Int?
        public var required: Int?

        public init(year: Int?, attained: Int?, required: Int?) {
            self.year = year
            self.attained = attained
            self.required = required
        }
    }

    /// One target in one scenario: the marks at 2025, 2030 and the horizon, in that order.
    public struct Result: Sendable {
        public var marks: [Mark]
        public var metFrom: Int?

        public init(marks: [Mark], metFrom: Int?) {
            self.marks = marks
            self.metFrom = metFrom
        }
    }

    public struct Target: Sendable {
        public var id: String
        /// One per scenario, in the scenarios' order; nil when that scenario has no such target (or no result).
        public var results: [Result?]

        public init(id: String, results: [Result?]) {
            self.id = id
            self.results = results
        }
    }

    public var scenarios: [Scenario]
    public var targets: [Target]
    /// The milestone years shown before the horizon.
    public var milestones: [Int]

    public init(scenarios: [Scenario], targets: [Target], milestones: [Int] = [2025, 2030]) {
        self.scenarios = scenarios
        self.targets = targets
        self.milestones = milestones
    }

    public func data(language: ReportLanguage = .vi) -> Data { Data(html(language: language).utf8) }

    public func html(language: ReportLanguage = .vi) -> String {
        let words = Wording(language: language)
        let number = DisplayNumber(language: language)
        let title = words.compareTitle
        let lede = scenarios.map(\.name).joined(separator: " · ")
        let body = totals(words, number) + targetSection(words)
        return WhatIfPages.page(title: title, lede: lede, language: language, body: body)
    }

    private func totals(_ words: Wording, _ number: DisplayNumber) -> String {
        let head = "<tr><th>\(escapeHTML(words.scenario))</th><th>\(escapeHTML(words.status))</th>"
            + "<th class=\"n\">\(escapeHTML(words.objective))</th><th class=\"n\">\(escapeHTML(words.totalCost))</th>"
            + "<th class=\"n\">\(escapeHTML(words.gap))</th><th class=\"n\">\(escapeHTML(words.horizon))</th>"
            + "<th class=\"n\">\(escapeHTML(words.exitCode))</th></tr>"
        let body = scenarios.enumerated().map { index, scenario in
            let swatch = "<span class=\"key\" style=\"background:\(WhatIfPages.colour(index))\"></span>"
            let objective: String = scenario.objective.map { number.decimal($0) } ?? "—"
            let cost: String = scenario.totalCost.map { number.integer($0) } ?? "—"
            let gap: String = scenario.gap.map { number.percent($0) } ?? "—"
            let horizon: String = scenario.horizon.map { String($0) } ?? "—"
            let values: [String] = [objective, cost, gap, horizon, String(scenario.exitCode)]
            let cells = values.map { "<td class=\"n\">\(escapeHTML($0))</td>" }.joined()
            return "<tr><td>\(swatch)\(escapeHTML(scenario.name))</td><td>\(escapeHTML(words.statusWord(scenario.status)))</td>\(cells)</tr>"
        }.joined()
        return WhatIfPages.section(words.text("Tổng hợp theo kịch bản", "Totals by scenario"),
                                   "<div class=\"scroll\"><table><thead>\(head)</thead><tbody>\(body)</tbody></table></div>")
    }

    private func targetSection(_ words: Wording) -> String {
        let legend = "<p class=\"legend\">" + scenarios.enumerated().map { index, scenario in
            "<span class=\"key\" style=\"background:\(WhatIfPages.colour(index))\"></span>\(escapeHTML(scenario.name))"
        }.joined(separator: " ") + " <span class=\"key required\"></span>\(escapeHTML(words.required))</p>"
        let note = words.text(
            "Cột: số người đã đạt; vạch ngang: số người cần đạt, ở năm \(milestones.map(String.init).joined(separator: ", ")) và năm cuối.",
            "Bars: officials attaining; ticks: officials required, in \(milestones.map(String.init).joined(separator: ", ")) and the horizon.")
        let cards = targets.map { card($0, words) }.joined()
        return WhatIfPages.section(words.text("Các chỉ tiêu theo kịch bản", "Targets by scenario"),
                                   "<p class=\"note\">\(escapeHTML(note))</p>" + legend + "<div class=\"cards\">\(cards)</div>")
    }

    private var groupLabels: [String] { milestones.map(String.init) }

    private func card(_ target: Target, _ words: Wording) -> String {
        let labels = groupLabels + [words.horizon]
        var head = "<tr><th>\(escapeHTML(words.scenario))</th>"
        head += labels.map { "<th class=\"n\">\(escapeHTML($0))</th>" }.joined()
        head += "<th class=\"n\">\(escapeHTML(words.metFrom))</th></tr>"
        let rows = scenarios.indices.map { index -> String in
            let result = index < target.results.count ? target.results[index] : nil
            var row = "<tr><td>\(escapeHTML(scenarios[index].name))</td>"
            for slot in labels.indices {
                let mark = result.flatMap { slot < $0.marks.count ? $0.marks[slot] : nil }
                guard let mark, let attained = mark.attained, let required = mark.required else {
                    row += "<td class=\"n\">—</td>"
                    continue
                }
                let yearNote = slot == labels.count - 1 ? mark.year.map { " (\($0))" } ?? "" : ""
                row += "<td class=\"n\(attained < required ? " short" : "")\">\(attained)/\(required)\(yearNote)</td>"
            }
            row += "<td class=\"n\">\(escapeHTML(result?.metFrom.map(String.init) ?? "—"))</td></tr>"
            return row
        }.joined()
        return "<article class=\"card\"><h3><span class=\"id\">\(escapeHTML(target.id))</span></h3>"
            + chart(target, labels: labels, words: words)
            + "<div class=\"scroll\"><table><thead>\(head)</thead><tbody>\(rows)</tbody></table></div></article>"
    }

    /// Grouped bars: one group per year (2025, 2030, horizon), one bar per scenario for the officials attaining,
    /// and a tick across each bar at the officials required.
    private func chart(_ target: Target, labels: [String], words: Wording) -> String {
        let n = SVGCharts.n
        let (width, height) = (400.0, 180.0)
        let (left, right, top, bottom) = (40.0, 8.0, 10.0, 24.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let marks = target.results.compactMap { $0?.marks }.flatMap { $0 }
        let peak = Double(marks.map { max($0.attained ?? 0, $0.required ?? 0) }.max() ?? 0)
        let step = SVGCharts.niceStep(max(peak, 1) / 4).rounded(.up)
        let ceiling = max(step * (peak / step).rounded(.up), step)
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / ceiling) }

        var svg = "<svg class=\"chart\" data-target=\"\(escapeHTML(target.id))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(target.id))\">"
        for tick in stride(from: 0.0, through: ceiling + step / 2, by: step) {
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(left + plotWidth))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>"
            svg += "<text class=\"axis\" x=\"\(n(left - 4))\" y=\"\(n(y(tick) + 3.5))\" text-anchor=\"end\">\(Int(tick))</text>"
        }
        let slot = plotWidth / Double(max(labels.count, 1))
        let count = max(scenarios.count, 1)
        let bar = min(26, slot * 0.8 / Double(count))
        for (group, label) in labels.enumerated() {
            let start = left + slot * (Double(group) + 0.5) - bar * Double(count) / 2
            for index in scenarios.indices {
                let result = index < target.results.count ? target.results[index] : nil
                guard let mark = result.flatMap({ group < $0.marks.count ? $0.marks[group] : nil }),
                      let attained = mark.attained, let required = mark.required else { continue }
                let x = start + bar * Double(index)
                let note = "\(scenarios[index].name) · \(mark.year.map(String.init) ?? label): \(attained)/\(required)"
                svg += "<rect x=\"\(n(x + 1))\" y=\"\(n(y(Double(attained))))\" width=\"\(n(max(bar - 2, 1)))\" height=\"\(n(y(0) - y(Double(attained))))\" fill=\"\(WhatIfPages.colour(index))\"><title>\(escapeHTML(note))</title></rect>"
                svg += "<line class=\"required\" x1=\"\(n(x))\" x2=\"\(n(x + bar))\" y1=\"\(n(y(Double(required))))\" y2=\"\(n(y(Double(required))))\"/>"
            }
            svg += "<text class=\"axis\" x=\"\(n(left + slot * (Double(group) + 0.5)))\" y=\"\(n(height - 8))\" text-anchor=\"middle\">\(escapeHTML(label))</text>"
        }
        return svg + "</svg>"
    }
}
