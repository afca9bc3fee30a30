import Hummingbird
import Logging
import OpenAPIRuntime

/// Turns what the routes throw into the API's error body. The generated code throws a
/// `ServerError` without an input when a request does not fit the spec (a required
/// parameter missing, `pagina=x`, `state=weg`): that is the client's mistake, a 400, not
/// the 500 the runtime would make of it. An unknown route under `/api/` is a 404 with
/// the same body (Hummingbird's router answers a method it has no route for the same way);
/// anything else that fails is logged and answered as `INTERNE_FOUT`.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = ReporterRequestContext

    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard path.hasPrefix("/api/") || path == "/api" else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as ServerError where error.operationInput == nil {
            return APIProblem.badParameter(Self.describe(error.underlyingError, uri: request.uri.description)).response
        } catch let error as HTTPError where error.status == .notFound {
            return APIProblem(.routeOnbekend, "onbekende route: \(request.method) \(path)").response
        } catch {
            logger.error(
                "API request failed", metadata: ["path": "\(path)", "error": "\(String(reflecting: error))"])
            return APIProblem(.interneFout, "de reporter kon deze vraag niet beantwoorden").response
        }
    }

    /// Which parameter did not fit, in Dutch, as far as the runtime's error says: a missing
    /// one is named ("…named: periode"); a value of the wrong type is not (the runtime's
    /// decoding error carries no key), so the message quotes the request's address.
    static func describe(_ error: any Error, uri: String) -> String {
        let text = String(describing: error)
        if let range = text.range(of: "named: ") {
            return "parameter \(text[range.upperBound...].prefix { !$0.isWhitespace && $0 != "." }) ontbreekt"
        }
        return "een parameter heeft een ongeldige waarde: \(uri) (openapi.yaml noemt de geldige waarden)"
    }
}
