/// A count of people as it may be published: below 5 (but above 0) it is shown as "<5",
/// so no single client can be singled out in a dashboard, report or API answer.
public enum PublishedCount {
    public static let threshold = 5

    public static func text(_ count: Int64) -> String {
        (1..<Int64(threshold)).contains(count) ? "<\(threshold)" : String(count)
    }
}
