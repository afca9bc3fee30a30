import Hummingbird

/// `?gemeente=0268` on the overview and `/api/norms`: one gemeente's norms (those whose
/// scope includes it, and those for all gemeenten) instead of a whole country's.
enum AreaParameter {
    /// `.all` without the parameter; nil when it is not a 4-digit CBS code.
    static func parse(_ value: String?) -> ReportArea? {
        guard let value else { return .all }
        guard value.count == 4, value.allSatisfy(\.isNumber) else { return nil }
        return .gemeente(value)
    }
}
