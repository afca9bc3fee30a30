import Contracts
import Domain

/// The start page: what needs attention, most urgent first, then every norm in a table
/// that filters and sorts. A contract manager opens it to see what to do today.
enum StartPage {
    /// Norms the attention list shows unless all are asked for (`?aandacht=alle`): a country
    /// has thousands with a firing alert at a year's end, a list nobody reads to the end
    /// and a page of megabytes; the most urgent come first, the rest are one click away.
    static let attentionShown = 25

    static func render(
        attention: [NormFigures], page: NormPage, query: OverviewQuery, regions: [String],
        providers: [String: String] = [:], viewer: HTML.Viewer? = nil
    ) -> String {
        let shown = query.allAttention ? attention : Array(attention.prefix(attentionShown))
        let body = """
            <h1>Wat aandacht nodig heeft</h1>
            <h2 class="meta">Meest urgent eerst: het verst over de grens (stand of prognose)</h2>
            \(triage(shown, filtered: query.isFiltered))
            \(moreAttention(total: attention.count, shown: shown.count, query: query))
            <h2 id="alle-normen">Alle normen</h2>
            \(filters(query, regions: regions, providers: providers))
            \(table(page, query: query))
            \(pager(page, query: query))
            <p class="meta">Bedragen per zorgmaand, zoals gedeclareerd en goedgekeurd. JSON: <a href="/api/norms">/api/norms</a>.</p>
            """
        return HTML.page(title: "Aandacht", body: body, viewer: viewer)
    }

    static func triage(_ norms: [NormFigures], filtered: Bool) -> String {
        guard !norms.isEmpty else {
            return "<p class=\"status-ok\">Niets vraagt nu aandacht\(filtered ? " binnen deze selectie" : "").</p>"
        }
        let items = norms.map { norm in
            let attention = norm.attention
            let css =
                switch attention.level {
                case .over: "over"
                case .stopInForce: "stop"
                default: "warn"
                }
            let figures =
                norm.intensity != nil
                ? "onrechtmatig \(Money(cents: norm.spent).dutch)"
                : "\(HTML.escape(DutchFigures.value(norm.spent, kind: norm.instrument))) van \(HTML.escape(DutchFigures.limit(norm))) (\(DutchFigures.used(norm)))"
                    + (norm.forecast.map {
                        " · prognose \(DutchFigures.amount($0.projectedTotal, kind: norm.instrument))"
                    }
                        ?? "")
            return """
                <li class="\(css)"><h3><a href="/normen/\(norm.id)">\(HTML.escape(norm.name))</a></h3>
                <p><strong class="status-\(css)">\(HTML.escape(attention.reasons.joined(separator: " · ")))</strong></p>
                <p>\(figures)</p>
                <p class="meta">\(DutchFigures.instrument(norm.instrument)) · aanbieder \(DashboardPages.providerLink(norm.aanbieder, name: norm.aanbiederNaam)) · zorgsoort \(DashboardPages.careTypeLinks(norm.productCategorieen))</p></li>
                """
        }
        return "<ol class=\"triage\" aria-label=\"Normen die aandacht nodig hebben, meest urgent eerst\">\n"
            + items.joined(separator: "\n") + "\n</ol>"
    }

    /// `providers`: the AGB register's names by code, offered as suggestions while typing
    /// (the field still takes the code, so it works without a register too).
    static func filters(_ query: OverviewQuery, regions: [String], providers: [String: String] = [:]) -> String {
        let instruments =
            HTML.option("", "alle", selected: query.instrument == nil)
            + NormKind.allCases.map {
                HTML.option($0.rawValue, DutchFigures.instrument($0), selected: query.instrument == $0)
            }
            .joined()
        let careTypes =
            HTML.option("", "alle", selected: query.zorgsoort == nil)
            + ProductCategorie.knownCodes.map {
                HTML.option($0, DutchFigures.careType([$0]), selected: query.zorgsoort == $0)
            }.joined()
        let regioField =
            regions.isEmpty
            ? ""
            : "<label>Regio<select name=\"regio\">" + HTML.option("", "alle", selected: query.regio == nil)
                + regions.sorted().map { HTML.option($0, $0, selected: query.regio == $0) }.joined()
                + "</select></label>"
        return """
            <form class="filters" method="get" action="/#alle-normen" role="search" aria-label="Normen filteren">
            <label>Gemeente (CBS-code)<input name="gemeente" inputmode="numeric" pattern="[0-9]{4}" size="6" value="\(HTML.escape(query.gemeente ?? ""))"></label>
            \(regioField)
            <label>Instrument<select name="instrument">\(instruments)</select></label>
            <label>Aanbieder (AGB-code)<input name="aanbieder" inputmode="numeric" pattern="[0-9]{8}" size="10" list="aanbieders" value="\(HTML.escape(query.aanbieder ?? ""))"></label>
            <datalist id="aanbieders">\(providers.sorted { $0.value < $1.value }.map { "<option value=\"\(HTML.escape($0.key))\" label=\"\(HTML.escape($0.value))\">" }.joined())</datalist>
            <label>Zorgsoort<select name="zorgsoort">\(careTypes)</select></label>
            <button type="submit">Filteren</button> <a href="/">Alles tonen</a>
            </form>
            """
    }

