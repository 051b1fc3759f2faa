import Foundation

/// What `compare.html` and `sweep.html` share: the page frame, the style and small number helpers. Both pages are
/// self-contained like `report.html`: inline CSS and SVG, no script, nothing fetched.
enum WhatIfPages {
    static func page(title: String, lede: String, language: ReportLanguage, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><h1>\(escapeHTML(title))</h1>
        <p class="lede">\(escapeHTML(lede))</p></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static func section(_ heading: String, _ content: String) -> String {
        "<section><h2>\(escapeHTML(heading))</h2>\(content)</section>"
    }

    /// Colours for up to eight scenarios, then round again.
    static func colour(_ index: Int) -> String {
        let palette = ["#1f5fa8", "#d9731a", "#2e8b57", "#8e44ad", "#c0392b", "#16a2b8", "#7f8c8d", "#b8860b"]
        return palette[index % palette.count]
    }

    /// The report's sheet, with the few rules these pages draw differently (later rules win).
    static let style = ReportStyle.sheet + """

    .note{color:var(--muted);font-size:13px;margin:0 0 6px}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:12px}
    svg .required{stroke:var(--ink);stroke-width:2;stroke-dasharray:none}
    svg .line{fill:none;stroke:var(--blue);stroke-width:2}
    svg circle.dot{fill:var(--blue)}
    svg.chart[data-chart=shortfall]{max-width:860px}
    .key{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;vertical-align:middle}
    .key.required{border-top:2px solid var(--ink);height:0}
    td.short{color:var(--red)}
    @media print{
      section{border:none;padding:0;margin:10px 0}
    }
    """
}
