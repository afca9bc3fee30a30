import Contracts
import Domain
import GRDB

// Contracts knows no SQLite; their raw text is what the norm tables' CHECKs allow.
extension NormKind: DatabaseValueConvertible {}
extension StopRule: DatabaseValueConvertible {}
extension IntensityMeasure.Per: DatabaseValueConvertible {}

/// A row of `normDefinition`: a norm's scalar facts in columns. Its lists live in child
/// tables (`NormScopeItemRecord`, `NormThresholdRecord`, `NormShareRecord`). Days are
/// ISO 8601 text (`YYYY-MM-DD`), the limit cents, clients or units by kind.
struct NormDefinitionRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "normDefinition"

    var id: Int64
    var name: String
    var kind: NormKind
    var periodStart: String
    var periodEnd: String
    var normLimit: Int64
    var stopRule: StopRule
    var version: Int
    var ended: Bool
    var regio: String?
    var aanbieder: String?
    var intensityEenheid: String?
    var intensityPer: IntensityMeasure.Per?
    var intensityWindowMonths: Int?
    var intensityMonthsAbove: Int?
    /// Added in 0.19.0 (`registerPerChildMigration`): judge a child across providers.
    var intensityPerChild: Bool?
    /// Added in 0.19.0 (`registerOpenWeeksMigration`): weeks a year with care, at most.
    var intensityOpenWeeks: Int?
    /// Added in 0.19.0 (`registerMaxMonthsMigration`): months in care, at most.
    var intensityMaxMonths: Int?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let kind = Column(CodingKeys.kind)
        static let version = Column(CodingKeys.version)
        static let ended = Column(CodingKeys.ended)
    }

    init(_ norm: NormDefinition) {
        id = norm.id
        name = norm.name
        kind = norm.kind
        periodStart = norm.period.start.iso
        periodEnd = norm.period.end.iso
        normLimit = norm.limit
        stopRule = norm.stopRule
        version = norm.version
        ended = norm.ended
        regio = norm.scope.regio
        aanbieder = norm.scope.aanbieder
        intensityEenheid = norm.intensity?.eenheid
        intensityPer = norm.intensity?.per
        intensityWindowMonths = norm.intensity?.windowMonths
        intensityMonthsAbove = norm.intensity?.monthsAbove
        intensityPerChild = norm.intensity?.perChild
        intensityOpenWeeks = norm.intensity?.openWeeks
        intensityMaxMonths = norm.intensity?.maxMonths
    }

    /// The whole definition, with its lists from the child tables.
    func definition(
        scope items: [NormScopeItemRecord], thresholds: [NormThresholdRecord], shares: [NormShareRecord]
    ) throws -> NormDefinition {
        guard let start = Day(iso: periodStart), let end = Day(iso: periodEnd),
            let period = Period(start: start, end: end)
        else {
            throw StorageError(.corruptRecord, "norm \(id): period \(periodStart)…\(periodEnd) is no pair of days")
        }
        let codes = { (facet: NormScopeItemRecord.Facet) in
            items.filter { $0.facet == facet }.sorted { $0.position < $1.position }.map(\.code)
        }
        var norm = NormDefinition(
            id: id, name: name, kind: kind,
            scope: NormScope(
                gemeenten: codes(.gemeente), regio: regio, aanbieder: aanbieder,
                productCategorieen: codes(.productCategorie), productCodes: codes(.productCode)),
            period: period, limit: normLimit, stopRule: stopRule, version: version,
            ended: ended)
        // Not through the initialiser: it sorts thresholds and defaults a missing measure,
        // and what is read back must be what was saved.
        norm.thresholds = thresholds.sorted { $0.position < $1.position }.map(\.percent)
        if let eenheid = intensityEenheid, let per = intensityPer, let window = intensityWindowMonths,
            let above = intensityMonthsAbove
        {
            norm.intensity = IntensityMeasure(
                eenheid: eenheid, per: per, windowMonths: window, monthsAbove: above,
                perChild: intensityPerChild ?? false, openWeeks: intensityOpenWeeks, maxMonths: intensityMaxMonths)
        } else {
            norm.intensity = nil
        }
        norm.shares =
            shares.isEmpty
            ? nil : Dictionary(shares.map { ($0.gemeente, $0.basisPoints) }, uniquingKeysWith: { a, _ in a })
        return norm
    }
}
