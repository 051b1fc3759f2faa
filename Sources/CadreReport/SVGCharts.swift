import CadreDomain
import Foundation

/// Charts drawn as inline SVG, so the report needs no script, font or network. Coordinates are rounded to one
/// decimal, which keeps the page small and the same for the same plan.
enum SVGCharts {
    struct Point {
        var year: Int
        /// Nil when the cohort is empty that year: the line breaks there.
        var share: Double?
        var note: String
    }

    /// A target's attained share year by year (solid line) against its required share (dashed line); years
    /// before the deadline, which do not count, are shaded.
    static func attainment(targetId: String, points: [Point], required: Double, deadline: Int, caption: String) -> String {
        let (width, height) = (360.0, 190.0)
        let (left, right, top, bottom) = (40.0, 12.0, 10.0, 24.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let years = points.map(\.year)
        guard let first = years.first, let last = years.last else { return "" }
        func x(_ year: Int) -> Double { last == first ? left + plotWidth / 2 : left + plotWidth * Double(year - first) / Double(last - first) }
        func y(_ share: Double) -> Double { top + plotHeight * (1 - min(max(share, 0), 1)) }

        var svg = "<svg class=\"chart\" data-target=\"\(escapeHTML(targetId))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(caption))\">"
        if deadline > first {
            let edge = deadline > last ? left + plotWidth : (x(deadline - 1) + x(deadline)) / 2
            svg += "<rect class=\"before\" x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(edge - left))\" height=\"\(n(plotHeight))\"/>"
        }
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(left + plotWidth))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>"
            svg += "<text class=\"axis\" x=\"\(n(left - 4))\" y=\"\(n(y(tick) + 3.5))\" text-anchor=\"end\">\(Int(tick * 100))%</text>"
        }
        let every = years.count > 10 ? 2 : 1
        for (index, year) in years.enumerated() where index % every == 0 || year == last {
            svg += "<text class=\"axis\" x=\"\(n(x(year)))\" y=\"\(n(height - 8))\" text-anchor=\"middle\">\(year)</text>"
        }
        svg += "<line class=\"required\" x1=\"\(n(left))\" x2=\"\(n(left + plotWidth))\" y1=\"\(n(y(required)))\" y2=\"\(n(y(required)))\"/>"

        let path = linePath(points.map { point in point.share.map { (x(point.year), y($0)) } })
        if !path.isEmpty { svg += "<path class=\"attained\" d=\"\(path)\"/>" }
        for point in points {
            guard let share = point.share else { continue }
            let short = point.year >= deadline && share + 1e-9 < required
            svg += "<circle class=\"\(short ? "short" : "met")\" cx=\"\(n(x(point.year)))\" cy=\"\(n(y(share)))\" r=\"3\"><title>\(escapeHTML(point.note))</title></circle>"
        }
        return svg + "</svg>"
    }

    struct BudgetYear {
        var year: Int
        var budget: Double
        var spent: Double
        var note: String
    }

    /// Budget (light) and spending (dark) side by side for each year, in millions of VND.
    static func budget(_ years: [BudgetYear], unit: String, number: DisplayNumber, caption: String) -> String {
        let (width, height) = (720.0, 240.0)
        let (left, right, top, bottom) = (64.0, 10.0, 24.0, 24.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let peak = years.map { max($0.budget, $0.spent) }.max() ?? 0
        let step = niceStep(peak / 4)
        let ceiling = max(step * (peak / step).rounded(.up), step)
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / ceiling) }

        var svg = "<svg class=\"chart\" data-chart=\"budget\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(caption))\">"
        for tick in stride(from: 0.0, through: ceiling + step / 2, by: step) {
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(left + plotWidth))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>"
            svg += "<text class=\"axis\" x=\"\(n(left - 4))\" y=\"\(n(y(tick) + 3.5))\" text-anchor=\"end\">\(number.integer(tick / 1e6))</text>"
        }
        svg += "<text class=\"axis\" x=\"4\" y=\"10\">\(escapeHTML(unit))</text>"
        let slot = plotWidth / Double(max(years.count, 1))
        let bar = min(28, slot * 0.36)
        for (index, year) in years.enumerated() {
            let centre = left + slot * (Double(index) + 0.5)
            for (kind, value, offset) in [("budget", year.budget, -bar), ("spent", year.spent, 0.0)] {
                svg += "<rect class=\"\(kind)\" x=\"\(n(centre + offset))\" y=\"\(n(y(value)))\" width=\"\(n(bar))\" height=\"\(n(y(0) - y(value)))\"><title>\(escapeHTML(year.note))</title></rect>"
            }
            svg += "<text class=\"axis\" x=\"\(n(centre))\" y=\"\(n(height - 8))\" text-anchor=\"middle\">\(year.year)</text>"
        }
        return svg + "</svg>"
    }

    /// 1, 2 or 5 times a power of ten, at least `rough` (and never zero).
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = pow(10, (log10(rough)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * power >= rough { return factor * power }
        return 10 * power
    }

    /// An SVG path through the points, broken where a point is missing (a year or run without a value).
    static func linePath(_ points: [(x: Double, y: Double)?]) -> String {
        var path = ""
        var drawing = false
        for point in points {
            guard let point else { drawing = false; continue }
            path += "\(drawing ? "L" : "M")\(n(point.x)),\(n(point.y))"
            drawing = true
        }
        return path
    }

    /// A coordinate rounded to one decimal: short SVG, same bytes every run.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
