import Contracts
import Hummingbird
import Logging

/// Requires `Authorization: Bearer <token>` on the API (`/api/…`) once any token is
/// configured (always when the reporter is bound beyond loopback, where figures about
/// children's care must not be public): `[reporter] token` or one of `clients`, each a
/// client system with a name and a role. The client is logged with each refusal and put
/// in the request context. The dashboard's pages ask for a login instead
/// (`DashboardAccessMiddleware`); `/metrics` and `/gezond` hold no client figures and
/// need neither.
struct TokenMiddleware: RouterMiddleware {
    typealias Context = ReporterRequestContext

    let clients: [APIClientToken]
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let presented = request.headers[.authorization].flatMap { header in
            header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : nil
        }
        // Every token is compared, without stopping at the first difference.
        let match = presented.flatMap { token in
            clients.reduce(nil as APIClientToken?) { found, client in
                DashboardAccessMiddleware.constantTimeEquals(client.token, token) ? client : found
            }
        }
        guard let client = match else {
            logger.warning("API request refused: no or wrong bearer token", metadata: ["path": "\(request.uri.path)"])
            return APIProblem(.tokenOnjuist, "geen of een onjuist bearer-token (Authorization: Bearer …)").response
        }
        var context = context
        context.apiClient = client
        return try await next(request, context)
    }
}
