import Domain

/// A JW301: the municipality allocates products to one client at one provider.
public struct AllocationMessage: Sendable, Equatable, Codable {
    public var header: MessageHeader
    /// Raw, as in the message: the 11-test is a rule with a retourcode, not a reading error.
    public var bsn: String
    public var products: [AllocatedProduct]

    public init(header: MessageHeader, bsn: String, products: [AllocatedProduct]) {
        self.header = header
        self.bsn = bsn
        self.products = products
    }

    /// The gemeente that allocates (the sender) and the provider it allocates to.
    public var gemeente: String { header.afzender }
    public var aanbieder: String { header.ontvanger }
}

/// One ToegewezenProduct: what may be delivered and declared under this number.
public struct AllocatedProduct: Sendable, Equatable, Codable {
    public var toewijzingNummer: String
    /// Absent for an allocation "aspecifiek" (any product in the provider's contract).
    public var productCategorie: String?
    public var productCode: String?
    public var toewijzingsdatum: Day
    /// "HH:MM:SS": with the date, which of two allocations is the current one (IV013).
    public var toewijzingstijd: String
    public var ingangsdatum: Day
    public var einddatum: Day?
    public var redenWijziging: String?
    public var omvang: Omvang?
    /// Cents; the total that may be declared under this allocation.
    public var budget: Int64?
    /// The provider's reference of the request (JW315) or change request this allocation
    /// honours (TR379, IV097); absent when the gemeente allocates on its own initiative.
    public var referentieAanbieder: String?

    public init(
        toewijzingNummer: String, productCategorie: String?, productCode: String?, toewijzingsdatum: Day,
        toewijzingstijd: String, ingangsdatum: Day, einddatum: Day?, redenWijziging: String?, omvang: Omvang?,
        budget: Int64?, referentieAanbieder: String? = nil
    ) {
        self.referentieAanbieder = referentieAanbieder
        self.toewijzingNummer = toewijzingNummer
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.toewijzingsdatum = toewijzingsdatum
        self.toewijzingstijd = toewijzingstijd
        self.ingangsdatum = ingangsdatum
        self.einddatum = einddatum
        self.redenWijziging = redenWijziging
        self.omvang = omvang
        self.budget = budget
    }

    /// RedenWijziging 13 ("Verwijderd"): the gemeente withdraws the allocation as if it
    /// was never made. Declarations on it are refused with 9384.
    public var isRemoval: Bool { redenWijziging == "13" }

    /// IV013: the moment the gemeente decided this allocation, comparable as text.
    public var decidedAt: String { "\(toewijzingsdatum.iso)T\(toewijzingstijd)" }
}

/// How much care is allocated: `volume` units of `eenheid` per `frequentie`.
public struct Omvang: Sendable, Equatable, Codable {
    public var volume: Int64
    public var eenheid: String
    public var frequentie: Frequentie

    public init(volume: Int64, eenheid: String, frequentie: Frequentie) {
        self.volume = volume
        self.eenheid = eenheid
        self.frequentie = frequentie
    }
}

/// COD of LDT_Frequentie: the span an allocated volume applies to.
public enum Frequentie: String, Sendable, Equatable, Codable {
    case perDag = "1"
    case perWeek = "2"
    case perMaand = "4"
    case totaalBinnenGeldigheidsduur = "6"
}
