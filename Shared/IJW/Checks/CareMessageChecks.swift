import Domain

/// The "bericht inhoud" rules of a JW305, JW307 or JW315 that need nothing but the
/// message: a break refuses the whole message with 0001, header only (IV028). Returns
/// the reasons, led by the rule's code, for the log; empty when the message passes.
public enum CareMessageChecks {
    public static func problems(_ message: IJWMessage) -> [String] {
        let header = message.header
        var problems: [String] = []
        if !message.kind.matches(header) {
            problems.append("CS015/CS025: BerichtCode/versie past niet bij het bericht")
        }
        if AGB(header.afzender) == nil { problems.append("Afzender is geen AGB-code") }
        if Gemeentecode(header.ontvanger) == nil { problems.append("Ontvanger is geen gemeentecode") }
        switch message {
        case .careStart(let m):
            if !BSN.isValid(m.bsn) { problems.append("CS002: Bsn voldoet niet aan de elfproef") }
            for product in m.products where product.begindatum > header.dagtekening {
                problems.append("TR134: Begindatum ligt na de Dagtekening")
            }
            if Set(m.products.map { StartKey(product: $0) }).count != m.products.count {
                problems.append("TR101: een StartProduct komt twee keer voor")
            }
        case .careStop(let m):
            if !BSN.isValid(m.bsn) { problems.append("CS002: Bsn voldoet niet aan de elfproef") }
            for product in m.products where product.einddatum > header.dagtekening {
                problems.append("TR134: Einddatum ligt na de Dagtekening")
            }
            if Set(m.products.map { StopKey(product: $0) }).count != m.products.count {
                problems.append("TR101: een StopProduct komt twee keer voor")
            }
        case .allocationRequest(let m):
            if !BSN.isValid(m.bsn) { problems.append("CS002: Bsn voldoet niet aan de elfproef") }
            if Set(m.products.map(\.referentieAanbieder)).count != m.products.count {
                problems.append("TR383: ReferentieAanbieder komt twee keer voor in het bericht")
            }
            for product in m.products { problems += requestProblems(product) }
            if let overlap = ProductConditions.stacked(m.products.map(conditions), in: .jw315) {
                problems.append(overlap)
            }
        case .declaration, .allocation:
            problems.append("geen JW305, JW307 of JW315")
        }
        return problems
    }

    /// The conditions on one requested product: those it shares with an allocation, the
    /// Beschikking pair (CD043) and the referrer (CD066–CD068).
    static func requestProblems(_ product: RequestedProduct) -> [String] {
        var problems = ProductConditions.problems(conditions(product), in: .jw315)
        let name = product.referentieAanbieder
        if (product.beschikkingNummer == nil) != (product.beschikkingIngangsdatum == nil) {
            problems.append("CD043: BeschikkingNummer en BeschikkingIngangsdatum horen samen (\(name))")
        }
        let professional = ["02", "03", "04", "05"].contains(product.verwijzerType)
        if professional && product.zorgverlenerCode != nil && product.verwijzerNaam != nil {
            problems.append("CD066: met ZorgverlenerCode blijft de Naam van de verwijzer leeg (\(name))")
        }
        if professional && product.zorgverlenerCode == nil && product.verwijzerNaam == nil {
            problems.append("CD067: zonder ZorgverlenerCode is de Naam van de verwijzer verplicht (\(name))")
        }
        if !professional && product.zorgverlenerCode != nil {
            problems.append("CD068: ZorgverlenerCode alleen bij verwijzer type 02 tot en met 05 (\(name))")
        }
        return problems
    }

    static func conditions(_ product: RequestedProduct) -> ProductConditions.Product {
        ProductConditions.Product(
            number: product.referentieAanbieder, categorie: product.productCategorie, code: product.productCode,
            omvang: product.omvang, budget: product.budget, start: product.toewijzingIngangsdatum,
            end: product.toewijzingEinddatum)
    }

    private struct StartKey: Hashable {
        var toewijzing: String
        var begindatum: Day
        init(product: CareStart) {
            toewijzing = product.toewijzingNummer
            begindatum = product.begindatum
        }
    }

    private struct StopKey: Hashable {
        var toewijzing: String
        var begindatum: Day
        init(product: CareStop) {
            toewijzing = product.toewijzingNummer
            begindatum = product.begindatum
        }
    }
}
