import GRDB

/// A row of `normScopeItem`: one gemeente, product category or product code a norm's
/// scope names, at its place in the list (the lists keep the order they were given in).
struct NormScopeItemRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "normScopeItem"

    /// Which of the scope's lists the code is in; the schema allows exactly these.
    enum Facet: String, Codable, DatabaseValueConvertible, Sendable {
        case gemeente
        case productCategorie
        case productCode
    }

    var normID: Int64
    var facet: Facet
    var position: Int
    var code: String

    enum Columns {
        static let normID = Column(CodingKeys.normID)
        static let facet = Column(CodingKeys.facet)
        static let position = Column(CodingKeys.position)
        static let code = Column(CodingKeys.code)
    }
}

/// A row of `normThreshold`: a percentage of the limit at which an alert fires.
struct NormThresholdRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "normThreshold"

    var normID: Int64
    var position: Int
    var percent: Int

    enum Columns {
        static let normID = Column(CodingKeys.normID)
        static let position = Column(CodingKeys.position)
        static let percent = Column(CodingKeys.percent)
    }
}

/// A row of `normShare`: a gemeente's part of a regio's norm, in basis points.
struct NormShareRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "normShare"

    var normID: Int64
    var gemeente: String
    var basisPoints: Int

    enum Columns {
        static let normID = Column(CodingKeys.normID)
        static let gemeente = Column(CodingKeys.gemeente)
        static let basisPoints = Column(CodingKeys.basisPoints)
    }
}
