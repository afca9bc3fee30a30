import Domain
import GRDB
import IJW
import Storage

/// The checks that need intake's memory of earlier lines: corrections and uniqueness.
///
/// Credits are checked before debits, as the standard processes them, so a message that
/// credits a line and declares it again is a correction and not a 9389. Codes per line
/// are returned by (client, line) position.
struct LineHistoryChecks {
    let aanbieder: String
    let gemeente: String

    /// What the checks decided for an approved credit: which stored debit it undoes.
    struct Plan: Sendable {
        var codes: [LinePosition: [RetourCode]] = [:]
        var creditedDebits: [LinePosition: Int64] = [:]
    }

    func run(_ db: Database, _ declaration: PreparedDeclaration, alreadyRejected: Set<LinePosition>) throws -> Plan {
        // Two look-ups for every line: taken from the connection's statement cache once per
        // message, then bound directly.
        let referenceUsed = try DirectStatement(db, sql: Self.referenceUsedSQL)
        let openDebit = try DirectStatement(db, sql: Self.openDebitSQL)
        var plan = Plan()
        var seenReferences: Set<String> = []
        var creditedInThisMessage: Set<Int64> = []
        var debitKeysCreditedHere: Set<DebitKey> = []
        // Debits approved earlier in this message count as open debits for later lines.
        var debitKeysDebitedHere: Set<DebitKey> = []
        for position in declaration.order {
            let current = declaration.line(position)
            var codes: [RetourCode] = []
            let usedBefore = try isUsed(current.referentieNummer, referenceUsed)
            if seenReferences.contains(current.referentieNummer) || usedBefore {
                codes.append(.referentieNummerNietUniek)
            }
            seenReferences.insert(current.referentieNummer)
            if current.debetCredit == .credit {
                switch try creditTarget(db, current, bsn: declaration.bsn(position)) {
                case .none:
                    codes.append(.creditZonderDebet)
                case .some(let debit) where debit.creditedBy != nil || creditedInThisMessage.contains(debit.id):
                    codes.append(.regelAlGecrediteerd)
                case .some(let debit):
                    if codes.isEmpty && !alreadyRejected.contains(position) {
                        plan.creditedDebits[position] = debit.id
                        creditedInThisMessage.insert(debit.id)
                        debitKeysCreditedHere.insert(debit.key)
                    }
                }
            } else {
                let key = DebitKey(current)
                var openInStore = false
                if !debitKeysCreditedHere.contains(key) { openInStore = try isOpen(key, openDebit) }
                if debitKeysDebitedHere.contains(key) || openInStore {
                    codes.append(.tweedeDebetZonderCredit)
                } else if codes.isEmpty && !alreadyRejected.contains(position) {
                    debitKeysDebitedHere.insert(key)
                }
            }
            if !codes.isEmpty { plan.codes[position] = codes }
        }
        return plan
    }

    /// 8021: the provider used this ReferentieNummer before (its unique key in `line`).
    static let referenceUsedSQL = "SELECT EXISTS (SELECT 1 FROM line WHERE aanbieder = ? AND referentieNummer = ?)"

    private func isUsed(_ reference: String, _ statement: DirectStatement) throws -> Bool {
        statement.bind(aanbieder, at: 1)
        statement.bind(reference, at: 2)
        return try statement.isTrue()
    }

    private struct StoredDebit {
        var id: Int64
        var creditedBy: Int64?
        var key: DebitKey
    }

    /// The approved debit a credit refers to: same provider, VorigReferentieNummer, client
    /// and gemeente (a credit undoes a debit in the gemeente's own declarations).
    private func creditTarget(_ db: Database, _ credit: DeclarationLine, bsn: String) throws -> StoredDebit? {
        guard let previous = credit.vorigReferentieNummer,
            let row = try DebitRow.fetchOne(
                db,
                sql: """
                    SELECT id, creditedByLineID, toewijzingNummer, productCode, productCategorie, periodStart
                    FROM line WHERE aanbieder = ? AND referentieNummer = ? AND debetCredit = 'D' AND bsn = ?
                        AND gemeente = ?
                    """,
                arguments: [aanbieder, previous, bsn, gemeente])
        else { return nil }
        return StoredDebit(
            id: row.id, creditedBy: row.creditedByLineID,
            key: DebitKey(
                toewijzing: row.toewijzingNummer ?? "", product: row.productCode ?? row.productCategorie,
                month: String(row.periodStart.prefix(7))))
    }

    /// The columns of a stored debit a credit needs.
    private struct DebitRow: Decodable, FetchableRecord {
        var id: Int64
        var creditedByLineID: Int64?
        var toewijzingNummer: String?
        var productCode: String?
        var productCategorie: String
        var periodStart: String
    }

    /// 9389: an approved, uncredited debit for the same allocation, product and month.
    /// An allocation number is the gemeente's own, so the gemeente is part of the key; it
    /// also lets the look-up use `lineAllocation`, the index every line has anyway.
    static let openDebitSQL = """
        SELECT EXISTS (SELECT 1 FROM line WHERE aanbieder = ? AND gemeente = ? AND toewijzingNummer = ?
            AND COALESCE(productCode, productCategorie) = ? AND substr(periodStart, 1, 7) = ?
            AND debetCredit = 'D' AND creditedByLineID IS NULL)
        """

    private func isOpen(_ key: DebitKey, _ statement: DirectStatement) throws -> Bool {
        guard !key.toewijzing.isEmpty else { return false }
        statement.bind(aanbieder, at: 1)
        statement.bind(gemeente, at: 2)
        statement.bind(key.toewijzing, at: 3)
        statement.bind(key.product, at: 4)
        statement.bind(key.month, at: 5)
        return try statement.isTrue()
    }
}

/// Allocation + product + month of care: the key of "one debit unless credited" (9389).
struct DebitKey: Hashable, Sendable {
    var toewijzing: String
    var product: String
    /// "YYYY-MM" of the month of care.
    var month: String

    init(toewijzing: String, product: String, month: String) {
        self.toewijzing = toewijzing
        self.product = product
        self.month = month
    }

    init(_ line: DeclarationLine) {
        self.init(
            toewijzing: line.toewijzingNummer, product: line.productCode,
            month: line.productPeriode.start.month.description)
    }
}
