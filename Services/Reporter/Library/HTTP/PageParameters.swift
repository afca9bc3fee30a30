import HTTPTypes
import Hummingbird

/// `?pagina=2&per_pagina=500` on the overview and `/api/norms`: which page of the norms
/// to show. Pages keep a national installation's answers small and quick: a page holds at
/// most 1,000 norms (about 110 ms at 7 million lines); all 10,000 at once took 0.8–1 s
/// and 9 MB, and is walked page by page instead (`Link` header; docs/BENCHMARKS.md).
struct PageParameters: Equatable {
    static let maximumPerPage = 1_000
    static let maximumPage = 1_000_000

    var page: Int
    var perPage: Int

    /// nil when a parameter is not a whole number in range.
    static func parse(_ parameters: Hummingbird.Parameters, defaultPerPage: Int) -> PageParameters? {
        let page = parameters.get("pagina").map { Int($0) } ?? 1
        let perPage = parameters.get("per_pagina").map { Int($0) } ?? defaultPerPage
        // Pages beyond a million are refused: (page - 1) × perPage must not overflow.
        guard let page, (1...maximumPage).contains(page), let perPage, (1...maximumPerPage).contains(perPage)
        else { return nil }
        return PageParameters(page: page, perPage: perPage)
    }

    static let problem = "pagina must be 1 to \(maximumPage) and per_pagina 1 to \(maximumPerPage)"

    /// The address of another page of the same list (one gemeente's, or all).
    static func address(_ path: String, gemeente: String?, page: Int, perPage: Int) -> String {
        path + "?" + (gemeente.map { "gemeente=\($0)&" } ?? "") + "pagina=\(page)&per_pagina=\(perPage)"
    }

    /// `X-Total-Count` and a `Link` header with the next, previous and last pages (as
    /// GitHub's API does), so a script can walk all pages without knowing the size.
    static func describe(_ page: NormPage, path: String, gemeente: String?, in headers: inout HTTPFields) {
        headers[HTTPField.Name("X-Total-Count")!] = String(page.total)
        var links: [String] = []
        func link(_ number: Int, _ relation: String) {
            links.append(
                "<\(address(path, gemeente: gemeente, page: number, perPage: page.perPage))>; rel=\"\(relation)\"")
        }
        if let next = page.next { link(next, "next") }
        if let previous = page.previous { link(previous, "prev") }
        link(page.pageCount, "last")
        headers[HTTPField.Name("Link")!] = links.joined(separator: ", ")
    }
}
