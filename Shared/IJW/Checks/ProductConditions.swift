import Domain

/// The conditions the table puts on an allocated product (JW301) and a requested one
/// (JW315) alike: which of Product, Omvang, Budget and an end date go together. Each is a
/// "bericht inhoud" rule: a break refuses the whole message with 0001. Returns reasons
/// led by the rule's code.
enum ProductConditions {
    /// The same product in either message.
    struct Product {
        var number: String
        var categorie: String?
        var code: String?
        var omvang: Omvang?
        var budget: Int64?
        var start: Day
        var end: Day?
        /// Withdrawn (RedenWijziging 13): not current, so no stacking (TR302).
        var withdrawn = false
    }

    /// CD080/CD095, CS338/CS343: "after 31-12-2020" is every product of release 3.2 that
    /// is open or ends later.
    static let lastDayOf2020 = Day(year: 2020, month: 12, day: 31)!

    static func problems(_ product: Product, in message: IJWMessageKind) -> [String] {
        let allocation = message == .jw301
        let (noCodeNoOmvang, frequencyForUnit) = allocation ? ("CD080", "CS338") : ("CD095", "CS343")
        let name = product.number
        var problems: [String] = []
        if product.code != nil && product.omvang == nil {
            problems.append("CD041: ProductCode zonder Omvang (\(name))")
        }
        if product.budget != nil && product.end == nil { problems.append("CD075: Budget zonder Einddatum (\(name))") }
        if product.omvang?.frequentie == .perWeek && product.end == nil {
            problems.append("CD076: Frequentie per week zonder Einddatum (\(name))")
        }
        if product.budget != nil && product.omvang != nil {
            problems.append("CD077/CD078: Omvang en Budget samen (\(name))")
        }
        if product.budget == nil && product.categorie == nil {
            problems.append("CD079: zonder Budget is Product verplicht (\(name))")
        }
        let current = product.end.map { $0 > lastDayOf2020 } ?? true
        if let omvang = product.omvang, current {
            if product.code == nil { problems.append("\(noCodeNoOmvang): Omvang zonder ProductCode (\(name))") }
            if ["14", "16", "83", "84"].contains(omvang.eenheid) && omvang.frequentie == .perDag {
                problems.append(
                    "\(frequencyForUnit): Frequentie per dag past niet bij Eenheid \(omvang.eenheid) (\(name))")
            }
        }
        if let end = product.end, end < product.start {
            problems.append("CS003: Einddatum vóór de Ingangsdatum (\(name))")
        }
        return problems
    }

    /// TR302 (JW301) / TR386 (JW315): the same product twice with overlapping periods (by
    /// code, else by category; without either, any other product). Withdrawn ones do not count.
    static func stacked(_ products: [Product], in message: IJWMessageKind) -> String? {
        let rule = message == .jw301 ? "TR302" : "TR386"
        let current = products.filter { !$0.withdrawn }
        for (i, a) in current.enumerated() {
            for b in current[(i + 1)...] where sameProduct(a, b) && overlap(a, b) {
                return "\(rule): \(a.number) en \(b.number) betreffen hetzelfde product in overlappende perioden"
            }
        }
        return nil
    }

    private static func sameProduct(_ a: Product, _ b: Product) -> Bool {
        if a.categorie == nil || b.categorie == nil { return true }
        if let codeA = a.code, let codeB = b.code { return codeA == codeB }
        return a.categorie == b.categorie
    }

    private static func overlap(_ a: Product, _ b: Product) -> Bool {
        (b.end.map { a.start <= $0 } ?? true) && (a.end.map { b.start <= $0 } ?? true)
    }
}
