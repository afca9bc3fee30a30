import Domain
import Foundation
import GRDB
import IJW

/// A row of intake's `allocation` table: one allocation (JW301 product) as the gemeente
/// last sent it. Days are ISO 8601 text (`YYYY-MM-DD`), the decision time `HH:MM:SS`.
struct AllocationRow: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "allocation"

    var id: Int64
    var messageID: Int64
    var gemeente: String
    var aanbieder: String
    var toewijzingNummer: String
    /// Kept for the checks against declarations (TR332); intake is the one place a BSN lives.
    var bsn: String
    var client: String
    var productCategorie: String?
    var productCode: String?
    var toewijzingsdatum: String
    var toewijzingstijd: String
    var ingangsdatum: String
    var einddatum: String?
    var redenWijziging: String?
    var volume: Int64?
    var eenheid: String?
    var frequentie: String?
    var budgetCents: Int64?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let gemeente = Column(CodingKeys.gemeente)
        static let aanbieder = Column(CodingKeys.aanbieder)
        static let toewijzingNummer = Column(CodingKeys.toewijzingNummer)
        static let bsn = Column(CodingKeys.bsn)
        static let toewijzingsdatum = Column(CodingKeys.toewijzingsdatum)
        static let toewijzingstijd = Column(CodingKeys.toewijzingstijd)
    }

    /// RedenWijziging 13: the gemeente withdrew the allocation ("Verwijderd").
    static let removedReason = "13"

    /// What the declaration checks need; nil for a row whose start day is unreadable.
    var allocation: AllocationRecord? {
        guard let start = Day(iso: ingangsdatum) else { return nil }
        var omvang: Omvang?
        if let volume, let eenheid, let frequentie = Frequentie(rawValue: frequentie ?? "") {
            omvang = Omvang(volume: volume, eenheid: eenheid, frequentie: frequentie)
        }
        return AllocationRecord(
            toewijzingNummer: toewijzingNummer, bsn: bsn, productCategorie: productCategorie,
            productCode: productCode, ingangsdatum: start, einddatum: einddatum.flatMap(Day.init(iso:)),
            omvang: omvang, budget: budgetCents, removed: redenWijziging == Self.removedReason)
    }
}
