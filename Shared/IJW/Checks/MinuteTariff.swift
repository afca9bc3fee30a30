/// Minutes declared against a tariff agreed per hour (IV081, TR346).
///
/// The line's ProductTarief is then the hourly tariff / 60, rounded half up to whole
/// cents, and is not used for the amount: IngediendBedrag is hourly tariff × minutes / 60,
/// rounded half up. Intake often does not know the hourly tariff, so a minute line's
/// amount is right when some hourly tariff that rounds to its ProductTarief gives it.
public enum MinuteTariff {
    /// IV081: the per-minute tariff for an hourly tariff in cents.
    public static func perMinute(hourly: Int64) -> Int64 { (hourly + 30) / 60 }

    /// TR346: the amount for `minutes` at an hourly tariff; nil when it overflows.
    public static func amount(hourly: Int64, minutes: Int64) -> Int64? {
        let (product, overflow) = hourly.multipliedReportingOverflow(by: minutes)
        guard !overflow, product <= Int64.max - 30 else { return nil }
        return (product + 30) / 60
    }

    /// Whether `amount` is what an hourly tariff whose per-minute tariff is `perMinute`
    /// gives for `minutes`. A per-minute contract (hourly = 60 × perMinute) is among them.
    /// At most 60 candidates, and only for minute lines.
    public static func fits(perMinute: Int64, minutes: Int64, amount: Int64) -> Bool {
        let (centre, overflow) = perMinute.multipliedReportingOverflow(by: 60)
        guard !overflow else { return false }
        for hourly in max(0, centre - 30)...(centre + 29) where Self.perMinute(hourly: hourly) == perMinute {
            if Self.amount(hourly: hourly, minutes: minutes) == amount { return true }
        }
        return false
    }
}
