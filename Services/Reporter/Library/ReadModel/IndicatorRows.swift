import GRDB

// The rows `IndicatorQuery` reads from the indicator facts (`IndicatorFacts`). Months are
// `YYYY-MM`, days `YYYY-MM-DD`, money in cents.

/// One client's declared care in one care type and month (`clientMonth`). A period's
/// indicators read every such row, so it is decoded by column, not through `Decodable`.
struct ClientMonthRow: FetchableRecord {
    var categorie: String
    var month: String
    var client: String
    var cents: Int64
    var volume: Int64

    enum Columns {
        static let categorie = Column("categorie")
        static let month = Column("month")
        static let client = Column("client")
        static let cents = Column("cents")
        static let volume = Column("volume")
    }

    init(row: Row) throws {
        categorie = row[Columns.categorie]
        month = row[Columns.month]
        client = row[Columns.client]
        cents = row[Columns.cents]
        volume = row[Columns.volume]
    }
}

/// A month in which a client had care of a product (`clientCareMonth`), declared or
/// started; as many rows as `clientMonth`, so decoded by column too.
struct CareMonthRow: FetchableRecord {
    var categorie: String
    var productCode: String
    var client: String
    var month: String

    enum Columns {
        static let categorie = Column("categorie")
        static let productCode = Column("productCode")
        static let client = Column("client")
        static let month = Column("month")
    }

    init(row: Row) throws {
        categorie = row[Columns.categorie]
        productCode = row[Columns.productCode]
        client = row[Columns.client]
        month = row[Columns.month]
    }
}

/// A client whose care of a type ended (`careEnd`).
struct EndedCare: Decodable, FetchableRecord {
    var categorie: String
    var client: String
}

/// The first and last day of an ended trajectory (`careEnd`).
struct Trajectory: Decodable, FetchableRecord {
    var begindatum: String
    var einddatum: String
}

/// A code (a reason, a kind of referrer) and how often it occurs.
struct CodeCount: Decodable, FetchableRecord {
    var code: String
    var n: Int64
}

/// Referrals per referrer type and, for the gemeente's own teams, per team.
struct ReferrerCount: Decodable, FetchableRecord {
    var code: String
    var team: String?
    var n: Int64
}
