import Domain

/// The JW323 rules that compare lines of one message with each other (all "bericht
/// inhoud": a break refuses the whole message with 0001). Fed line by line; what needs
/// every line (TR316) is answered at the end.
struct InMessageUniqueness {
    /// TR416: client, allocation, product and exact ProductPeriode of a debit. The client
    /// is part of it because an allocation is one client's: the rule sits on the Prestaties
    /// of a Client.
    private struct DebitKey: Hashable {
        var bsn: String
        var toewijzing: String
        var categorie: String
        var code: String
        var period: Period
    }

    private var linesByReference: [String: DeclarationLine] = [:]
    private var previousReferences: Set<String> = []
    private var debits: Set<DebitKey> = []
    private var clients: Set<String> = []

    init(capacity: Int) {
        linesByReference.reserveCapacity(capacity)
    }

    /// TR101 (Client): the same client twice.
    mutating func client(_ bsn: String) -> String? {
        clients.insert(bsn).inserted ? nil : "TR101: cliënt komt twee keer voor in het bericht"
    }

    /// TR101 (Prestatie), TR315, TR416 for one line of the client `bsn`.
    mutating func line(_ line: DeclarationLine, bsn: String) -> [String] {
        var problems: [String] = []
        if let earlier = linesByReference.updateValue(line, forKey: line.referentieNummer), earlier == line {
            problems.append("TR101: prestatie \(line.referentieNummer) komt twee keer voor in het bericht")
        }
        if let previous = line.vorigReferentieNummer, !previousReferences.insert(previous).inserted {
            problems.append("TR315: VorigReferentieNummer \(previous) komt twee keer voor in het bericht")
        }
        if line.debetCredit == .debet {
            let key = DebitKey(
                bsn: bsn, toewijzing: line.toewijzingNummer, categorie: line.productCategorie, code: line.productCode,
                period: line.productPeriode)
            if !debits.insert(key).inserted {
                problems.append(
                    "TR416: tweede debetprestatie voor dezelfde toewijzing, product en periode (\(line.referentieNummer))"
                )
            }
        }
        return problems
    }

    /// TR316: a credit of a debit in the same message.
    func creditsOfDebitsInThisMessage() -> [String] {
        previousReferences.filter { linesByReference[$0] != nil }.sorted().map {
            "TR316: prestatie \($0) wordt in hetzelfde bericht gecrediteerd"
        }
    }
}
