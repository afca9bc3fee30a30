import Domain
import Foundation

/// `stop.imposed`: a person imposed a referral stop (toeleidingsstop) under a norm.
public struct StopImposed: EventBody {
    public static let kind = EventKind.stopImposed
    public var v: Int = 1
    public var stopID: Int64
    public var normID: Int64
    public var aanbieder: String?
    public var by: String
    public var reason: String
    public var at: Date

    public init(stopID: Int64, normID: Int64, aanbieder: String?, by: String, reason: String, at: Date) {
        self.stopID = stopID
        self.normID = normID
        self.aanbieder = aanbieder
        self.by = by
        self.reason = reason
        self.at = at
    }
}

/// `stop.lifted`: a person lifted a stop.
public struct StopLifted: EventBody {
    public static let kind = EventKind.stopLifted
    public var v: Int = 1
    public var stopID: Int64
    public var normID: Int64
    public var by: String
    public var reason: String
    /// Lifted although a new stop was expected within four months: why, as the person
    /// recorded it (`--ondanks`). Nil when the four-month rule held.
    public var despite: String?
    public var at: Date

    public init(stopID: Int64, normID: Int64, by: String, reason: String, despite: String? = nil, at: Date) {
        self.stopID = stopID
        self.normID = normID
        self.by = by
        self.reason = reason
        self.despite = despite
        self.at = at
    }
}

/// `stop.advised` (impose) and `stop.lift.advised` (lift): what the rules suggest; a
/// person decides.
public struct StopAdvised: EventBody {
    public static let kind = EventKind.stopAdvised
    public var v: Int = 1
    public var normID: Int64
    public var advice: Advice
    public var rule: StopRule
    public var value: Int64
    public var limit: Int64
    public var projectedTotal: Int64?
    public var crossingDate: Day?
    /// How sure the forecast is: the projection at the basis's lowest and highest month.
    public var projectedLow: Int64?
    public var projectedHigh: Int64?
    public var at: Date

    public enum Advice: String, Sendable, Codable {
        case impose, lift
    }

    public init(
        normID: Int64, advice: Advice, rule: StopRule, value: Int64, limit: Int64, projectedTotal: Int64?,
        crossingDate: Day?, projectedLow: Int64? = nil, projectedHigh: Int64? = nil, at: Date
    ) {
        self.normID = normID
        self.advice = advice
        self.rule = rule
        self.value = value
        self.limit = limit
        self.projectedTotal = projectedTotal
        self.crossingDate = crossingDate
        self.projectedLow = projectedLow
        self.projectedHigh = projectedHigh
        self.at = at
    }
}

/// `inflow.during.stop`: a client new to a provider while a stop is in force, whose
/// referral is not exempt (Regieteam, CPV, RET or an exempt referrer type).
public struct InflowDuringStop: EventBody {
    public static let kind = EventKind.inflowDuringStop
    public var v: Int = 1
    public var stopID: Int64
    public var normID: Int64
    public var aanbieder: String
    public var gemeente: String
    public var client: String
    public var toewijzingNummer: String?
    public var verwijzerType: String?
    public var day: Day

    public init(
        stopID: Int64, normID: Int64, aanbieder: String, gemeente: String, client: String, toewijzingNummer: String?,
        verwijzerType: String?, day: Day
    ) {
        self.stopID = stopID
        self.normID = normID
        self.aanbieder = aanbieder
        self.gemeente = gemeente
        self.client = client
        self.toewijzingNummer = toewijzingNummer
        self.verwijzerType = verwijzerType
        self.day = day
    }
}

/// `stop.impose`: a person imposes a referral stop under a norm, with who and why.
public struct StopImposeRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.stopImpose
    public typealias Reply = StopImposed
    public private(set) var command = Self.command
    public var normID: Int64
    public var by: String
    public var reason: String

    public init(normID: Int64, by: String, reason: String) {
        self.normID = normID
        self.by = by
        self.reason = reason
    }
}

/// `stop.lift`: a person lifts a norm's stop, with who and why.
public struct StopLiftRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.stopLift
    public typealias Reply = StopLifted
    public private(set) var command = Self.command
    public var normID: Int64
    public var by: String
    public var reason: String
    /// Why the stop is lifted although the four-month rule does not hold.
    public var despite: String?

    public init(normID: Int64, by: String, reason: String, despite: String? = nil) {
        self.normID = normID
        self.by = by
        self.reason = reason
        self.despite = despite
    }
}

/// `exempt`: an allocation whose client may enter during a stop (Regieteam, CPV, RET).
public struct ExemptRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.exempt
    public typealias Reply = AdminEmpty
    public private(set) var command = Self.command
    public var toewijzingNummer: String
    public var reason: ExemptionReason
    public var by: String?

    public init(toewijzingNummer: String, reason: ExemptionReason, by: String?) {
        self.toewijzingNummer = toewijzingNummer
        self.reason = reason
        self.by = by
    }
}

/// The exception route an allocation is marked for by hand: Nijmegen's three, or any
/// route a gemeente configures (`[uitzonderingsroutes.NAAM]`); monitor refuses a name that
/// is no route. Encoded as its name, as the enum it was.
public struct ExemptionReason: RawRepresentable, Sendable, Codable, Equatable, Hashable {
    public var rawValue: String

    /// nil for an empty name.
    public init?(rawValue: String) {
        let name = rawValue.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        self.rawValue = name
    }

    public static let cpv = ExemptionReason(rawValue: "CPV")!
    public static let regieteam = ExemptionReason(rawValue: "Regieteam")!
    public static let ret = ExemptionReason(rawValue: "RET")!
    /// Nijmegen's routes, offered by the dashboard's form.
    public static let allCases = [cpv, regieteam, ret]
}
