import Contracts
import Domain
import IJW

/// A JW323 with everything worked out that needs no store: the checks of the message on
/// its own and against the contract tariffs, the clients' pseudonyms, and each line's
/// stored texts and event body but for the line's id.
///
/// Made while reading, on every core, so that the one writer holds the store only for
/// what needs it: the checks against history and the inserts (docs/BENCHMARKS.md, intake).
struct PreparedDeclaration: Sendable {
    let declaration: Declaration
    /// The checks of the message on its own, including an unknown gemeente.
    let checks: DeclarationCheckResult
    /// Codes per line from those checks, the product code list (S329) and the contract
    /// tariffs (0611).
    let lineCodes: [LinePosition: [RetourCode]]
    /// Credits first, then debits: the order in which the standard processes them.
    let order: [LinePosition]
    /// Per client, per line, as in the declaration.
    private let lines: [[PreparedLine]]

    init(
        _ declaration: Declaration, today: Day, knownGemeenten: Set<String>, tariffs: ContractTariffs,
        productCodes: ProductCodeList = .none, pseudonymizer: Pseudonymizer
    ) {
        let header = declaration.header
        var checks = DeclarationChecks.check(declaration, today: today)
        if !knownGemeenten.isEmpty && !knownGemeenten.contains(header.ontvanger) {
            checks.messageCodes.append(.onbekendeGemeente)
        }
        var lineCodes: [LinePosition: [RetourCode]] = [:]
        var credits: [LinePosition] = []
        var debits: [LinePosition] = []
        var lines: [[PreparedLine]] = []
        lines.reserveCapacity(declaration.clients.count)
        for (c, client) in declaration.clients.enumerated() {
            // One keyed hash per client, not per line.
            let pseudonym = pseudonymizer.pseudonym(forBSN: client.bsn)
            var prepared: [PreparedLine] = []
            prepared.reserveCapacity(client.lines.count)
            for (l, line) in client.lines.enumerated() {
                let position = LinePosition(client: c, line: l)
                let codes =
                    checks.codes(client: c, line: l)
                    + productCodes.codes(
                        categorie: line.productCategorie, code: line.productCode, gemeente: header.ontvanger)
                    + tariffs.codes(line, gemeente: header.ontvanger)
                if !codes.isEmpty { lineCodes[position] = codes }
                if line.debetCredit == .credit { credits.append(position) } else { debits.append(position) }
                prepared.append(
                    PreparedLine(
                        line, client: pseudonym, declaration: declaration, receivedOn: today))
            }
            lines.append(prepared)
        }
        self.declaration = declaration
        self.checks = checks
        self.lineCodes = lineCodes
        self.order = credits + debits
        self.lines = lines
    }

    var header: MessageHeader { declaration.header }

    func line(_ position: LinePosition) -> DeclarationLine {
        declaration.clients[position.client].lines[position.line]
    }

    func bsn(_ position: LinePosition) -> String {
        declaration.clients[position.client].bsn
    }

    func preparedLine(at position: LinePosition) -> PreparedLine {
        lines[position.client][position.line]
    }
}

/// One line's texts as stored and its event as published, but for the id the store gives.
struct PreparedLine: Sendable {
    let client: String
    let periodStart: String
    let periodEnd: String
    let body: DeclaredLineBody

    init(_ line: DeclarationLine, client: String, declaration: Declaration, receivedOn: Day) {
        self.client = client
        periodStart = line.productPeriode.start.iso
        periodEnd = line.productPeriode.end.iso
        body = DeclaredLineBody(
            DeclaredLine(
                lineID: 0, aanbieder: declaration.header.afzender, gemeente: declaration.header.ontvanger,
                client: client, referentieNummer: line.referentieNummer,
                vorigReferentieNummer: line.vorigReferentieNummer, toewijzingNummer: line.toewijzingNummer,
                productCategorie: line.productCategorie, productCode: line.productCode,
                periodStart: line.productPeriode.start, periodEnd: line.productPeriode.end,
                volume: line.geleverdVolume, eenheid: line.eenheid, tariffCents: line.productTarief,
                amountCents: line.ingediendBedrag, declaratieNummer: declaration.declaratieNummer,
                receivedOn: receivedOn))
    }
}
