import Domain

/// `care.started`: a provider reported the start of care under an allocation (JW305).
public struct CareStarted: EventBody {
    public static let kind = EventKind.careStarted
    public var v: Int = 1
    public var gemeente: String
    public var aanbieder: String
    public var client: String
    public var toewijzingNummer: String
    public var productCategorie: String?
    public var productCode: String?
    public var begindatum: Day
    /// True when the provider withdrew the start (StatusAanlevering 3).
    public var withdrawn: Bool

    public init(
        gemeente: String, aanbieder: String, client: String, toewijzingNummer: String, productCategorie: String?,
        productCode: String?, begindatum: Day, withdrawn: Bool
    ) {
        self.gemeente = gemeente
        self.aanbieder = aanbieder
        self.client = client
        self.toewijzingNummer = toewijzingNummer
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.begindatum = begindatum
        self.withdrawn = withdrawn
    }
}

/// `care.stopped`: care under an allocation ended (JW307), for good or for a while.
public struct CareStopped: EventBody {
    public static let kind = EventKind.careStopped
    public var v: Int = 1
    public var gemeente: String
    public var aanbieder: String
    public var client: String
    public var toewijzingNummer: String
    public var begindatum: Day
    public var einddatum: Day
    /// JZ588 RedenBeeindiging; 20 is a temporary stop.
    public var redenBeeindiging: String
    public var temporary: Bool
    public var withdrawn: Bool
    /// Added after v1: absent in older events.
    public var productCategorie: String?

    public init(
        gemeente: String, aanbieder: String, client: String, toewijzingNummer: String, begindatum: Day,
        einddatum: Day, redenBeeindiging: String, withdrawn: Bool, productCategorie: String? = nil
    ) {
        self.productCategorie = productCategorie
        self.gemeente = gemeente
        self.aanbieder = aanbieder
        self.client = client
        self.toewijzingNummer = toewijzingNummer
        self.begindatum = begindatum
        self.einddatum = einddatum
        self.redenBeeindiging = redenBeeindiging
        self.temporary = redenBeeindiging == "20"
        self.withdrawn = withdrawn
    }
}

/// `referral.recorded`: a provider asked for an allocation (JW315), naming the referrer.
public struct ReferralRequested: EventBody {
    public static let kind = EventKind.referralRequested
    public var v: Int = 1
    public var gemeente: String
    public var aanbieder: String
    public var client: String
    public var referentieAanbieder: String
    public var productCategorie: String?
    public var productCode: String?
    public var toewijzingIngangsdatum: Day
    /// COD327 Verwijzer Type (01 gemeente/sociaal team, 02 huisarts, …).
    public var verwijzerType: String
    /// The gemeente's own team that referred (Verwijzer/Naam when Type is 01), as
    /// `ReferrerTeam` keeps it: never a person's name or number. Absent in older events.
    public var verwijzerTeam: String?

    public init(
        gemeente: String, aanbieder: String, client: String, referentieAanbieder: String, productCategorie: String?,
        productCode: String?, toewijzingIngangsdatum: Day, verwijzerType: String, verwijzerTeam: String? = nil
    ) {
        self.gemeente = gemeente
        self.aanbieder = aanbieder
        self.client = client
        self.referentieAanbieder = referentieAanbieder
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.toewijzingIngangsdatum = toewijzingIngangsdatum
        self.verwijzerType = verwijzerType
        self.verwijzerTeam = verwijzerTeam
    }
}
