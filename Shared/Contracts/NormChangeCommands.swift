import Foundation

/// `norm.change`: a new version of a norm; fields left nil stay as they are. A raised
/// limit resolves alerts the value no longer reaches; a lowered one may fire them.
public struct NormChangeRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.normChange
    public typealias Reply = NormStatus
    public private(set) var command = Self.command
    public var id: Int64
    public var name: String?
    public var limit: Int64?
    public var thresholds: [Int]?
    /// 2026, 2026-H2, 2026-Q3 or 2026-07.
    public var period: String?
    public var stopRule: StopRule?
    public var by: String?

    public init(
        id: Int64, name: String? = nil, limit: Int64? = nil, thresholds: [Int]? = nil, period: String? = nil,
        stopRule: StopRule? = nil, by: String? = nil
    ) {
        self.id = id
        self.name = name
        self.limit = limit
        self.thresholds = thresholds
        self.period = period
        self.stopRule = stopRule
        self.by = by
    }
}

/// `norm.end`: the norm stops counting; its history and figures stay.
public struct NormEndRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.normEnd
    public typealias Reply = NormStatus
    public private(set) var command = Self.command
    public var id: Int64
    public var by: String?
    public init(id: Int64, by: String?) {
        self.id = id
        self.by = by
    }
}

/// `norm.history`: every version of a norm, oldest first.
public struct NormHistoryRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.normHistory
    public typealias Reply = [NormHistoryEntry]
    public private(set) var command = Self.command
    public var id: Int64
    public init(id: Int64) { self.id = id }
}

public struct NormHistoryEntry: Codable, Sendable, Equatable {
    public var version: Int
    public var change: NormChanged.Change
    public var norm: NormDefinition
    public var by: String?
    public var at: String

    public init(version: Int, change: NormChanged.Change, norm: NormDefinition, by: String?, at: String) {
        self.version = version
        self.change = change
        self.norm = norm
        self.by = by
        self.at = at
    }
}

/// `norm.import`: a region's whole set at once, added in one transaction or not at all.
public struct NormImportRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.normImport
    public typealias Reply = [NormStatus]
    public private(set) var command = Self.command
    public var norms: [NormAddRequest]
    public init(norms: [NormAddRequest]) { self.norms = norms }
}
