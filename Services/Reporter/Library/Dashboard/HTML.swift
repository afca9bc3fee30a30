import Domain

/// Escaping and the page frame shared by every dashboard page (no external assets).
enum HTML {
    static func escape(_ text: String) -> String { Markup.escape(text) }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Plafond</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fafafa}
        h1{font-size:1.4rem} a{color:#0b5394}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left;font-variant-numeric:tabular-nums}
        td.num,th.num{text-align:right}
        .status-ok{color:#2e7d32}.status-warn{color:#b26a00;font-weight:600}.status-over{color:#b00020;font-weight:700}
        .meta{color:#555;font-size:.9rem} figure{margin:1rem 0;background:#fff;padding:1rem}
        </style></head>
        <body><header><a href="/">Plafond</a> · bestedingen jeugdhulp tegen plafonds · <a href="/tijdlijn">tijdlijn</a> · <a href="/rapport?periode=\(Day.today().year)">rapportage \(Day.today().year)</a></header>
        <main>\(body)</main></body></html>
        """
    }
}
