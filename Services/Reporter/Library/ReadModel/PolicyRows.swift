import GRDB

/// The rows the council report's per-product, duration and over-budget figures read:
/// typed by their columns, as every read model query is (issue 22).

/// A start of care (`careStart`).
struct CareStartRow: Decodable, FetchableRecord {
    var aanbieder: String
    var gemeente: String
    var toewijzingNummer: String
    var begindatum: String
    var client: String
    var categorie: String
    var productCode: String
}
