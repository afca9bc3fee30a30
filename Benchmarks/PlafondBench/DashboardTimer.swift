import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Times the reporter's dashboard and API pages as a browser or script asks for them, one
/// request at a time, against a baseline in the same run: an unknown norm's page, which
/// goes through the same HTTP server and router and answers 404 without touching data.
/// The pages are asked for logged in (`BenchLogin`); an answer that was redirected (to
/// the login page) fails the run instead of timing the wrong page.
struct DashboardTimer {
    let address: String
    let reporterAdmin: String
    let paths: [String]
    static let baseline = "/api/norms/999999999"

    func measure(requests: Int) async throws -> [(path: String, times: Percentiles, bytes: Int)] {
        let session = try await BenchLogin.session(address: address, reporterAdmin: reporterAdmin)
        var results: [(String, Percentiles, Int)] = []
        for path in [Self.baseline] + paths {
            var times: [Double] = []
            var bytes = 0
            for _ in 0..<requests {
                let url = URL(string: "http://\(address)\(path)")!
                let started = DispatchTime.now().uptimeNanoseconds
                let (body, response) = try await session.data(for: URLRequest(url: url, timeoutInterval: 60))
                times.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                guard status == 200 || (path == Self.baseline && status == 404) else {
                    throw BenchError("\(path) answered \(status)")
                }
                guard response.url?.path == url.path else {
                    throw BenchError("\(path) was sent on to \(response.url?.path ?? "?")")
                }
                bytes = body.count
            }
            results.append((path, Percentiles(times), bytes))
        }
        return results
    }
}
