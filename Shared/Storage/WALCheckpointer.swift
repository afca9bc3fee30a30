import Dispatch
import Foundation
import GRDB

/// Copies a store's write-ahead log into its file on a thread and connection of its own,
/// so the writer's commits do not wait for it.
///
/// SQLite checkpoints in the committing connection once the WAL holds 1,000 pages. A
/// consumer whose batch dirties thousands of pages spread over client-keyed tables
/// (monitor: docs/BENCHMARKS.md, issue 21) then paid for a checkpoint on every commit: the
/// random writes into the file and their fsync, on the one thread that applies the log.
/// Here a passive checkpoint runs beside the writer every `interval` (it never blocks the
/// writer or a reader), and a page the writer changed in several commits is copied once.
/// The writer keeps a far higher automatic checkpoint as a backstop, so the WAL stays
/// bounded if this thread falls behind. Durability is unchanged: a commit is durable in
/// the WAL (`synchronous=FULL`) before it returns, as before.
///
/// A checkpoint that fails (a full disk: the file cannot grow) is reported once, and once
/// more when one works again: the WAL holds every commit meanwhile and grows, and the
/// writer meets the full disk itself only when the WAL needs room, maybe much later.
///
/// Stops when the last reference goes (the thread holds only the connection), and
/// waits for its thread to close that connection: once a store is let go, nothing of
/// it stays open (a rebuilt or deleted store is not checkpointed by a leftover thread).
public final class WALCheckpointer: Sendable {
    /// Pages the writer lets the WAL grow to before it checkpoints itself (64 MiB at 4 KiB).
    public static let writerBackstopPages = 16_384

    /// A change in whether checkpoints work, for the service's log.
    public struct Outcome: Sendable, Equatable {
        public var failed: Bool
        public var message: String
    }

    private let stop = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    public convenience init(
        path: String, interval: Duration = .milliseconds(500), report: @escaping @Sendable (Outcome) -> Void = { _ in }
    ) throws {
        // The stores' own settings (`synchronous=FULL`: the file is synced before the WAL
        // may be reused), whatever the SQLite build's default.
        var configuration = StoreOpener.configuration()
        configuration.label = "checkpointer"
        // Opened before the object exists: a connection that fails leaves no object whose
        // deinit would wait for a thread never started.
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        self.init(connection: connection, path: path, interval: interval, report: report)
    }

    private init(
        connection: DatabaseQueue, path: String, interval: Duration, report: @escaping @Sendable (Outcome) -> Void
    ) {
        let stop = self.stop
        let stopped = self.stopped
        let nanoseconds = interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
        let thread = Thread {
            var failing = false
            while stop.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .timedOut {
                // A busy or failed checkpoint is tried again next time; the writer's own
                // backstop bounds the WAL meanwhile, and nothing is lost either way.
                do {
                    _ = try connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
                    if failing {
                        failing = false
                        report(Outcome(failed: false, message: "store checkpoint works again: \(path)"))
                    }
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                    continue  // another checkpoint (the writer's backstop) is running
                } catch {
                    guard !failing else { continue }
                    failing = true
                    report(
                        Outcome(
                            failed: true,
                            message: "store checkpoint failed, the WAL keeps every commit and grows: \(path): \(error)"
                        ))
                }
            }
            do {
                try connection.close()
            } catch {
                let message = "store checkpointer could not close its connection: \(path): \(error)"
                report(Outcome(failed: true, message: message))
            }
            stopped.signal()
        }
        thread.name = "wal-checkpoint"
        thread.start()
    }

    deinit {
        stop.signal()
        stopped.wait()  // at most the checkpoint under way
    }

    /// Copies the whole WAL into the file and empties it (for a benchmark's preparation, or
    /// a test that needs the WAL empty). SQLite refuses a second checkpoint while one runs
    /// (SQLITE_BUSY, the busy handler is not asked), and a store's checkpointer may be at
    /// work: tried again until `timeout`, then its refusal is thrown.
    public static func truncate(_ writer: any DatabaseWriter, waiting timeout: Duration) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            do {
                try writer.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                guard ContinuousClock.now < deadline else { throw error }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }
}
