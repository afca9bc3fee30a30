import Foundation
import Synchronization

/// Samples, four times a second, how many of intake's events monitor has yet to apply,
/// read from the two stores themselves.
final class BacklogSampler: Sendable {
    let system: BenchSystem
    private let samples = Mutex<[Double]>([])
    private let running = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    init(system: BenchSystem) { self.system = system }

    func start() {
        running.store(true, ordering: .relaxed)
        Thread { [self] in
            while running.load(ordering: .relaxed) {
                if let head = try? system.intakeHead(), let applied = try? system.applied(by: "monitor") {
                    samples.withLock { $0.append(Double(max(0, head - applied))) }
                }
                Thread.sleep(forTimeInterval: 0.25)
            }
            finished.signal()
        }.start()
    }

    func stop() {
        running.store(false, ordering: .relaxed)
        finished.wait()
    }

    var summary: String {
        let sampled = Percentiles(samples.withLock { $0 })
        return String(format: "%.0f / %.0f / %.0f", sampled.at(50), sampled.at(99), sampled.at(100))
    }
}
