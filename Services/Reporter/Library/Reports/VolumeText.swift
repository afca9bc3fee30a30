extension Indicators.CareType {
    /// "4,8 uur", or per unit when a care type is declared in more than one
    /// ("300,0 minuut; 2,0 uur"): minutes and hours are never added together.
    var volumeText: String {
        guard !volumePerEenheid.isEmpty else { return volumePerClient ?? "–" }
        return volumePerEenheid.map { "\($0.perClient ?? "–") \($0.naam)" }.joined(separator: "; ")
    }
}
