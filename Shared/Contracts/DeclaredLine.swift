import Domain
import Foundation

/// A declaration line intake approved (`line.accepted`) or a credit that undoes one
/// (`line.credited`). The client is a keyed pseudonym; the BSN never leaves intake.
public struct DeclaredLine: Sendable, Equatable, Codable {
    public var v: Int = 1
    /// Intake's own id of the stored line, unique across the log.
    public var lineID: Int64
    public var aanbieder: String
    public var gemeente: String
    public var client: String
    public var referentieNummer: String
    public var vorigReferentieNummer: String?
    public var toewijzingNummer: String?
    public var productCategorie: String
    public var productCode: String?
    public var periodStart: Day
    public var periodEnd: Day
    public var volume: Int64
    public var eenheid: String
    public var tariffCents: Int64?
    /// Always positive, as in the message; the event kind says debit or credit.
    public var amountCents: Int64
    public var declaratieNummer: String
    public var receivedOn: Day

    public init(
        lineID: Int64, aanbieder: String, gemeente: String, client: String,
        referentieNummer: String, vorigReferentieNummer: String?, toewijzingNummer: String?,
        productCategorie: String, productCode: String?, periodStart: Day, periodEnd: Day,
        volume: Int64, eenheid: String, tariffCents: Int64?, amountCents: Int64,
        declaratieNummer: String, receivedOn: Day
    ) {
        self.lineID = lineID
        self.aanbieder = aanbieder
        self.gemeente = gemeente
        self.client = client
        self.referentieNummer = referentieNummer
        self.vorigReferentieNummer = vorigReferentieNummer
        self.toewijzingNummer = toewijzingNummer
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.volume = volume
        self.eenheid = eenheid
        self.tariffCents = tariffCents
        self.amountCents = amountCents
        self.declaratieNummer = declaratieNummer
        self.receivedOn = receivedOn
    }

    /// Spend is attributed to the month of care, not the day the declaration arrived.
    public var monthOfCare: Month { periodStart.month }
}

/// `line.accepted`: a debit line approved by intake.
public struct LineAccepted: EventBody {
    public static let kind = EventKind.lineAccepted
    public var line: DeclaredLine
    public init(line: DeclaredLine) { self.line = line }
    /// JSONEncoder's bytes, written faster: one per approved line (see DeclaredLineJSON).
    public func encoded() throws -> Data { try DeclaredLineJSON.encode(line) }
    /// The plain form without JSONDecoder, anything else with it (see DeclaredLineReader).
    public static func decoded(from data: Data) throws -> Self {
        if let line = DeclaredLineReader.read(data) { return Self(line: line) }
        return try EventCoding.decoder.decode(Self.self, from: data)
    }
}

/// `line.credited`: a credit line approved by intake; it subtracts `amountCents`.
public struct LineCredited: EventBody {
    public static let kind = EventKind.lineCredited
    public var line: DeclaredLine
    public init(line: DeclaredLine) { self.line = line }
    public func encoded() throws -> Data { try DeclaredLineJSON.encode(line) }
    /// The plain form without JSONDecoder, anything else with it (see DeclaredLineReader).
    public static func decoded(from data: Data) throws -> Self {
        if let line = DeclaredLineReader.read(data) { return Self(line: line) }
        return try EventCoding.decoder.decode(Self.self, from: data)
    }
}
