import Foundation

/// `norm.changed`: a norm was added, changed or ended. Every version is kept and
/// published, so a read model can follow the history.
public struct NormChanged: EventBody {
    public static let kind = EventKind.normChanged

    public enum Change: String, Sendable, Codable {
        case added, changed, ended
    }

    public var v: Int = 1
    public var change: Change
    public var norm: NormDefinition
    public var by: String?
    public var at: Date

    public init(change: Change, norm: NormDefinition, by: String?, at: Date) {
        self.change = change
        self.norm = norm
        self.by = by
        self.at = at
    }
}
