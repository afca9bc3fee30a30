import Hummingbird

/// An unknown address outside the API, for someone logged in, is a Dutch 404 page in the
/// dashboard's frame instead of Hummingbird's empty answer (the API's own unknown routes
/// get the JSON error body from `APIErrorMiddleware`). Someone not logged in is sent to
/// the login first, as for every page, so the answer tells a stranger nothing.
struct PageNotFoundMiddleware: RouterMiddleware {
    typealias Context = ReporterRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && !request.uri.path.hasPrefix("/api/") {
            return HTMLResponse.page(
                HTML.page(
                    title: "Niet gevonden",
                    body: """
                        <h1>Niet gevonden</h1>
                        <p>Deze pagina bestaat niet: <code>\(HTML.escape(request.uri.path))</code>.</p>
                        <p><a href="/">Naar het overzicht</a></p>
                        """),
                status: .notFound)
        }
    }
}
