import Foundation
import GRDB
import Storage
import Synchronization

/// The consumer's in-memory state (`LedgerState`), changed only inside write transactions.
///
/// Memory runs ahead of the store inside a transaction; it must never stay ahead of a
/// transaction that rolled back (a full disk, a failed commit). A body that throws leaves
/// no state behind (it is read from the store again on the next use). A consumer batch
/// that fails at commit is caught by the cursor: the state remembers the last event it
/// applied, and a store whose cursor says otherwise is read afresh. An admin command, rare,
/// is watched by a transaction observer instead (GRDB then inspects every statement of
/// the transaction, which a batch of thousands of lines should not pay for).
final class LedgerCache: Sendable {
    private struct Guarded {
        var state: LedgerState?
        /// The last intake event the state has applied.
        var applied: Int64 = -1
        /// An observer watches the open transaction already (an import adds thousands of
        /// norms in one; one observer per norm made it quadratic).
        var observing = false
    }

    static let producer = "intake"
    private let guarded = Mutex(Guarded())

    /// Runs an admin command's changes to the state inside its write transaction.
    func update(_ db: Database, _ body: (inout LedgerState) throws -> Void) throws {
        let observe = guarded.withLock { guarded in
            defer { guarded.observing = true }
            return !guarded.observing
        }
        if observe {
            db.afterNextTransaction(
                onCommit: { [self] _ in guarded.withLock { $0.observing = false } },
                onRollback: { [self] _ in
                    guarded.withLock {
                        $0.observing = false
                        $0.state = nil
                    }
                })
        }
        try withState(db, body)
    }

    /// Runs a consumer batch inside its write transaction; `through` is the batch's last event.
    func applyBatch(_ db: Database, through last: Int64, _ body: (inout LedgerState) throws -> Void) throws {
        let applied = try ConsumerCursor.applied(db, producer: Self.producer)
        guarded.withLock { guarded in
            if guarded.applied != applied { guarded.state = nil }
        }
        try withState(db, body)
        guarded.withLock { $0.applied = last }
    }

    private func withState(_ db: Database, _ body: (inout LedgerState) throws -> Void) throws {
        try guarded.withLock { guarded in
            if guarded.state == nil {
                guarded.state = try LedgerState.load(db)
                guarded.applied = try ConsumerCursor.applied(db, producer: Self.producer)
            }
            var state = guarded.state!
            // Marked stale while the body runs: a throw leaves no half-changed state behind.
            guarded.state = nil
            try body(&state)
            guarded.state = state
        }
    }

}
