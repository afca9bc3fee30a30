import Contracts
import Domain
import GRDB
import Storage

/// A client's months of care at a provider, as monitor keeps them: in the volume cells
/// (`clientVolumeCell`), where any cell of a month is a month of care, and a month of care
/// without a declared volume (a start of care, the second month of a line's period) is a
/// cell with no unit (`eenheid` "") and no volume.
///
/// One table for both, because both are keyed by provider and client first: a line's
/// look-up of its month and the write of its volume land on the same page, where two
/// tables cost two random pages a line. A page written per line in a large table is what
/// monitor's time goes to (`docs/BENCHMARKS.md`, stop 29: 24–58% more lines/s).
///
/// A credit's cell is a month of care too. A credit undoes a line of that month, so it was
/// one; should a credit name another month or product than its debit (intake pairs them
/// by reference, not by period), that month counts as care without an arrival judged.
///
/// Months found during a batch wait here until it ends, like its volumes (`BatchCells`):
/// a later line of the batch sees them, and the store gets each once.
struct BatchCareMonths {
    /// A month of care in every dimension a norm selects on: a volume cell's key but its unit.
    struct Key: Hashable {
        var aanbieder: String
        var client: String
        var month: Month
        var gemeente: String
        var categorie: String
        var productCode: String
    }

    /// The sighting's days of care in the month (what a cell without volume keeps), and
    /// whether a line of the batch declared a volume in the month (its cell is written).
    private struct Found {
        var first: Day
        var last: Day
        var declared: Bool
    }

    private var found: [Key: Found] = [:]
    private var foundByClient: [CareMonths.ClientAtProvider: [CareMonths.CareMonth]] = [:]
    /// `knownSQL`, made at the batch's first look-up and run for every line after it.
    private var knownStatement: DirectStatement?

    /// Records the months from `first` through `last` and returns those that were not
    /// known yet: what can change a client's arrivals (as `CareMonths.record`).
    /// `declared` is the month a line's volume is in: its cell is written by `BatchCells`.
    mutating func record(
        _ db: Database, aanbieder: String, gemeente: String, categorie: String?, productCode: String?, client: String,
        from first: Day, through last: Day, declared: Month?
    ) throws -> [CareMonths.CareMonth] {
        var added: [CareMonths.CareMonth] = []
        for month in CareMonths.sightingMonths(from: first, through: last) {
            let key = Key(
                aanbieder: aanbieder, client: client, month: month, gemeente: gemeente, categorie: categorie ?? "",
                productCode: productCode ?? "")
            if let index = found.index(forKey: key) {
                if month == declared { found.values[index].declared = true }
                continue
            }
            if knownStatement == nil { knownStatement = try DirectStatement(db, sql: Self.knownSQL) }
            guard try !Self.known(knownStatement!, key) else { continue }
            found[key] = Found(
                first: max(first, month.firstDay), last: min(last, month.lastDay), declared: month == declared)
            let care = CareMonths.CareMonth(
                gemeente: key.gemeente, categorie: key.categorie, productCode: key.productCode, month: month)
            foundByClient[CareMonths.ClientAtProvider(aanbieder: aanbieder, client: client), default: []].append(care)
            added.append(care)
        }
        return added
    }

    /// Every month of the client's care at the provider: the store's and the batch's.
    func atProvider(_ db: Database, aanbieder: String, client: String) throws -> [CareMonths.CareMonth] {
        try Self.stored(db, aanbieder: aanbieder, client: client)
            + (foundByClient[CareMonths.ClientAtProvider(aanbieder: aanbieder, client: client)] ?? [])
    }

    /// Writes the batch's months that no line of the batch declared a volume in, as cells
    /// without volume.
    func write(_ db: Database) throws {
        let add = try VolumeCellRecord.addStatement(db)
        for (key, days) in found where !days.declared {
            try VolumeCellRecord(
                aanbieder: key.aanbieder, client: key.client, month: key.month.description, gemeente: key.gemeente,
                categorie: key.categorie, productCode: key.productCode, eenheid: "", volume: 0, cents: 0,
                firstDay: days.first.iso, lastDay: days.last.iso
            ).add(add)
        }
    }

    /// Whether the store holds a cell of this month: one search by the cell key's prefix,
    /// through the batch's one `knownSQL` statement.
    static func known(_ select: DirectStatement, _ key: Key) throws -> Bool {
        select.bind(key.aanbieder, at: 1)
        select.bind(key.client, at: 2)
        select.bind(key.month.description, at: 3)
        select.bind(key.gemeente, at: 4)
        select.bind(key.categorie, at: 5)
        select.bind(key.productCode, at: 6)
        return try select.isTrue()
    }

    static let knownSQL = """
        SELECT EXISTS (SELECT 1 FROM clientVolumeCell WHERE aanbieder = ? AND client = ? AND month = ?
            AND gemeente = ? AND categorie = ? AND productCode = ?)
        """

    /// The client's months of care at the provider in the store (a few dozen cells, by
    /// the key's prefix; one per month and product however many units it has).
    static func stored(_ db: Database, aanbieder: String, client: String) throws -> [CareMonths.CareMonth] {
        try CareMonths.careAtProvider(db, aanbieder: aanbieder, client: client, sql: careAtProviderSQL)
    }

    static let careAtProviderSQL = """
        SELECT DISTINCT gemeente, categorie, productCode, month FROM clientVolumeCell WHERE aanbieder = ? AND client = ?
        """

    /// Monitor's months of care lived in `clientCareMonth` before 0.19.0: moved into the
    /// volume cells (as cells without volume where no cell holds the month yet).
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.v19.careMonthsInVolumeCells") { db in
            try db.execute(
                sql: """
                    INSERT INTO clientVolumeCell
                        (aanbieder, client, month, gemeente, categorie, productCode, eenheid, volume, cents,
                         firstDay, lastDay)
                    SELECT c.aanbieder, c.client, c.month, c.gemeente, c.categorie, c.productCode, '', 0, 0,
                        c.month || '-01', date(c.month || '-01', '+1 month', '-1 day')
                    FROM clientCareMonth c
                    WHERE NOT EXISTS (
                        SELECT 1 FROM clientVolumeCell v
                        WHERE v.aanbieder = c.aanbieder AND v.client = c.client AND v.month = c.month
                            AND v.gemeente = c.gemeente AND v.categorie = c.categorie
                            AND v.productCode = c.productCode);
                    DROP TABLE clientCareMonth;
                    """)
        }
    }
}
