import Domain

/// `allocation.recorded`: a gemeente allocated a product to a client at a provider.
/// The client is the keyed pseudonym; the BSN never leaves intake.
public struct AllocationReceived: EventBody {
    public static let kind = EventKind.allocationReceived
    public var v: Int = 1
    public var gemeente: String
    public var aanbieder: String
    public var client: String
    public var toewijzingNummer: String
    public var productCategorie: String?
    public var productCode: String?
    public var toewijzingsdatum: Day
    public var ingangsdatum: Day
    public var einddatum: Day?
    public var redenWijziging: String?
    public var volume: Int64?
    public var eenheid: String?
    /// COD Frequentie: 1 per dag, 2 per week, 4 per maand, 6 totaal.
    public var frequentie: String?
    public var budgetCents: Int64?

    public init(
        gemeente: String, aanbieder: String, client: String, toewijzingNummer: String, productCategorie: String?,
        productCode: String?, toewijzingsdatum: Day, ingangsdatum: Day, einddatum: Day?, redenWijziging: String?,
        volume: Int64?, eenheid: String?, frequentie: String?, budgetCents: Int64?
    ) {
        self.gemeente = gemeente
        self.aanbieder = aanbieder
        self.client = client
        self.toewijzingNummer = toewijzingNummer
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.toewijzingsdatum = toewijzingsdatum
        self.ingangsdatum = ingangsdatum
        self.einddatum = einddatum
        self.redenWijziging = redenWijziging
        self.volume = volume
        self.eenheid = eenheid
        self.frequentie = frequentie
        self.budgetCents = budgetCents
    }
}
