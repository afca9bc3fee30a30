import Contracts
import Domain

/// Pages per provider and per care type: their norms, and accepted spend by month of
/// care with the other dimension beside it.
enum SlicePages {
    static func provider(
        _ agb: String, name: String? = nil, norms: [NormFigures], spend: SpendFigures, viewer: HTML.Viewer? = nil
    ) -> String {
        let title = "Aanbieder \(ProviderName.label(agb: agb, naam: name))"
        let body = """
            <h1>\(HTML.escape(title))</h1>
            \(normTable(norms))
            <h2>Besteding per zorgmaand</h2>
            \(sliceTable(spend.months, header: "Zorgmaand"))
            <h2>Besteding per zorgsoort</h2>
            \(sliceTable(spend.categories, header: "Zorgsoort", link: { "/zorgsoorten/\($0)" }, label: { careType($0.key) }))
            <p class="meta">Totaal \(Money(cents: spend.total).dutch). JSON: <a href="/api/spend?aanbieder=\(HTML.escape(agb))">/api/spend?aanbieder=\(HTML.escape(agb))</a>.</p>
            """
        return HTML.page(title: title, body: body, viewer: viewer)
    }

    static func careType(_ categorie: String, norms: [NormFigures], spend: SpendFigures, viewer: HTML.Viewer? = nil)
        -> String
    {
        let body = """
            <h1>Zorgsoort \(HTML.escape(careType(categorie)))</h1>
            \(normTable(norms))
            <h2>Besteding per zorgmaand</h2>
            \(sliceTable(spend.months, header: "Zorgmaand"))
            <h2>Besteding per aanbieder</h2>
            \(sliceTable(
                spend.providers, header: "Aanbieder", link: { "/aanbieders/\($0)" },
                label: { ProviderName.label(agb: $0.key, naam: $0.name) }))
            <p class="meta">Totaal \(Money(cents: spend.total).dutch). JSON: <a href="/api/spend?categorie=\(HTML.escape(categorie))">/api/spend?categorie=\(HTML.escape(categorie))</a>.</p>
            """
        return HTML.page(title: "Zorgsoort \(categorie)", body: body, viewer: viewer)
    }

    private static func careType(_ code: String) -> String { DutchFigures.careType([code]) }

    private static func normTable(_ norms: [NormFigures]) -> String {
        guard !norms.isEmpty else { return "<p class=\"meta\">Geen normen.</p>" }
        let rows = norms.map { norm in
            """
            <tr><td><a href="/normen/\(norm.id)">\(HTML.escape(norm.name))</a></td><td>\(DutchFigures.instrument(norm.instrument))</td>
            <td class="num">\(DutchFigures.amount(norm.limit, kind: norm.instrument))</td>
            <td class="num">\(HTML.escape(DutchFigures.value(norm.spent, kind: norm.instrument)))</td>
            <td class="num">\(DutchFigures.used(norm))</td><td>\(DashboardPages.status(norm))</td></tr>
            """
        }
        return """
            <div class="scroll" tabindex="0" role="region" aria-label="Normen"><table class="norms"><thead><tr><th scope="col">Norm</th><th scope="col">Instrument</th><th scope="col" class="num">Grens</th><th scope="col" class="num">Besteed</th>
            <th scope="col" class="num">Gebruikt</th><th scope="col">Status</th></tr></thead><tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></div>
            """
    }

    private static func sliceTable(
        _ slices: [SpendFigures.Slice], header: String, link: ((String) -> String)? = nil,
        label: (SpendFigures.Slice) -> String = { $0.key }
    ) -> String {
        guard !slices.isEmpty else { return "<p class=\"meta\">Nog geen goedgekeurde declaraties.</p>" }
        let rows = slices.map { slice in
            let name = HTML.escape(label(slice))
            let cell = link.map { "<a href=\"\(HTML.escape($0(slice.key)))\">\(name)</a>" } ?? name
            return "<tr><td>\(cell)</td><td class=\"num\">\(Money(cents: slice.amount).dutch)</td></tr>"
        }
        return """
            <div class="scroll" tabindex="0" role="region" aria-label="Besteding per \(header.lowercased())"><table><thead><tr><th scope="col">\(header)</th><th scope="col" class="num">Besteed</th></tr></thead><tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></div>
            """
    }
}
