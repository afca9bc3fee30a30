import ArgumentParser
import Contracts
import Foundation
import Runtime

/// Sends one admin request and unwraps the reply, turning a refusal into a clear error.
enum AdminCall {
    static func send<Request: Encodable, Result: Codable & Sendable>(_ request: Request, to endpoint: String) throws
        -> Result
    {
        let replies = try RequestClient(endpoint: endpoint, timeout: .seconds(10)).send([AdminCoding.encode(request)])
        let reply = try AdminCoding.decode(AdminReply<Result>.self, from: replies[0])
        guard reply.ok, let result = reply.result else {
            throw ValidationError(reply.error ?? "geweigerd zonder reden")
        }
        return result
    }
}