    static func table(_ page: NormPage, query: OverviewQuery) -> String {
        // Typed: GRDB's `SQL` is also built from string interpolation and has a `joined()`,
        // and left to inference this closure once rendered GRDB's description of a query.
        let headers: String = OverviewQuery.Column.allCases.map { column -> String in
            let active = query.sort == column
            let nextDescending = active ? !query.descending : column.isNumeric
            let link =
                "/?"
                + queryString(
                    query.keptPairs + [("sorteer", column.rawValue), ("richting", nextDescending ? "af" : "op")])
            let sortState = active ? " aria-sort=\"\(query.descending ? "descending" : "ascending")\"" : ""
            return
                "<th scope=\"col\"\(column.isNumeric ? " class=\"num\"" : "")\(sortState)><a href=\"\(HTML.escape(link))#alle-normen\">\(column.heading)</a></th>"
        }.joined()
        var rows = ""
        for norm in page.items {
            let forecast =
                norm.forecast.map { f in
                    DutchFigures.amount(f.projectedTotal, kind: norm.instrument)
                        + (f.crossingDate.map { " (grens op \(DutchDate.text($0)))" } ?? "")
                } ?? "–"
            rows += """
                <tr><th scope="row"><a href="/normen/\(norm.id)">\(HTML.escape(norm.name))</a></th>
                <td>\(DutchFigures.instrument(norm.instrument))</td><td>\(DashboardPages.providerLink(norm.aanbieder, name: norm.aanbiederNaam))</td>
                <td>\(DashboardPages.careTypeLinks(norm.productCategorieen))</td>
                <td class="num">\(HTML.escape(DutchFigures.limit(norm)))</td>
                <td class="num">\(HTML.escape(DutchFigures.value(norm.spent, kind: norm.instrument)))</td>
                <td class="num">\(DutchFigures.used(norm))</td>
                <td class="num">\(HTML.escape(forecast))</td><td>\(DashboardPages.status(norm))</td></tr>

                """
        }
        let empty =
            page.total == 0
            ? (query.isFiltered
                ? "Geen normen binnen deze selectie." : "Nog geen normen. Voeg er een toe met plafond norm add.")
            : "Geen normen op deze pagina."
        return """
            <div class="scroll" tabindex="0" role="region" aria-label="Alle normen"><table class="norms"><caption class="meta">\(DutchGrouping.text(page.total)) normen\(query.sort.map { ", gesorteerd op \($0.heading.lowercased())" } ?? "")</caption>
            <thead><tr>\(headers)</tr></thead>
            <tbody>
            \(rows.isEmpty ? "<tr><td colspan=\"9\">\(empty)</td></tr>" : rows)
            </tbody></table></div>
            """
    }

    /// How many more norms ask for attention than the list shows, and the way to all of them
    /// (the table's filters and order kept).
    static func moreAttention(total: Int, shown: Int, query: OverviewQuery) -> String {
        guard total > shown else { return "" }
        var all = query
        all.allAttention = true
        let address = "/?" + queryString(all.keptPairs + sortPairs(query))
        return """
            <p>Nog \(DutchGrouping.text(total - shown)) normen vragen aandacht. \
            <a href="\(HTML.escape(address))">Toon alle \(DutchGrouping.text(total))</a></p>
            """
    }

    /// The table's order as query pairs; none in the default order.
    static func sortPairs(_ query: OverviewQuery) -> [(String, String)] {
        guard let sort = query.sort else { return [] }
        return [("sorteer", sort.rawValue), ("richting", query.descending ? "af" : "op")]
    }

    /// "Normen 501–1.000 van 10.000 · vorige · volgende"; nothing when one page holds all.
    static func pager(_ page: NormPage, query: OverviewQuery) -> String {
        guard page.pageCount > 1 else { return "" }
        let pairs = query.keptPairs + sortPairs(query)
        func link(_ number: Int, _ text: String) -> String {
            let address =
                "/?" + queryString(pairs + [("pagina", String(number)), ("per_pagina", String(page.perPage))])
            return "<a href=\"\(HTML.escape(address))\">\(text)</a>"
        }
        let first = (page.page - 1) * page.perPage + 1
        let last = min(page.page * page.perPage, page.total)
        var parts = [
            first <= last
                ? "Normen \(DutchGrouping.text(first))–\(DutchGrouping.text(last)) van \(DutchGrouping.text(page.total))"
                : "Pagina \(page.page) van \(page.pageCount)"
        ]
        if let previous = page.previous { parts.append(link(previous, "vorige")) }
        if let next = page.next { parts.append(link(next, "volgende")) }
        return "<nav class=\"pager\" aria-label=\"Pagina's\"><p>" + parts.joined(separator: " · ") + "</p></nav>"
    }
}
