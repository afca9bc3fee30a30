import Hummingbird

/// `?gemeente=0268` on the overview and `/api/norms`: one gemeente's norms (those whose
/// scope includes it, and those for all gemeenten) instead of a whole country's.
enum AreaParameter {
    /// `.all` without the parameter; nil when it is not a 4-digit CBS code.
    static func parse(_ value: String?) -> ReportArea? {
        guard let value else { return .all }
        // ASCII digits only: the code goes into links and SQL arguments as it is.
        guard value.utf8.count == 4, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return .gemeente(value)
    }
}
