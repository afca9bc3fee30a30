import GRDB

/// The rows the council report's per-product, duration and over-budget figures read:
/// typed by their columns, as every read model query is (issue 22).

/// A client's cost in one product and month (`clientProductMonth`): a period's
/// indicators read every such row, so it is decoded by column, not through `Decodable`.
struct ProductMonthRow: FetchableRecord {
    var categorie: String
    var productCode: String
    var month: String
    var client: String
    var cents: Int64

    enum Columns {
        static let categorie = Column("categorie")
        static let productCode = Column("productCode")
        static let month = Column("month")
        static let client = Column("client")
        static let cents = Column("cents")
    }

    init(row: Row) throws {
        categorie = row[Columns.categorie]
        productCode = row[Columns.productCode]
        month = row[Columns.month]
        client = row[Columns.client]
        cents = row[Columns.cents]
    }
}

/// A client whose care ended, with the product its start named ("" when none).
struct ProductEndRow: Decodable, FetchableRecord {
    var categorie: String
    var productCode: String
    var client: String
}

/// A client's month of care at a provider in a care type.
struct ProviderCareRow: Decodable, FetchableRecord {
    var aanbieder: String
    var categorie: String
    var client: String
    var month: String
}

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
