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

/// What was already approved under one allocation (debits minus credits).
public struct AllocationUsage: Sendable, Equatable {
    public var volume: Int64 = 0
    public var amountCents: Int64 = 0
    /// Volume approved for the same month of care as the line being checked.
    public var volumeInMonth: Int64 = 0

    public init(volume: Int64 = 0, amountCents: Int64 = 0, volumeInMonth: Int64 = 0) {
        self.volume = volume
        self.amountCents = amountCents
        self.volumeInMonth = volumeInMonth
    }
}

/// The declaration rules that need the gemeente's allocation (iJw level 4): the line
/// must belong to an allocation of this client, inside its period, for its product and
/// unit, within its volume and budget. Pure: intake supplies the allocation and usage.
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
        if let categorie = allocation.productCategorie, categorie != line.productCategorie {
            codes.append(.categorieWijktAf)
        }
        if let code = allocation.productCode, let declared = line.productCode, code != declared {
            codes.append(.productCodeWijktAf)
        }
        if let omvang = allocation.omvang {
            if omvang.eenheid != line.eenheid {
                codes.append(.eenheidPastNiet)
            } else if let code = volumeCode(line, omvang: omvang, allocation: allocation, usage: usage) {
                codes.append(code)
            }
        }
        if let budget = allocation.budget, usage.amountCents + line.ingediendBedrag > budget {
            codes.append(.bovenBudget)
        }
        return codes
    }

    /// 9321 when the total allocated volume is exceeded; 9322 when the volume allowed for
    /// the line's month (per day, week or month) is.
    static func volumeCode(
        _ line: DeclarationLine, omvang: Omvang, allocation: AllocationRecord, usage: AllocationUsage
    )
        -> RetourCode?
    {
        switch omvang.frequentie {
        case .totaalBinnenGeldigheidsduur:
            return usage.volume + line.geleverdVolume > omvang.volume ? .volumeBovenToewijzing : nil
        case .perDag, .perWeek, .perMaand:
            let allowed = allowedInMonth(line.productPeriode, omvang: omvang, allocation: allocation)
            return usage.volumeInMonth + line.geleverdVolume > allowed ? .volumeBovenToewijzingPeriode : nil
        }
    }

    /// The volume the allocation allows in the month of `period`: per day times the
    /// allocated days in it, per week times its (started) weeks, or once per month.
    public static func allowedInMonth(_ period: Period, omvang: Omvang, allocation: AllocationRecord) -> Int64 {
        let month = period.start.month
        let start = max(month.firstDay, allocation.ingangsdatum)
        let end = min(month.lastDay, allocation.einddatum ?? month.lastDay)
        guard start <= end else { return 0 }
        let days = Int64(end.daysSince1970 - start.daysSince1970 + 1)
        switch omvang.frequentie {
        case .perDag: return omvang.volume * days
        case .perWeek: return omvang.volume * ((days + 6) / 7)
        case .perMaand, .totaalBinnenGeldigheidsduur: return omvang.volume
        }
    }
}
