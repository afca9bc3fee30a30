import Hummingbird

/// `?pagina=2&per_pagina=500` on the overview, `/api/norms` and `/api/alerts`: which page
/// to show. Pages keep a national installation's answers small and quick: a page holds at
/// most 500 items. All 10,000 norms at once took 0.8–1 s and 9 MB at 7 million lines, a
/// page of 1,000 up to 240 ms while the system took 2,000 lines a second, the country's
/// firing alerts in one answer up to 325 ms (docs/BENCHMARKS.md); a script walks the
/// pages with the `Link` header instead.
struct PageParameters: Equatable {
    static let maximumPerPage = 500
    static let maximumPage = 1_000_000

    var page: Int
    var perPage: Int

    /// nil when a parameter is not a whole number in range.
    static func parse(_ parameters: Hummingbird.Parameters) -> PageParameters? {
        let page = parameters.get("pagina").map { Int($0) } ?? 1
        let perPage = parameters.get("per_pagina").map { Int($0) } ?? maximumPerPage
        guard let page, let perPage else { return nil }
        return checked(page: page, perPage: perPage)
    }

    /// The API's numbers, already read as such; nil when one is out of range.
    static func checked(page: Int?, perPage: Int?) -> PageParameters? {
        let page = page ?? 1
        let perPage = perPage ?? maximumPerPage
        // Pages beyond a million are refused: (page - 1) × perPage must not overflow.
        guard (1...maximumPage).contains(page), (1...maximumPerPage).contains(perPage) else { return nil }
        return PageParameters(page: page, perPage: perPage)
    }

    static let problem = "pagina moet 1 tot en met \(maximumPage) zijn en per_pagina 1 tot en met \(maximumPerPage)"

    /// The address of another page of the same list, with the same filters (those that
    /// are set, in the order given: `gemeente`, `state`).
    static func address(_ path: String, filters: KeyValuePairs<String, String?>, page: Int, perPage: Int) -> String {
        let set = filters.compactMap { name, value in value.map { "\(name)=\($0)&" } }.joined()
        return path + "?" + set + "pagina=\(page)&per_pagina=\(perPage)"
    }

    /// The `Link` header with the next, previous and last pages (as GitHub's API does), so
    /// a script can walk all pages without knowing the size; `X-Total-Count` is `page.total`.
    static func link(_ page: ListPage<some Sendable>, path: String, filters: KeyValuePairs<String, String?>) -> String {
        var links: [String] = []
        func link(_ number: Int, _ relation: String) {
            links.append(
                "<\(address(path, filters: filters, page: number, perPage: page.perPage))>; rel=\"\(relation)\"")
        }
        if let next = page.next { link(next, "next") }
        if let previous = page.previous { link(previous, "prev") }
        link(page.pageCount, "last")
        return links.joined(separator: ", ")
    }
}
