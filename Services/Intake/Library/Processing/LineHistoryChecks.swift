import Domain
import GRDB
import IJW

/// The checks that need intake's memory of earlier lines: corrections and uniqueness.
///
/// Credits are checked before debits, as the standard processes them, so a message that
/// credits a line and declares it again is a correction and not a 9389. Codes per line
/// are returned by (client, line) position.
struct LineHistoryChecks {
    let aanbieder: String

    /// What the checks decided for an approved credit: which stored debit it undoes.
    struct Plan: Sendable {
        var codes: [LinePosition: [RetourCode]] = [:]
        var creditedDebits: [LinePosition: Int64] = [:]
    }

    func run(_ db: Database, _ declaration: Declaration, alreadyRejected: Set<LinePosition>) throws -> Plan {
        var plan = Plan()
        var seenReferences: Set<String> = []
        var creditedInThisMessage: Set<Int64> = []
        var debitKeysCreditedHere: Set<DebitKey> = []
        // Debits approved earlier in this message count as open debits for later lines.
        var debitKeysDebitedHere: Set<DebitKey> = []
        let positions = declaration.clients.enumerated().flatMap { c, client in
            client.lines.indices.map { LinePosition(client: c, line: $0) }
        }
        let line = { (p: LinePosition) in declaration.clients[p.client].lines[p.line] }
        let credits = positions.filter { line($0).debetCredit == .credit }
        let debits = positions.filter { line($0).debetCredit == .debet }

        for position in credits + debits {
            let current = line(position)
            var codes: [RetourCode] = []
            let referenceUsed = try referenceUsed(db, current.referentieNummer)
            if seenReferences.contains(current.referentieNummer) || referenceUsed {
                codes.append(.referentieNummerNietUniek)
            }
            seenReferences.insert(current.referentieNummer)
            if current.debetCredit == .credit {
                switch try creditTarget(db, current, bsn: declaration.clients[position.client].bsn) {
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
            } else if let key = DebitKey(current) {
                var openInStore = false
                if !debitKeysCreditedHere.contains(key) { openInStore = try openDebitExists(db, key) }
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

    private func referenceUsed(_ db: Database, _ reference: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM line WHERE aanbieder = ? AND referentieNummer = ?)"),
            arguments: [aanbieder, reference]) ?? false
    }

    private struct StoredDebit {
        var id: Int64
        var creditedBy: Int64?
        var key: DebitKey
    }

    /// The approved debit a credit refers to: same provider, VorigReferentieNummer, client.
    private func creditTarget(_ db: Database, _ credit: DeclarationLine, bsn: String) throws -> StoredDebit? {
        guard let previous = credit.vorigReferentieNummer,
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, creditedByLineID, toewijzingNummer, productCode, productCategorie, periodStart
                    FROM line WHERE aanbieder = ? AND referentieNummer = ? AND debetCredit = 'D' AND bsn = ?
                    """,
                arguments: [aanbieder, previous, bsn])
        else { return nil }
        return StoredDebit(
            id: row["id"], creditedBy: row["creditedByLineID"],
            key: DebitKey(
                toewijzing: row["toewijzingNummer"] ?? "", product: row["productCode"] ?? row["productCategorie"],
                month: String((row["periodStart"] as String).prefix(7))))
    }

    /// 9389: an approved, uncredited debit for the same allocation, product and month.
    private func openDebitExists(_ db: Database, _ key: DebitKey) throws -> Bool {
        guard !key.toewijzing.isEmpty else { return false }
        return try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM line WHERE aanbieder = ? AND toewijzingNummer = ?
                        AND COALESCE(productCode, productCategorie) = ? AND substr(periodStart, 1, 7) = ?
                        AND debetCredit = 'D' AND creditedByLineID IS NULL)
                    """),
            arguments: [aanbieder, key.toewijzing, key.product, key.month]) ?? false
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

    init?(_ line: DeclarationLine) {
        guard let toewijzing = line.toewijzingNummer else { return nil }
        self.init(
            toewijzing: toewijzing, product: line.productCode ?? line.productCategorie,
            month: line.productPeriode.start.month.description)
    }
}
