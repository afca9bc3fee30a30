import Domain

/// The "bericht inhoud" rules of a JW301 that need nothing but the message: a break
/// refuses the whole allocation with 0001, header only. Returns the reasons, led by the
/// rule's code, for the log; empty when the message passes.
public enum AllocationMessageChecks {
    public static func problems(_ message: AllocationMessage) -> [String] {
        let header = message.header
        var problems: [String] = []
        if !IJWMessageKind.jw301.matches(header) { problems.append("CS015/CS025: BerichtCode/versie is niet 436 3.2") }
        if !BSN.isValid(message.bsn) { problems.append("CS002: Bsn voldoet niet aan de elfproef") }
        if AGB(message.aanbieder) == nil { problems.append("Ontvanger is geen AGB-code") }
        for product in message.products {
            problems += productProblems(product, dagtekening: header.dagtekening)
        }
        if let overlap = ProductConditions.stacked(message.products.map(conditions), in: .jw301) {
            problems.append(overlap)
        }
        return problems
    }

    static func productProblems(_ product: AllocatedProduct, dagtekening: Day) -> [String] {
        var problems: [String] = []
        let number = product.toewijzingNummer
        if product.toewijzingsdatum > dagtekening {
            problems.append("TR134: Toewijzingsdatum van \(number) ligt na de Dagtekening")
        }
        if product.redenWijziging == "01" {
            problems.append("CS336: RedenWijziging 01 (administratieve correctie) wordt niet meer gebruikt")
        }
        if product.isRemoval && product.einddatum != product.ingangsdatum {
            problems.append("CS335: RedenWijziging 13 alleen als Einddatum gelijk is aan Ingangsdatum (\(number))")
        }
        return problems + ProductConditions.problems(conditions(product), in: .jw301)
    }

    static func conditions(_ product: AllocatedProduct) -> ProductConditions.Product {
        ProductConditions.Product(
            number: product.toewijzingNummer, categorie: product.productCategorie, code: product.productCode,
            omvang: product.omvang, budget: product.budget, start: product.ingangsdatum, end: product.einddatum,
            withdrawn: product.isRemoval)
    }
}
