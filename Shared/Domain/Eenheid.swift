/// The unit of a delivered volume (iJw code list WJ756).
public enum Eenheid: String, Sendable, Codable, CaseIterable {
    case minuut = "01"
    case uur = "04"
    case etmaal = "14"
    case dagdeel = "16"
    case stuksOutput = "82"
    case euros = "83"
    case stuksInspanning = "84"

    public var name: String {
        switch self {
        case .minuut: "minuut"
        case .uur: "uur"
        case .etmaal: "etmaal"
        case .dagdeel: "dagdeel"
        case .stuksOutput: "stuks (output)"
        case .euros: "euro's"
        case .stuksInspanning: "stuks (inspanning)"
        }
    }

    /// A tariff is given for every unit but euro's, where the volume is the amount.
    public var requiresTariff: Bool { self != .euros }
}

/// The sign of an iJw amount: amounts themselves are never negative.
public enum DebetCredit: String, Sendable, Codable {
    case debet = "D"
    case credit = "C"
}
