import Dispatch
import Logging
import Synchronization

/// Decodes the norm definitions again after a batch that changed the norm table, off the
/// consumer's thread and one decoding at a time, so that no request pays for it (with
/// 10,000 norms the first request after a change took 225–295 ms).
///
/// A region's import arrives in many batches: while a decoding is queued and not begun,
/// further changes add none, and the queued one reads the newest snapshot when it runs.
final class NormDefinitionWarmer: Sendable {
    private let database: ReporterDatabase
    private let logger: Logger
    /// Set while a batch that holds a norm change is applied.
    private let changed = Atomic(false)
    /// A decoding is queued and has not begun.
    private let pending = Atomic(false)
    private let scheduledCount = Atomic(0)
    private let queue = DispatchQueue(label: "reporter.norm-definitions", qos: .utility)

    init(database: ReporterDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// How many decodings were queued, for tests.
    var scheduled: Int { scheduledCount.load(ordering: .relaxed) }

    /// Inside the consumer's transaction: the batch changes the norm table.
    func noteChange() {
        changed.store(true, ordering: .relaxed)
    }

    /// After the consumer's commit.
    func committed() {
        guard changed.exchange(false, ordering: .acquiringAndReleasing) else { return }
        guard !pending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        scheduledCount.add(1, ordering: .relaxed)
        queue.async { [self] in
            pending.store(false, ordering: .releasing)
            do {
                try database.warmNormDefinitions()
            } catch {
                // Not fatal: the next request decodes them itself, or says what is wrong.
                logger.warning("the norm definitions could not be decoded ahead", metadata: ["error": "\(error)"])
            }
        }
    }
}
