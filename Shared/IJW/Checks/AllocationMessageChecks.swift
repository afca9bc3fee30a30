import Domain

/// The "bericht inhoud" rules of a JW301 that need nothing but the message: a break
/// refuses the whole allocation with 0001, header only. Returns the reasons, led by the
/// rule's code, for the log; empty when the message passes.
public enum AllocationMessageChecks {
    /// CD080, CS338: "after 31-12-2020" is every allocation of release 3.2 that is open
    /// or ends later.
    static let lastDayOf2020 = Day(year: 2020, month: 12, day: 31)!

    public static func problems(_ message: AllocationMessage) -> [String] {
        let header = message.header
        var problems: [String] = []
        if !IJWMessageKind.jw301.matches(header) { problems.append("CS015/CS025: BerichtCode/versie is niet 436 3.2") }
        if !BSN.isValid(message.bsn) { problems.append("CS002: Bsn voldoet niet aan de elfproef") }
        if AGB(message.aanbieder) == nil { problems.append("Ontvanger is geen AGB-code") }
        for product in message.products {
            problems += productProblems(product, dagtekening: header.dagtekening)
        }
        if let overlap = stacked(message.products) { problems.append(overlap) }
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
        let current = product.einddatum.map { $0 > lastDayOf2020 } ?? true
        if let omvang = product.omvang, current {
            if product.productCode == nil { problems.append("CD080: Omvang zonder ProductCode (\(number))") }
            if ["14", "16", "83", "84"].contains(omvang.eenheid) && omvang.frequentie == .perDag {
                problems.append("CS338: Frequentie per dag past niet bij Eenheid \(omvang.eenheid) (\(number))")
            }
        }
        return problems
    }

    /// TR302: the same product twice with overlapping periods (by code, else by
    /// category; without either, any other product). Withdrawn allocations do not count.
    static func stacked(_ products: [AllocatedProduct]) -> String? {
        let current = products.filter { !$0.isRemoval }
        for (i, a) in current.enumerated() {
            for b in current[(i + 1)...] where sameProduct(a, b) && overlap(a, b) {
                return "TR302: \(a.toewijzingNummer) en \(b.toewijzingNummer) wijzen hetzelfde product overlappend toe"
            }
        }
        return nil
    }

    private static func sameProduct(_ a: AllocatedProduct, _ b: AllocatedProduct) -> Bool {
        if a.productCategorie == nil || b.productCategorie == nil { return true }
        if let codeA = a.productCode, let codeB = b.productCode { return codeA == codeB }
        return a.productCategorie == b.productCategorie
    }

    private static func overlap(_ a: AllocatedProduct, _ b: AllocatedProduct) -> Bool {
        let aEnd = a.einddatum ?? Day(daysSince1970: Int(Int32.max))
        let bEnd = b.einddatum ?? Day(daysSince1970: Int(Int32.max))
        return a.ingangsdatum <= bEnd && b.ingangsdatum <= aEnd
    }
}
