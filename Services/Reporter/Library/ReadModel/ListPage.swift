import Contracts
import GRDB

/// One page of a list the dashboard and the API serve in pages: the norms (in the order
/// of their ids) and the alerts (newest first). Only the page's items are worked out: a
/// country has 10,000 norms and, after a year, tens of thousands of alerts.
public struct ListPage<Item: Sendable>: Sendable {
    public var items: [Item]
    /// How many items match, over all pages.
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

public typealias NormPage = ListPage<NormFigures>

extension ReporterDatabase {
    /// Page `page` of `perPage` of the norms `include` picks.
    public func norms(
        where include: @escaping @Sendable (NormDefinition) -> Bool, page: Int, perPage: Int
    ) async throws -> NormPage {
        try await writer.read { db in
            let matching = try normDefinitions.all(db).filter(include)
            let start = min((page - 1) * perPage, matching.count)
            let shown = matching[start..<min(start + perPage, matching.count)]
            let status = try NormListFacts.read(db, norms: shown)
            let today = self.today()
            return NormPage(
                items: try shown.map { try figures(db, norm: $0, status: status, today: today) }, total: matching.count,
                page: page,
                perPage: perPage)
        }
    }

    /// The start page's two lists from one read: what needs attention, most urgent first,
    /// and a page of the norms `include` picks. One snapshot, so the two agree, and one
    /// read of the norms' facts for both (`NormListFacts`): read apart, the page's 500 norms
    /// each queried their spend cells after the attention list had read all of them (a
    /// fifth of the start page at 100×, docs/BENCHMARKS.md, stop 33).
    public func overview(
        where include: @escaping @Sendable (NormDefinition) -> Bool, page: Int, perPage: Int
    ) async throws -> (attention: [NormFigures], page: NormPage) {
        try await writer.read { db in
            let all = try normDefinitions.all(db)
            let candidates = try attentionCandidates(db, all: all, where: include)
            let matching = all.filter(include)
            let start = min((page - 1) * perPage, matching.count)
            let shown = matching[start..<min(start + perPage, matching.count)]
            var ids = Set(candidates.map(\.id))
            let status = try NormListFacts.read(db, norms: candidates + shown.filter { ids.insert($0.id).inserted })
            let today = self.today()
            var figured: [Int64: NormFigures] = [:]
            for norm in candidates { figured[norm.id] = try figures(db, norm: norm, status: status, today: today) }
            let items = try shown.map { try figured[$0.id] ?? figures(db, norm: $0, status: status, today: today) }
            return (
                needingAttention(candidates.compactMap { figured[$0.id] }),
                NormPage(items: items, total: matching.count, page: page, perPage: perPage)
            )
        }
    }
}
