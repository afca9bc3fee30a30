import Domain

/// Extra care above an intensiteitsnorm that the CPV granted one client for a run of
/// months: Nijmegen, "Uiteraard kan het voorkomen dat een kind gebaat is bij meer uren
/// dagbehandeling. Daarvoor organiseren we een uitzonderingsroute. Verwijzers kunnen een
/// beargumenteerd verzoek indienen bij de CPV". The extra is in the norm's own unit and per
/// its own week or month (6 on a norm of 18 hours a week: 24 hours a week are lawful).
public struct IntensityApproval: Sendable, Equatable, Codable {
    /// Units above the norm's limit, per the norm's week or month.
    public var extra: Int64
    public var from: Month
    public var through: Month

    public init(extra: Int64, from: Month, through: Month) {
        self.extra = extra
        self.from = from
        self.through = through
    }

    public func covers(_ month: Month) -> Bool { from <= month && month <= through }

    /// The extra granted for a month by every approval that covers it (two approvals for
    /// the same month add up: the CPV may grant more later).
    public static func extra(in month: Month, _ approvals: [IntensityApproval]) -> Int64 {
        approvals.reduce(0) { $0 + ($1.covers(month) ? max(0, $1.extra) : 0) }
    }
}
