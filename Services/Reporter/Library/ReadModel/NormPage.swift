import Contracts
import GRDB

/// One page of the norms an overview or `/api/norms` shows, in the order of their ids.
/// Only the page's norms have their figures computed: a country has 10,000 norms.
public struct NormPage: Sendable {
    public var norms: [NormFigures]
    /// How many norms match, over all pages.
    public var total: Int
    /// 1-based.
    public var page: Int
    public var perPage: Int

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    /// The page after this one, nil on the last.
    public var next: Int? { page < pageCount ? page + 1 : nil }
    /// The page before this one, nil on the first; from beyond the end, the last page.
    public var previous: Int? { page > 1 ? min(page - 1, pageCount) : nil }
}

extension ReporterDatabase {
    /// Page `page` of `perPage` of the norms `include` picks.
    public func norms(where include: (NormDefinition) -> Bool, page: Int, perPage: Int) throws -> NormPage {
        try writer.read { db in
            let matching = try normDefinitions.all(db).filter(include)
            let start = min((page - 1) * perPage, matching.count)
            let shown = matching[start..<min(start + perPage, matching.count)]
            return NormPage(
                norms: try shown.map { try figures(db, norm: $0) }, total: matching.count, page: page,
                perPage: perPage)
        }
    }
}
