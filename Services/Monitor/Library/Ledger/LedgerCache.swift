import Foundation
import GRDB
import Synchronization

/// The consumer's in-memory state (`LedgerState`), changed only inside write transactions.
///
/// Memory runs ahead of the store inside a transaction; if that transaction rolls back (a
/// full disk, a crash of the batch), the state is marked stale and read from the store
/// again before the next use, so memory never holds what the store does not.
final class LedgerCache: Sendable {
    private struct Guarded {
        var state: LedgerState?
    }

    private let guarded = Mutex(Guarded())

    /// Runs `body` on the current state inside the caller's write transaction.
    func update(_ db: Database, _ body: (inout LedgerState) throws -> Void) throws {
        db.afterNextTransaction(onCommit: { _ in }, onRollback: { [self] _ in invalidate() })
        try guarded.withLock { guarded in
            var state = try guarded.state ?? LedgerState.load(db)
            // Marked stale while the body runs: a throw leaves no half-changed state behind.
            guarded.state = nil
            try body(&state)
            guarded.state = state
        }
    }

    func invalidate() {
        guarded.withLock { $0.state = nil }
    }
}
