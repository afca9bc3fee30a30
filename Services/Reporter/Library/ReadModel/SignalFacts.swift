import Contracts
import GRDB

/// The weeks and duration signals of an intensiteitsnorm (`opening.weeks.above`,
/// `care.duration.above`) that wait for an analysegesprek: those monitor sent after the
/// norm's last recorded analysegesprek. A signal is "for the conversation, never a
/// verdict" (POLICY.md 2f, 2g); until this, it only showed on the timeline, where a
/// contract manager who works from the start page's attention list did not see it. The
/// conversation, recorded (`plafond norm analyse` or the norm page's form), clears them.
///
/// Read from the timeline, in monitor's log order (its sequence numbers): the signals and
/// the analysegesprekken both come from monitor, so "after" is exact, and a rebuild of
/// the read model gives the same counts.
struct SignalFacts: Equatable, Sendable {
    /// Clients above the norm's weeks of care a year, and clients in care longer than its months.
    var weeks = 0
    var duration = 0

    /// The signals per norm since its last analysegesprek: every norm's, or one's.
    static func waiting(_ db: Database, normID: Int64?) throws -> [Int64: SignalFacts] {
        let only = normID == nil ? "" : " AND t.normID = ?"
        var result: [Int64: SignalFacts] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT t.normID, t.kind, COUNT(*) FROM timelineEntry t
                    WHERE t.kind IN (?, ?) AND t.producer = 'monitor'
                        AND t.seq > COALESCE((
                            SELECT MAX(a.seq) FROM timelineEntry a
                            WHERE a.kind = ? AND a.normID = t.normID AND a.producer = 'monitor'), 0)\(only)
                    GROUP BY t.normID, t.kind
                    """),
            arguments: [
                OpeningWeeksAbove.kind.rawValue, CareDurationAbove.kind.rawValue, AnalysisRecorded.kind.rawValue,
            ] + (normID.map { [$0] } ?? []))
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let count: Int = row[2]
            if row[1] as String == OpeningWeeksAbove.kind.rawValue {
                result[id, default: SignalFacts()].weeks = count
            } else {
                result[id, default: SignalFacts()].duration = count
            }
        }
        return result
    }

    /// The query above reads only the signal and analysegesprek entries, by this index;
    /// without it, every entry of the timeline (alerts, advice, stops) on every list of norms.
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.v21.timelineByKind") { db in
            try db.execute(sql: "CREATE INDEX timelineByKind ON timelineEntry(kind, normID, producer, seq)")
        }
    }
}
