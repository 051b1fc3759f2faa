import Foundation

/// `sweep.html`: the weighted shortfall as a line against the budget factor, and each target's attainment at the
/// horizon for every factor.
public struct SweepPage {
    public struct Attainment: Sendable {
        public var attained: Int
        public var required: Int

        public init(attained: Int, required: Int) {
            self.attained = attained
            self.required = required
        }
    }

    public struct Step: Sendable {
        public var factor: Double
        /// Total budget over the years, VND.
        public var budget: Double
        public var exitCode: Int32
        /// `optimal`, `feasible`, … or `failed` when the run left no summary.
        public var status: String
        /// The weighted shortfall; nil when the run failed.
        public var objective: Double?
        public var totalCost: Double?
        /// target id → attainment at the horizon.
        public var horizon: [String: Attainment]

        public init(factor: Double, budget: Double, exitCode: Int32, status: String, objective: Double?,
                    totalCost: Double?, horizon: [String: Attainment]) {
            self.factor = factor
            self.budget = budget
            self.exitCode = exitCode
            self.status = status
            self.objective = objective
            self.totalCost = totalCost
            self.horizon = horizon
        }
    }

    public var scenario: String
    public var steps: [Step]
    public var targetIds: [String]

    public init(scenario: String, steps: [Step], targetIds: [String]) {
        self.scenario = scenario
        self.steps = steps.sorted { $0.factor < $1.factor }
        self.targetIds = targetIds
    }

    public func data(language: ReportLanguage = .vi) -> Data { Data(html(language: language).utf8) }

    public func html(language: ReportLanguage = .vi) -> String {
        let words = Wording(language: language)
        let number = DisplayNumber(language: language)
        let chart = WhatIfPages.section(
            words.text("Thiếu hụt có trọng số theo hệ số kinh phí", "Weighted shortfall against the budget factor"),
            shortfallChart(words, number))
        return WhatIfPages.page(title: words.sweepTitle + " — " + scenario, lede: lede(words, number),
                                language: language, body: chart + table(words, number))
    }

    private func lede(_ words: Wording, _ number: DisplayNumber) -> String {
        guard let first = steps.first, let last = steps.last else { return scenario }
        return "\(words.factor): \(number.decimal(first.factor)) – \(number.decimal(last.factor)) · \(steps.count)"
    }

    /// A line through each factor's weighted shortfall; failed runs leave a break in it.
    private func shortfallChart(_ words: Wording, _ number: DisplayNumber) -> String {
        let n = SVGCharts.n
        let (width, height) = (720.0, 260.0)
        let (left, right, top, bottom) = (64.0, 16.0, 14.0, 40.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let factors = steps.map(\.factor)
        let low = factors.min() ?? 0, high = factors.max() ?? 1
        let peak = steps.compactMap(\.objective).max() ?? 0
        let step = SVGCharts.niceStep(max(peak, 1e-9) / 4)
        let ceiling = max(step * (peak / step).rounded(.up), step)
        func x(_ factor: Double) -> Double { high == low ? left + plotWidth / 2 : left + plotWidth * (factor - low) / (high - low) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - max(value, 0) / ceiling) }

        let caption = words.text("Thiếu hụt có trọng số theo hệ số kinh phí", "Weighted shortfall against the budget factor")
        var svg = "<svg class=\"chart\" data-chart=\"shortfall\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(caption))\">"
        for tick in stride(from: 0.0, through: ceiling + step / 2, by: step) {
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(left + plotWidth))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>"
            svg += "<text class=\"axis\" x=\"\(n(left - 4))\" y=\"\(n(y(tick) + 3.5))\" text-anchor=\"end\">\(escapeHTML(number.decimal(tick, digits: step < 1 ? 2 : 0)))</text>"
        }
        let every = max(1, Int((Double(steps.count) / 12).rounded(.up)))
        for (index, factor) in factors.enumerated() where index % every == 0 || index == factors.count - 1 {
            svg += "<text class=\"axis\" x=\"\(n(x(factor)))\" y=\"\(n(top + plotHeight + 14))\" text-anchor=\"middle\">\(escapeHTML(number.decimal(factor)))</text>"
        }
        svg += "<text class=\"axis\" x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">\(escapeHTML(words.factor))</text>"
        svg += "<text class=\"axis\" x=\"4\" y=\"10\">\(escapeHTML(words.objective))</text>"
        let path = SVGCharts.linePath(steps.map { step in step.objective.map { (x(step.factor), y($0)) } })
        if !path.isEmpty { svg += "<path class=\"line\" d=\"\(path)\"/>" }
        for step in steps {
            guard let value = step.objective else { continue }
            let note = "\(words.factor) \(number.decimal(step.factor)): \(words.objective.lowercased()) \(number.decimal(value)) · \(words.budget) \(number.integer(step.budget))"
            svg += "<circle class=\"dot\" cx=\"\(n(x(step.factor)))\" cy=\"\(n(y(value)))\" r=\"3\"><title>\(escapeHTML(note))</title></circle>"
        }
        return svg + "</svg>"
    }

    private func table(_ words: Wording, _ number: DisplayNumber) -> String {
        var head = "<tr><th class=\"n\">\(escapeHTML(words.factor))</th><th class=\"n\">\(escapeHTML(words.budget))</th>"
        head += "<th>\(escapeHTML(words.status))</th><th class=\"n\">\(escapeHTML(words.objective))</th>"
        head += targetIds.map { "<th class=\"n\">\(escapeHTML($0))</th>" }.joined() + "</tr>"
        let body = steps.map { step -> String in
            var row = "<tr><td class=\"n\">\(escapeHTML(number.decimal(step.factor)))</td>"
            row += "<td class=\"n\">\(escapeHTML(number.integer(step.budget)))</td>"
            row += "<td>\(escapeHTML(words.statusWord(step.status)))</td>"
            row += "<td class=\"n\">\(escapeHTML(step.objective.map { number.decimal($0) } ?? "—"))</td>"
            for id in targetIds {
                guard let mark = step.horizon[id] else { row += "<td class=\"n\">—</td>"; continue }
                let short = mark.attained < mark.required
                row += "<td class=\"n\(short ? " short" : "")\">\(mark.attained)/\(mark.required)</td>"
            }
            return row + "</tr>"
        }.joined()
        let note = words.text("Số người đã đạt / cần đạt của từng chỉ tiêu ở năm cuối, theo từng hệ số kinh phí.",
                              "Officials attaining / required for each target at the horizon, per budget factor.")
        return WhatIfPages.section(words.text("Chỉ tiêu ở năm cuối theo hệ số kinh phí", "Targets at the horizon by budget factor"),
                                   "<p class=\"note\">\(escapeHTML(note))</p><div class=\"scroll\"><table><thead>\(head)</thead><tbody>\(body)</tbody></table></div>")
    }
}
