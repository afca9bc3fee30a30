import GRDB
import Storage

/// A client's volume in one month, in every dimension a norm selects on
/// (`clientVolumeCell`), so an intensiteitsnorm added later starts from what was declared.
struct VolumeCellRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "clientVolumeCell"

    var aanbieder: String
    var client: String
    /// `2026-03`, as `Month.description` writes it.
    var month: String
    var gemeente: String
    var categorie: String
    /// "" when the line named no product code.
    var productCode: String
    /// The iJw unit (COD004) the volume is in.
    var eenheid: String
    var volume: Int64
    var cents: Int64
    /// ISO days: the first and last day of care declared in the month.
    var firstDay: String
    var lastDay: String

    enum Columns {
        static let aanbieder = Column(CodingKeys.aanbieder)
    }

    /// Adds a batch's volume to its cell through `statement` (`addStatement`), made once
    /// for all the batch's cells.
    func add(_ statement: DirectStatement) throws {
        for (index, text) in [aanbieder, client, month, gemeente, categorie, productCode, eenheid].enumerated() {
            statement.bind(text, at: Int32(index + 1))
        }
        statement.bind(volume, at: 8)
        statement.bind(cents, at: 9)
        statement.bind(firstDay, at: 10)
        statement.bind(lastDay, at: 11)
        try statement.run()
    }

    static func addStatement(_ db: Database) throws -> DirectStatement {
        try DirectStatement(db, sql: addSQL)
    }

    static let addSQL = """
        INSERT INTO clientVolumeCell (aanbieder, client, month, gemeente, categorie, productCode, eenheid,
            volume, cents, firstDay, lastDay)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET volume = volume + excluded.volume, cents = cents + excluded.cents,
            firstDay = min(firstDay, excluded.firstDay), lastDay = max(lastDay, excluded.lastDay)
        """
}
