/// Which iJw message a document is, by its root element's namespace: the answer type
/// follows this, never a code inside the message (a JW305 always gets a JW306).
public enum IJWMessageKind: String, Sendable, Equatable, Codable {
    case jw301, jw305, jw307, jw315, jw323

    /// The BerichtCode this message must carry (CS015/CS025 fix version 3.2 beside it).
    public var berichtCode: String {
        switch self {
        case .jw301: "436"
        case .jw305: "438"
        case .jw307: "440"
        case .jw315: "446"
        case .jw323: "490"
        }
    }

    /// Whether the header names this message in release 3.2.
    public func matches(_ header: MessageHeader) -> Bool {
        header.berichtCode == berichtCode && header.berichtVersie == "3" && header.berichtSubversie == "2"
    }
}

extension IJWMessage {
    public var kind: IJWMessageKind {
        switch self {
        case .declaration: .jw323
        case .allocation: .jw301
        case .careStart: .jw305
        case .careStop: .jw307
        case .allocationRequest: .jw315
        }
    }
}
