import Domain
import Foundation

/// `cpv.decide`: the Commissie Passende Verwijzing's decision on a referral during a stop
/// (or above an instroomlimiet), granted or refused. Nijmegen: "De commissie kan bij een
/// toeleidingsstop op grond van een onderbouwd beroep van een verwijzer een uitzondering
/// maken voor individuele cliënten", and it reports "Het aantal toekenningen en afwijzingen
/// van de CPV en de meest voorkomende argumentatie daarbij".
public struct CPVDecisionRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.cpvDecide
    public typealias Reply = CPVDecided
    public private(set) var command = Self.command
    public var toewijzingNummer: String
    /// The norm whose stop the appeal was about, when known.
    public var normID: Int64?
    public var granted: Bool
    public var reason: String
    public var by: String

    public init(toewijzingNummer: String, normID: Int64?, granted: Bool, reason: String, by: String) {
        self.toewijzingNummer = toewijzingNummer
        self.normID = normID
        self.granted = granted
        self.reason = reason
        self.by = by
    }
}

/// `cpv.decided`: a CPV decision was recorded; a granted one exempts the allocation.
public struct CPVDecided: EventBody {
    public static let kind = EventKind.cpvDecided
    public var v: Int = 1
    public var decisionID: Int64
    public var toewijzingNummer: String
    public var normID: Int64?
    public var granted: Bool
    public var reason: String
    public var by: String
    public var at: Date

    public init(decisionID: Int64, request: CPVDecisionRequest, at: Date) {
        self.decisionID = decisionID
        toewijzingNummer = request.toewijzingNummer
        normID = request.normID
        granted = request.granted
        reason = request.reason
        by = request.by
        self.at = at
    }
}
