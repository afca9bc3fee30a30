import Foundation
import HummingbirdTesting
import Logging
import Runtime

@testable import ReporterService

extension ReporterHTTPServer {
    /// The server as the routes' tests use it: no token, no metrics, never bound (the
    /// tests drive its router).
    static func forTests(database: ReporterDatabase) throws -> ReporterHTTPServer {
        try ReporterHTTPServer(
            database: database, address: HostAndPort(host: "127.0.0.1", port: 0), token: nil, metrics: nil,
            logger: Logger(label: "test"))
    }
}

/// The `id` of each object in a JSON list answer, nil when the body is no such list.
func listedIDs(_ response: TestResponse) -> [Int]? {
    guard let list = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
    else { return nil }
    return list.compactMap { $0["id"] as? Int }
}
