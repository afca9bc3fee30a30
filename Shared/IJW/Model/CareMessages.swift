import Domain

/// COD StatusAanlevering in a start or stop: new, or withdrawn. 2 ("gewijzigd") is not
/// allowed (CS058, OP033x2): a change is a withdrawal and a new first delivery.
public enum StatusAanlevering: String, Sendable, Equatable, Codable {
    case eersteAanlevering = "1"
    case verwijderen = "3"
}

/// A JW305: the provider reports that care started under one or more allocations.
public struct CareStartMessage: Sendable, Equatable, Codable {
    public var header: MessageHeader
    public var bsn: String
    public var products: [CareStart]

    public init(header: MessageHeader, bsn: String, products: [CareStart]) {
        self.header = header
        self.bsn = bsn
        self.products = products
    }
}

public struct CareStart: Sendable, Equatable, Codable {
    public var toewijzingNummer: String
    public var productCategorie: String?
    public var productCode: String?
    public var begindatum: Day
    public var status: StatusAanlevering

    public init(
        toewijzingNummer: String, productCategorie: String?, productCode: String?, begindatum: Day,
        status: StatusAanlevering
    ) {
        self.toewijzingNummer = toewijzingNummer
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.begindatum = begindatum
        self.status = status
    }
}

/// A JW307: the provider reports that care stopped, for good or for a while (reden 20).
public struct CareStopMessage: Sendable, Equatable, Codable {
    public var header: MessageHeader
    public var bsn: String
    public var products: [CareStop]

    public init(header: MessageHeader, bsn: String, products: [CareStop]) {
        self.header = header
        self.bsn = bsn
        self.products = products
    }
}

public struct CareStop: Sendable, Equatable, Codable {
    public var toewijzingNummer: String
    public var productCategorie: String?
    public var productCode: String?
    /// The Begindatum of the start this stop ends.
    public var begindatum: Day
    public var einddatum: Day
    /// JZ588: 20 temporary stop, 31 according to plan, 32–35 early, 36 by the gemeente, 38 moved.
    public var redenBeeindiging: String
    public var status: StatusAanlevering

    public init(
        toewijzingNummer: String, productCategorie: String?, productCode: String?, begindatum: Day, einddatum: Day,
        redenBeeindiging: String, status: StatusAanlevering
    ) {
        self.toewijzingNummer = toewijzingNummer
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.begindatum = begindatum
        self.einddatum = einddatum
        self.redenBeeindiging = redenBeeindiging
        self.status = status
    }

    /// Reden 20: care pauses and may start again under the same allocation.
    public var isTemporary: Bool { redenBeeindiging == "20" }
}

/// A JW315: the provider asks the gemeente for an allocation; it carries who referred.
public struct AllocationRequestMessage: Sendable, Equatable, Codable {
    public var header: MessageHeader
    public var bsn: String
    public var products: [RequestedProduct]

    public init(header: MessageHeader, bsn: String, products: [RequestedProduct]) {
        self.header = header
        self.bsn = bsn
        self.products = products
    }
}

public struct RequestedProduct: Sendable, Equatable, Codable {
    public var referentieAanbieder: String
    public var productCategorie: String?
    public var productCode: String?
    public var toewijzingIngangsdatum: Day
    /// COD327 Verwijzer Type: 01 gemeente/sociaal team, 02 huisarts, 03 jeugdarts,
    /// 04 gecertificeerde instelling, 05 medisch specialist, 06 zelfverwijzer, 08 rechter/OM.
    public var verwijzerType: String
    public var omvang: Omvang?
    /// Read for the table's conditions on a request (CD043, CD066–CD068, CD075–CD079,
    /// CD095, CS343, TR386); not kept after the check.
    public var toewijzingEinddatum: Day?
    public var budget: Int64?
    public var beschikkingNummer: String?
    public var beschikkingIngangsdatum: Day?
    public var verwijzerNaam: String?
    public var zorgverlenerCode: String?

    public init(
        referentieAanbieder: String, productCategorie: String?, productCode: String?, toewijzingIngangsdatum: Day,
        verwijzerType: String, omvang: Omvang?, toewijzingEinddatum: Day? = nil, budget: Int64? = nil,
        beschikkingNummer: String? = nil, beschikkingIngangsdatum: Day? = nil, verwijzerNaam: String? = nil,
        zorgverlenerCode: String? = nil
    ) {
        self.referentieAanbieder = referentieAanbieder
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.toewijzingIngangsdatum = toewijzingIngangsdatum
        self.verwijzerType = verwijzerType
        self.omvang = omvang
        self.toewijzingEinddatum = toewijzingEinddatum
        self.budget = budget
        self.beschikkingNummer = beschikkingNummer
        self.beschikkingIngangsdatum = beschikkingIngangsdatum
        self.verwijzerNaam = verwijzerNaam
        self.zorgverlenerCode = zorgverlenerCode
    }
}
