import Dispatch
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import ReporterService

@Suite struct NonBlockingReadTests {
    /// Many API requests wait for a database another thread holds in a long write
    /// transaction. Were their reads blocking (`writer.read { }`), they would hold every
    /// thread of Swift concurrency's pool and `/healthz`, which reads nothing, would answer
    /// only once the write ended. Awaited, they hold none: it answers while the write lasts.
    /// The order of the two, not a duration, is what is checked.
    @Test func healthAnswersWhileManyReadsWaitForTheDatabase() async throws {
        let database = try ReporterDatabase.inMemory()
        let server = try ReporterHTTPServer.forTests(database: database)
        let writer = database.writer
        let events = Mutex<[String]>([])
        let release = DispatchSemaphore(value: 0)
        // The write runs on a thread of its own: until the test releases it, or for 20
        // seconds at most, so that blocking reads fail the test rather than hang it.
        await withCheckedContinuation { (started: CheckedContinuation<Void, Never>) in
            Thread {
                try? writer.write { _ in
                    started.resume()
                    _ = release.wait(timeout: .now() + 20)
                    events.withLock { $0.append("write ended") }
                }
            }.start()
        }
        try await Application(router: try server.router()).test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<64 {
                    let uri = index.isMultiple(of: 2) ? "/api/norms" : "/api/timeline"
                    group.addTask {
                        try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok) }
                    }
                }
                // Time for the requests to reach the held database.
                try await Task.sleep(for: .milliseconds(300))
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok)
                    events.withLock { $0.append("healthz") }
                }
                release.signal()
                try await group.waitForAll()
            }
        }
        #expect(events.withLock { $0 } == ["healthz", "write ended"])
    }
}
