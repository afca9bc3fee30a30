import Domain

/// The header every iJw message starts with.
public struct MessageHeader: Sendable, Equatable, Codable {
    public var berichtCode: String
    public var berichtVersie: String
    public var berichtSubversie: String
    public var afzender: String
    public var ontvanger: String
    public var identificatie: String
    public var dagtekening: Day
    public var basisschemaXsdVersie: String
    public var berichtXsdVersie: String

    public init(
        berichtCode: String, berichtVersie: String, berichtSubversie: String, afzender: String, ontvanger: String,
        identificatie: String, dagtekening: Day, basisschemaXsdVersie: String, berichtXsdVersie: String
    ) {
        self.berichtCode = berichtCode
        self.berichtVersie = berichtVersie
        self.berichtSubversie = berichtSubversie
        self.afzender = afzender
        self.ontvanger = ontvanger
        self.identificatie = identificatie
        self.dagtekening = dagtekening
        self.basisschemaXsdVersie = basisschemaXsdVersie
        self.berichtXsdVersie = berichtXsdVersie
    }
}

/// A JW323 declaration: one provider, one gemeente, one calendar month.
public struct Declaration: Sendable, Equatable, Codable {
    public var header: MessageHeader
    public var declaratieNummer: String
    public var declaratiePeriode: Period
    public var dagtekening: Day
    /// As in the message: never negative; the sign is `totaalDebetCredit`.
    public var totaalIngediendBedrag: Int64
    public var totaalDebetCredit: DebetCredit
    public var clients: [DeclaredClient]

    public init(
        header: MessageHeader, declaratieNummer: String, declaratiePeriode: Period, dagtekening: Day,
        totaalIngediendBedrag: Int64, totaalDebetCredit: DebetCredit, clients: [DeclaredClient]
    ) {
        self.header = header
        self.declaratieNummer = declaratieNummer
        self.declaratiePeriode = declaratiePeriode
        self.dagtekening = dagtekening
        self.totaalIngediendBedrag = totaalIngediendBedrag
        self.totaalDebetCredit = totaalDebetCredit
        self.clients = clients
    }

    /// The total as a signed amount (credits negative).
    public var signedTotal: Money {
        Money(cents: totaalDebetCredit == .credit ? -totaalIngediendBedrag : totaalIngediendBedrag)
    }
}

/// One client's lines in a declaration. The BSN is kept raw: checking it is a rule with
/// a retourcode, not a reading error.
public struct DeclaredClient: Sendable, Equatable, Codable {
    public var bsn: String
    public var lines: [DeclarationLine]

    public init(bsn: String, lines: [DeclarationLine]) {
        self.bsn = bsn
        self.lines = lines
    }
}

/// One Prestatie: a product delivered to a client in one month.
public struct DeclarationLine: Sendable, Equatable, Codable {
    public var referentieNummer: String
    public var vorigReferentieNummer: String?
    /// Required in JW323 (LDT_Nummer, at most 9 digits), as is the ProductCode.
    public var toewijzingNummer: String
    public var productCategorie: String
    public var productCode: String
    public var productPeriode: Period
    public var geleverdVolume: Int64
    public var eenheid: String
    public var productTarief: Int64?
    public var ingediendBedrag: Int64
    public var debetCredit: DebetCredit

    public init(
        referentieNummer: String, vorigReferentieNummer: String?, toewijzingNummer: String, productCategorie: String,
        productCode: String, productPeriode: Period, geleverdVolume: Int64, eenheid: String, productTarief: Int64?,
        ingediendBedrag: Int64, debetCredit: DebetCredit
    ) {
        self.referentieNummer = referentieNummer
        self.vorigReferentieNummer = vorigReferentieNummer
        self.toewijzingNummer = toewijzingNummer
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.productPeriode = productPeriode
        self.geleverdVolume = geleverdVolume
        self.eenheid = eenheid
        self.productTarief = productTarief
        self.ingediendBedrag = ingediendBedrag
        self.debetCredit = debetCredit
    }

    /// The amount with its sign: credits subtract.
    public var signedAmount: Money { Money(cents: debetCredit == .credit ? -ingediendBedrag : ingediendBedrag) }
}

/// Every iJw message intake understands.
public enum IJWMessage: Sendable, Equatable {
    case declaration(Declaration)
    case allocation(AllocationMessage)
    case careStart(CareStartMessage)
    case careStop(CareStopMessage)
    case allocationRequest(AllocationRequestMessage)

    public var header: MessageHeader {
        switch self {
        case .declaration(let m): m.header
        case .allocation(let m): m.header
        case .careStart(let m): m.header
        case .careStop(let m): m.header
        case .allocationRequest(let m): m.header
        }
    }
}
