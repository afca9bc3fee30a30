import Contracts
import Foundation
import GRDB
import Storage

/// A row of `normHistory`: one saved version of a norm, who saved it and when (ISO 8601
/// text). The definition is the JSON of `NormDefinition` as it was then: history shows
/// the old version as it was, whatever the register's columns look like today.
struct NormHistoryRecord: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "normHistory"

    var normID: Int64
    var version: Int
    /// `NormChanged.Change`'s raw value.
    var change: String
    var definition: Data
    var changedBy: String?
    var changedAt: String

    enum Columns {
        static let normID = Column(CodingKeys.normID)
        static let version = Column(CodingKeys.version)
        static let change = Column(CodingKeys.change)
        static let definition = Column(CodingKeys.definition)
        static let changedBy = Column(CodingKeys.changedBy)
        static let changedAt = Column(CodingKeys.changedAt)
    }

    /// The version as the admin contract shows it; a change this release does not
    /// know reads as a change.
    func entry() throws -> NormHistoryEntry {
        NormHistoryEntry(
            version: version, change: NormChanged.Change(rawValue: change) ?? .changed,
            norm: try JSONCoding.decoder().decode(NormDefinition.self, from: definition), by: changedBy,
            at: changedAt)
    }
}
