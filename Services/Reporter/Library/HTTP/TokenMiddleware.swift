import Hummingbird

/// Requires `Authorization: Bearer <token>` on the API (`/api/…`): used when the reporter
/// is bound beyond loopback, where figures about children's care must not be public. The
/// dashboard's pages ask for a login instead (`DashboardAccessMiddleware`); `/metrics`
/// and `/gezond` hold no client figures and need neither.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard !request.uri.path.hasPrefix("/api/") || request.headers[.authorization] == "Bearer \(token)" else {
            return JSONResponse.error("missing or wrong bearer token", status: .unauthorized)
        }
        return try await next(request, context)
    }
}
