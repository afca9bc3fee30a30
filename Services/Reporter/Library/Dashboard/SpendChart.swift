import Domain

/// An SVG chart of a norm: cumulative spend by month of care (bars), the limit and its
/// thresholds (lines), and the forecast to the end of the period (dashed). Pure: figures
/// in, markup out.
struct SpendChart {
    let figures: NormFigures
    let width = 720
    let height = 320
    let margin = (left: 90, right: 20, top: 20, bottom: 40)

    func svg() -> String {
        let months = Period(start: figures.periodStart, end: figures.periodEnd)?.months ?? []
        guard !months.isEmpty else { return "" }
        let cumulative = Dictionary(uniqueKeysWithValues: figures.months.map { ($0.month, $0.cumulative) })
        let projected = figures.forecast?.projectedTotal ?? 0
        let top = max(figures.limit * 11 / 10, figures.spent, projected, 1)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let step = plotWidth / months.count
        func y(_ value: Int64) -> Int {
            margin.top + plotHeight - Int(Int128(value) * Int128(plotHeight) / Int128(top))
        }
        func x(_ index: Int) -> Int { margin.left + index * step }

        var parts: [String] = []
        parts.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
                + "aria-label=\"Cumulatieve besteding per zorgmaand tegen de grens\" class=\"spend-chart\">")
        parts.append(
            "<line x1=\"\(margin.left)\" y1=\"\(y(0))\" x2=\"\(width - margin.right)\" y2=\"\(y(0))\" stroke=\"#888\"/>"
        )
        var running: Int64 = 0
        // Bars stop at the last month with declarations: later months are the forecast's.
        let lastDeclared = figures.months.map(\.month).max() ?? ""
        for (index, month) in months.enumerated() {
            if let value = cumulative[month.description] { running = value }
            let hasData = figures.months.contains { $0.month <= month.description } && month.description <= lastDeclared
            if hasData && running > 0 {
                let barTop = y(running)
                parts.append(
                    "<rect class=\"bar\" x=\"\(x(index) + 4)\" y=\"\(barTop)\" width=\"\(step - 8)\" height=\"\(y(0) - barTop)\" fill=\"#4a7fb5\">"
                        + "<title>\(month): \(HTML.escape(DutchFigures.amount(running, kind: figures.instrument)))</title></rect>"
                )
            }
            parts.append(
                "<text x=\"\(x(index) + step / 2)\" y=\"\(height - 22)\" font-size=\"11\" text-anchor=\"middle\">\(month.month)</text>"
            )
        }
        for threshold in figures.thresholds {
            let level = figures.limit * Int64(threshold) / 100
            let color = threshold >= 100 ? "#b00020" : "#b26a00"
            parts.append(
                "<line class=\"threshold\" x1=\"\(margin.left)\" y1=\"\(y(level))\" x2=\"\(width - margin.right)\" y2=\"\(y(level))\" stroke=\"\(color)\" stroke-width=\"\(threshold >= 100 ? 2 : 1)\"/>"
            )
            parts.append(
                "<text x=\"\(margin.left - 6)\" y=\"\(y(level) + 4)\" font-size=\"11\" text-anchor=\"end\" fill=\"\(color)\">\(threshold)%</text>"
            )
        }
        if let forecast = figures.forecast, let lastMonth = figures.months.last,
            let lastIndex = months.firstIndex(where: { $0.description == lastMonth.month })
        {
            parts.append(
                "<line class=\"forecast\" x1=\"\(x(lastIndex) + step / 2)\" y1=\"\(y(lastMonth.cumulative))\" x2=\"\(x(months.count - 1) + step / 2)\" y2=\"\(y(forecast.projectedTotal))\" stroke=\"#6a1b9a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>Prognose: \(HTML.escape(DutchFigures.amount(forecast.projectedTotal, kind: figures.instrument)))</title></line>"
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
