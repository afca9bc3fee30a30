import Domain

/// How much volume an allocation's Omvang allows, over a product period (TR321) and over
/// the allocation's whole duration (TR322), counted as IV077 and IV081 say.
///
/// Volumes are compared in the allocation's unit, except that minutes may be declared
/// against an allocation in hours (TR341, IV081): then everything is counted in minutes.
public enum AllocatedVolume {
    /// Whether a line in `eenheid` may be declared against an allocation in `allocated`.
    public static func unitFits(_ eenheid: String, allocated: String) -> Bool {
        eenheid == allocated || (eenheid == Eenheid.minuut.rawValue && allocated == Eenheid.uur.rawValue)
    }

    /// The factor from the allocation's unit to the unit volumes are compared in.
    static func scale(allocated: String) -> Int64 { allocated == Eenheid.uur.rawValue ? 60 : 1 }

    /// A declared volume in the compared unit: hours become minutes under an hours allocation.
    static func comparable(_ volume: Int64, eenheid: String, allocated: String) -> Int64 {
        eenheid == Eenheid.minuut.rawValue ? volume : volume * scale(allocated: allocated)
    }

    /// TR321: what one line may hold for its product period, in the compared unit: per day
    /// times the allocated days in it, per week times the calendar weeks it touches (IV077:
    /// week numbers counted, a broken week counts), per month or in total the volume itself.
    public static func allowedInPeriod(_ period: Period, omvang: Omvang, allocation: AllocationRecord) -> Int64 {
        let volume = omvang.volume * scale(allocated: omvang.eenheid)
        let start = max(period.start, allocation.ingangsdatum)
        let end = min(period.end, allocation.einddatum ?? period.end)
        guard start <= end else { return 0 }
        switch omvang.frequentie {
        case .perDag: return volume * Int64(end.daysSince1970 - start.daysSince1970 + 1)
        case .perWeek: return volume * calendarWeeks(from: start, through: end)
        case .perMaand, .totaalBinnenGeldigheidsduur: return volume
        }
    }

    /// TR322: what all lines together may hold over the allocation's duration, in the
    /// compared unit; nil when that is unbounded (no Einddatum and a volume per period).
    public static func allowedInTotal(omvang: Omvang, allocation: AllocationRecord) -> Int64? {
        let volume = omvang.volume * scale(allocated: omvang.eenheid)
        if omvang.frequentie == .totaalBinnenGeldigheidsduur { return volume }
        guard let end = allocation.einddatum, allocation.ingangsdatum <= end else { return nil }
        let start = allocation.ingangsdatum
        switch omvang.frequentie {
        case .perDag: return volume * Int64(end.daysSince1970 - start.daysSince1970 + 1)
        case .perWeek: return volume * calendarWeeks(from: start, through: end)
        case .perMaand: return volume * Int64(Period(start: start, end: end)?.months.count ?? 0)
        case .totaalBinnenGeldigheidsduur: return volume
        }
    }

    /// IV077: the number of calendar weeks (Monday to Sunday) from `start` through `end`,
    /// counting a broken week at either side.
    public static func calendarWeeks(from start: Day, through end: Day) -> Int64 {
        Int64(weekIndex(end) - weekIndex(start) + 1)
    }

    /// Weeks since the Monday before 1 January 1970 (a Thursday), floored.
    private static func weekIndex(_ day: Day) -> Int {
        let shifted = day.daysSince1970 + 3
        return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
    }
}
