import Domain

/// What a gemeente allocated, as the declaration checks need it.
public struct AllocationRecord: Sendable, Equatable {
    public var toewijzingNummer: String
    public var bsn: String
    public var productCategorie: String?
    public var productCode: String?
    public var ingangsdatum: Day
    public var einddatum: Day?
    public var omvang: Omvang?
    public var budget: Int64?
    /// The gemeente withdrew the allocation (RedenWijziging 13, "Verwijderd").
    public var removed: Bool

    public init(
        toewijzingNummer: String, bsn: String, productCategorie: String?, productCode: String?, ingangsdatum: Day,
        einddatum: Day?, omvang: Omvang?, budget: Int64?, removed: Bool = false
    ) {
        self.toewijzingNummer = toewijzingNummer
        self.bsn = bsn
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.ingangsdatum = ingangsdatum
        self.einddatum = einddatum
        self.omvang = omvang
        self.budget = budget
        self.removed = removed
    }

    public init(_ product: AllocatedProduct, bsn: String) {
        self.init(
            toewijzingNummer: product.toewijzingNummer, bsn: bsn, productCategorie: product.productCategorie,
            productCode: product.productCode, ingangsdatum: product.ingangsdatum, einddatum: product.einddatum,
            omvang: product.omvang, budget: product.budget, removed: product.isRemoval)
    }
}

/// What was already approved under one allocation, net of credits.
public struct AllocationUsage: Sendable, Equatable {
    /// Volume of the lines in the allocation's own unit (all but minutes).
    public var volume: Int64 = 0
    /// Volume of the lines declared in minutes (under an allocation in hours, IV081).
    public var minutes: Int64 = 0
    public var amountCents: Int64 = 0

    public init(volume: Int64 = 0, minutes: Int64 = 0, amountCents: Int64 = 0) {
        self.volume = volume
        self.minutes = minutes
        self.amountCents = amountCents
    }

    /// Adds an approved line.
    public mutating func add(_ line: DeclarationLine) {
        if line.eenheid == Eenheid.minuut.rawValue {
            minutes += line.geleverdVolume
        } else {
            volume += line.geleverdVolume
        }
        amountCents += line.ingediendBedrag
    }
}

/// The declaration rules that need the gemeente's allocation (iJw level 4): the line
/// must belong to an allocation of this client, inside its period and on its month
/// boundaries, for its product and unit, within its volume and budget. Pure: intake
/// supplies the allocation and usage.
///
/// Credits are never refused here: undoing an approved line is always allowed.
public enum AllocationChecks {
    public static func codes(
        _ line: DeclarationLine, bsn: String, allocation: AllocationRecord?, usage: AllocationUsage
    ) -> [RetourCode] {
        guard line.debetCredit == .debet else { return [] }
        guard let allocation else { return [.geenToewijzing] }
        guard allocation.bsn == bsn else { return [.regelNietVoorClient] }
        // A withdrawn allocation never existed as far as payment goes: nothing else to say.
        guard !allocation.removed else { return [.toewijzingVerwijderd] }
        var codes: [RetourCode] = []
        if line.productPeriode.start < allocation.ingangsdatum { codes.append(.buitenToewijzingBegin) }
        if let end = allocation.einddatum, line.productPeriode.end > end { codes.append(.buitenToewijzingEind) }
        codes += monthBoundaryCodes(line.productPeriode, allocation: allocation)
        if let categorie = allocation.productCategorie, categorie != line.productCategorie {
            codes.append(.categorieWijktAf)
        }
        if let code = allocation.productCode, code != line.productCode { codes.append(.productCodeWijktAf) }
        // A line wholly outside the allocation's period is 9307/9308; its volume has nothing
        // to be compared with.
        let overlaps =
            line.productPeriode.end >= allocation.ingangsdatum
            && (allocation.einddatum.map { line.productPeriode.start <= $0 } ?? true)
        if let omvang = allocation.omvang {
            if !AllocatedVolume.unitFits(line.eenheid, allocated: omvang.eenheid) {
                codes.append(.eenheidPastNiet)
            } else if overlaps, let code = volumeCode(line, omvang: omvang, allocation: allocation, usage: usage) {
                codes.append(code)
            }
        }
        if let budget = allocation.budget, usage.amountCents + line.ingediendBedrag > budget {
            codes.append(.bovenBudget)
        }
        return codes
    }

    /// TR387 / TR388: a ProductPeriode runs from the first to the last day of its month,
    /// unless the allocation starts later or ends earlier in that month: then from or to
    /// that day.
    static func monthBoundaryCodes(_ period: Period, allocation: AllocationRecord) -> [RetourCode] {
        let month = period.start.month
        var codes: [RetourCode] = []
        let ingang = allocation.ingangsdatum
        let expectedStart = ingang.month == month && ingang > month.firstDay ? ingang : month.firstDay
        if period.start != expectedStart { codes.append(.begindatumNietEersteDag) }
        var expectedEnd = month.lastDay
        if let eind = allocation.einddatum, eind.month == month, eind < month.lastDay { expectedEnd = eind }
        if period.end != expectedEnd { codes.append(.einddatumNietLaatsteDag) }
        return codes
    }

    /// 9321 when the line alone holds more than the allocation allows for its product
    /// period (TR321); otherwise 9322 when all approved lines and this one hold more than
    /// it allows over its whole duration (TR322).
    static func volumeCode(
        _ line: DeclarationLine, omvang: Omvang, allocation: AllocationRecord, usage: AllocationUsage
    ) -> RetourCode? {
        let allocated = omvang.eenheid
        let declared = AllocatedVolume.comparable(line.geleverdVolume, eenheid: line.eenheid, allocated: allocated)
        if declared > AllocatedVolume.allowedInPeriod(line.productPeriode, omvang: omvang, allocation: allocation) {
            return .volumeBovenToewijzing
        }
        guard let total = AllocatedVolume.allowedInTotal(omvang: omvang, allocation: allocation) else { return nil }
        let used =
            AllocatedVolume.comparable(usage.volume, eenheid: allocated, allocated: allocated)
            + AllocatedVolume.comparable(usage.minutes, eenheid: Eenheid.minuut.rawValue, allocated: allocated)
        return used + declared > total ? .volumeBovenToewijzingPeriode : nil
    }
}
