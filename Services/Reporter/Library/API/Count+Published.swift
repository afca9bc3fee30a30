import Domain

/// A count of clients as the API publishes it: the number, or "<5" for one to four
/// (`PublishedCount`). Every count leaves the API through here, so the rule holds in every
/// answer whatever the read model hands over.
extension Components.Schemas.Count {
    init(_ count: Int64) {
        self = PublishedCount.text(count) == String(count) ? .case1(count) : .Suppressed(._lt_5)
    }

    init(_ count: Int) {
        self.init(Int64(count))
    }

    /// From the read model's published text ("12", "<5").
    init(published text: String) {
        if let count = Int64(text) {
            self.init(count)
        } else {
            self = .Suppressed(._lt_5)
        }
    }
}

/// The read model and the reports carry shares and averages as Dutch text ("23,4%",
/// "658,9", "–" for a group too small to publish); the API gives them as JSON numbers.
enum DutchDecimal {
    /// nil for a left-out figure ("–", empty) or text that is no number.
    static func number(_ text: String?) -> Double? {
        guard var text, !text.isEmpty else { return nil }
        if text.hasSuffix("%") { text.removeLast() }
        return Double(text.replacingOccurrences(of: ",", with: "."))
    }
}
