import Contracts
import Foundation
import Runtime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A logged-in browser for the dashboard timings: the dashboard always asks for a login,
/// so the benchmark makes a `lezer` account through the reporter's admin socket and logs
/// in through the form; the session returned keeps the cookie for every later request.
enum BenchLogin {
    static func session(address: String, reporterAdmin: String) async throws -> URLSession {
        let password = "bench-\(UInt64.random(in: 0...UInt64.max))"
        let account = IdentifiedAdminRequest(
            UserAddRequest(name: "plafond-bench", role: .lezer, password: password), requestID: UUID().uuidString)
        let body = try AdminClient(endpoint: reporterAdmin).send(AdminCoding.encode(account))
        let reply = try AdminCoding.decode(AdminReply<AccountSummary>.self, from: body)
        guard reply.ok else { throw BenchError("no account for the benchmark: \(reply.error ?? "?")") }

        let session = URLSession(configuration: .ephemeral)
        let (form, _) = try await session.data(from: URL(string: "http://\(address)/inloggen")!)
        let page = String(decoding: form, as: UTF8.self)
        guard let start = page.range(of: "name=\"csrf\" value=\"") else { throw BenchError("no login form") }
        let csrf = page[start.upperBound...].prefix { $0 != "\"" }
        var request = URLRequest(url: URL(string: "http://\(address)/inloggen")!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("naam=plafond-bench&wachtwoord=\(password)&csrf=\(csrf)&terug=/gezond".utf8)
        let (_, response) = try await session.data(for: request)
        // Logged in, the redirect lands on /gezond; refused, the login page answers.
        guard (response as? HTTPURLResponse)?.url?.path == "/gezond" else {
            throw BenchError("the benchmark could not log in to the dashboard")
        }
        return session
    }
}
