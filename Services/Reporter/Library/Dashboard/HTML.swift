import Contracts
import Domain
import Foundation

/// Escaping and the page frame shared by every dashboard page (no external assets).
///
/// The frame is what WCAG 2.1 AA asks of every page: a language, a skip link, landmarks
/// (`header`, `nav`, `main`, `footer`), a visible focus, colours of at least 4.5:1 on
/// their background. At 390 px the tables scroll sideways with the first column fixed,
/// and an action form is no wider than the screen: a grid item is as wide as its widest
/// content unless told otherwise, and an alert's name in a `select` made the norm page
/// 476 px wide; printed, the navigation drops away and the page fits A4 portrait.
enum HTML {
    static func escape(_ text: String) -> String { Markup.escape(text) }

    /// An `<option>` of a form's list, both value and label escaped.
    static func option(_ value: String, _ label: String, selected: Bool) -> String {
        "<option value=\"\(escape(value))\"\(selected ? " selected" : "")>\(escape(label))</option>"
    }

    /// Who is looking, for the header: their name and a form to log out.
    struct Viewer: Sendable {
        var name: String
        var role: String
        var csrfToken: String
    }

    static let style = """
        *{box-sizing:border-box}
        body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa;line-height:1.45}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
        header.site{background:#12355b;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center}
        header.site a{color:#fff}header.site .brand{font-weight:700;text-decoration:none}
        header.site nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
        header.site .who{margin-left:auto;display:flex;gap:.6rem;align-items:center}
        main{padding:1rem;max-width:90rem}
        h1{font-size:1.5rem;margin:.4rem 0 1rem}h2{font-size:1.2rem;margin-top:1.6rem}
        a{color:#0b5394}
        :focus-visible{outline:3px solid #d35400;outline-offset:2px}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{padding:.4rem .6rem;border-bottom:1px solid #ccc;text-align:left;font-variant-numeric:tabular-nums;vertical-align:top}
        th a{color:inherit}
        td.num,th.num{text-align:right;white-space:nowrap}
        table.norms th:first-child,table.norms td:first-child{position:sticky;left:0;background:#fff;min-width:9rem}
        .status-ok{color:#1e6b23}.status-warn{color:#7a4a00;font-weight:600}.status-over{color:#a1001c;font-weight:700}
        .status-stop{color:#5b2a86;font-weight:600}.status-ended{color:#555;font-style:italic}
        .meta{color:#555;font-size:.9rem} figure{margin:1rem 0;background:#fff;padding:1rem}
        .spend-chart{width:100%;height:auto}
        ol.triage{list-style:none;padding:0;display:grid;gap:.8rem}
        ol.triage li{background:#fff;border:1px solid #ccc;border-left:6px solid #7a4a00;padding:.6rem .8rem}
        ol.triage li.over{border-left-color:#a1001c}ol.triage li.stop{border-left-color:#5b2a86}
        ol.triage h3{margin:0 0 .3rem;font-size:1.05rem}
        form.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:flex-end;margin:1rem 0}
        form label{display:flex;flex-direction:column;font-size:.9rem;gap:.2rem;max-width:100%}
        input,select,textarea,button{font:inherit;padding:.35rem .5rem;border:1px solid #666;border-radius:3px;max-width:100%}
        button{background:#12355b;color:#fff;border-color:#12355b;cursor:pointer}
        button.secondary{background:#fff;color:#12355b}
        .actions{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(18rem,100%),1fr))}
        .actions form{background:#fff;border:1px solid #ccc;padding:.8rem;display:grid;gap:.5rem;min-width:0}
        .actions form>*{min-width:0}.actions select{width:100%}
        .notice{background:#e8f0fa;border:1px solid #12355b;padding:.6rem .8rem}
        .error{background:#fdecee;border:1px solid #a1001c;padding:.6rem .8rem}
        ol.timeline time{font-weight:600}
        @media (max-width:40rem){main{padding:.6rem}h1{font-size:1.3rem}header.site .who{margin-left:0}}
        @media print{header.site,nav,.skip,form,.pager,.actions{display:none}body{background:#fff;font-size:10pt}
        main{padding:0;max-width:none}.scroll{overflow:visible}table.norms td:first-child{position:static}
        @page{size:A4 portrait;margin:15mm}}
        """

    static func page(title: String, body: String, viewer: Viewer? = nil) -> String {
        let who =
            viewer.map { viewer in
                """
                <div class="who"><span>\(escape(viewer.name)) (\(escape(viewer.role)))</span>
                <form method="post" action="/uitloggen"><input type="hidden" name="csrf" value="\(escape(viewer.csrfToken))">
                <button type="submit" class="secondary">Uitloggen</button></form></div>
                """
            } ?? ""
        let navigation =
            viewer == nil
            ? ""
            : """
            <nav aria-label="Hoofdmenu"><ul><li><a href="/">Aandacht</a></li><li><a href="/tijdlijn">Tijdlijn</a></li>
            <li><a href="/meldingen">Meldingen</a></li><li><a href="/rapport">Rapportage</a></li>\(
                viewer?.role == AccountRole.beheerder.rawValue ? "<li><a href=\"/beheer\">Accounts</a></li>" : "")</ul></nav>
            """
        return """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · Plafond</title>
            <style>\(style)</style></head>
            <body><a class="skip" href="#inhoud">Naar de inhoud</a>
            <header class="site"><a class="brand" href="/">Plafond</a>\(navigation)\(who)</header>
            <main id="inhoud">\(keepAmountsTogether(body))</main>
            <footer class="meta" style="padding:1rem">Plafond · bestedingen jeugdhulp tegen plafonds</footer></body></html>
            """
    }

    /// "€ 1.482.642,00" must never break after the euro sign: every amount on a page
    /// comes from `Money.dutch` with a plain space (the CSV and e-mails keep it), so the
    /// page swaps it for a no-break space in one place instead of at every call.
    ///
    /// Over the UTF-8 bytes: Foundation's `replacingOccurrences` took half a 3 MB start
    /// page's time (docs/BENCHMARKS.md, stop 30).
    static func keepAmountsTogether(_ html: String) -> String {
        let euroSpace = Array("€ ".utf8)
        let euroNoBreak = Array("€\u{00A0}".utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var index = 0
        while index < bytes.count {
            if bytes[index] == euroSpace[0], bytes[index...].starts(with: euroSpace) {
                out.append(contentsOf: euroNoBreak)
                index += euroSpace.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
