import ArgumentParser
import Contracts
import Foundation
import Messaging
import Runtime

/// Sends one admin request and unwraps its reply (`Request.Reply`, the contract's), turning
/// a refusal into a clear error.
///
/// Each call gets a request id of its own; `AdminClient` sends the same id again when it
/// retries, so the service does the command once. While the service has the command
/// queued the person is told that it is waiting, on standard error.
enum AdminCall {
    static func send<Request: AdminRequest>(_ request: Request, to target: AdminTarget) throws -> Request.Reply {
        let document = try AdminCoding.encode(IdentifiedAdminRequest(request, requestID: UUID().uuidString))
        let endpoint = target.endpoint
        let security: SocketSecurity
        do {
            security = try target.security()
        } catch let error as RuntimeError {
            FileHandle.standardError.write(Data("Fout: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let body: Data
        do {
            body = try AdminClient(endpoint: endpoint, security: security).send(document) { waited in
                let seconds = waited.components.seconds
                FileHandle.standardError.write(
                    Data("Wacht op \(endpoint): de opdracht staat in de wachtrij (\(seconds) s)…\n".utf8))
            }
        } catch let error as RuntimeError where error.code == .unreachable {
            // Not a usage error: no usage block, and its own exit code (docs/OPERATIONS.md).
            FileHandle.standardError.write(
                Data(
                    ("Fout: \(error.message). Draait \(target.service.rawValue), en klopt het adres in de "
                        + "\(target.configDescription)?"
                        + (security.isCurve ? " Buiten ontwikkelmodus: staat uw sleutel in de sleutelring?" : "")
                        + "\n").utf8))
            throw ExitCode(3)
        }
        let reply = try AdminCoding.decode(AdminReply<Request.Reply>.self, from: body)
        guard reply.ok, let result = reply.result else {
            FileHandle.standardError.write(Data("Geweigerd: \(reply.error ?? "zonder reden")\n".utf8))
            throw ExitCode(1)
        }
        return result
    }

    /// The same for a request the service may refuse as part of the story (the demo
    /// tries to lift a stop too early): the refusal is returned, not thrown.
    static func attempt<Request: AdminRequest>(_ request: Request, to target: AdminTarget)
        throws -> Result<Request.Reply, Refusal>
    {
        let document = try AdminCoding.encode(IdentifiedAdminRequest(request, requestID: UUID().uuidString))
        let body = try AdminClient(endpoint: target.endpoint, security: try target.security()).send(document) { _ in }
        let reply = try AdminCoding.decode(AdminReply<Request.Reply>.self, from: body)
        guard reply.ok, let result = reply.result else {
            return .failure(Refusal(reason: reply.error ?? "zonder reden"))
        }
        return .success(result)
    }

    struct Refusal: Error {
        var reason: String
    }
}
