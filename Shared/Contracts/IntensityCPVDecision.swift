import Domain
import Foundation

/// `cpv.intensity`: the CPV's decision on a referrer's request for more care than an
/// intensiteitsnorm allows, for the client of one allocation (the contract manager knows
/// the ToewijzingNummer, never the BSN; monitor finds the pseudonym by it). Granted, the
/// client's months in the period are judged against the norm plus the extra; refused, the
/// request is on record for the CPV's figures and changes no verdict.
public struct IntensityCPVRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.cpvIntensity
    public typealias Reply = IntensityCPVDecided
    public private(set) var command = Self.command
    public var toewijzingNummer: String
    public var normID: Int64
    public var granted: Bool
    /// Units above the norm's limit per its week or month, as requested (and, granted,
    /// as allowed).
    public var extra: Int64
    public var from: Month
    public var through: Month
    public var reason: String
    public var by: String

    public init(
        toewijzingNummer: String, normID: Int64, granted: Bool, extra: Int64, from: Month, through: Month,
        reason: String, by: String
    ) {
        self.toewijzingNummer = toewijzingNummer
        self.normID = normID
        self.granted = granted
        self.extra = extra
        self.from = from
        self.through = through
        self.reason = reason
        self.by = by
    }

    public var approval: IntensityApproval { IntensityApproval(extra: extra, from: from, through: through) }
}

/// `cpv.intensity.decided`: a CPV decision on extra care above an intensiteitsnorm was
/// recorded; granted, the client's months were judged again (their `intensity.assessed`
/// follow in the same transaction).
public struct IntensityCPVDecided: EventBody {
    public static let kind = EventKind.cpvIntensityDecided
    public var v: Int = 1
    public var decisionID: Int64
    public var normID: Int64
    public var toewijzingNummer: String
    public var aanbieder: String
    /// The keyed pseudonym; never the BSN.
    public var client: String
    public var granted: Bool
    public var extra: Int64
    /// The norm's unit (COD Eenheid) and whether the extra is per week or month.
    public var eenheid: String
    public var per: IntensityMeasure.Per
    public var from: Month
    public var through: Month
    public var reason: String
    public var by: String
    public var at: Date

    public init(
        decisionID: Int64, request: IntensityCPVRequest, measure: IntensityMeasure, aanbieder: String, client: String,
        at: Date
    ) {
        self.decisionID = decisionID
        normID = request.normID
        toewijzingNummer = request.toewijzingNummer
        self.aanbieder = aanbieder
        self.client = client
        granted = request.granted
        extra = request.extra
        eenheid = measure.eenheid
        per = measure.per
        from = request.from
        through = request.through
        reason = request.reason
        by = request.by
        self.at = at
    }
}

extension IntensityCPVDecided {
    /// "6 uur per week extra, 2026-04 t/m 2026-09", for the CLI and the timeline.
    public var extraText: String {
        "\(extra) \(IntensityMeasure(eenheid: eenheid, per: per).unitName) per \(per.rawValue) extra, "
            + "\(from) t/m \(through)"
    }
}
