/// How urgent an alert is, for routing (`--ernst`) and the daily digest.
///
/// Derived, never stored by monitor: the threshold says it. A forecast is a warning at
/// most, because nothing has been overspent yet.
public enum AlertSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    case laag
    case middel
    case hoog

    public init(kind: AlertKind, threshold: Int) {
        switch (kind, threshold) {
        case (.actual, 100...), (.intensity, _): self = .hoog
        case (.actual, 90...), (.forecast, 100...): self = .middel
        default: self = .laag
        }
    }

    private var rank: Int {
        switch self {
        case .laag: 0
        case .middel: 1
        case .hoog: 2
        }
    }

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs.rank < rhs.rank }
}
