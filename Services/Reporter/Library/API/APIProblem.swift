import Foundation
import Hummingbird
import Storage

/// An error answer of the API: a stable code from `openapi.yaml` (`ErrorCode`) and a Dutch
/// message, always sent as the JSON body `{"code": …, "message": …}`.
struct APIProblem: Error, Equatable {
    var code: Components.Schemas.ErrorCode
    var message: String

    init(_ code: Components.Schemas.ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    var body: Components.Schemas.ErrorBody { .init(code: code, message: message) }

    var status: HTTPResponse.Status {
        switch code {
        case .ongeldigeParameter: .badRequest
        case .tokenOnjuist: .unauthorized
        case .normOnbekend, .regioOnbekend, .routeOnbekend: .notFound
        case .interneFout: .internalServerError
        }
    }

    /// The answer outside the generated routes (the token check, unknown routes, failures),
    /// in the same shape as theirs.
    /// The body as JSON, for the answers built outside the generated code.
    var json: Data { (try? JSONCoding.encoder().encode(body)) ?? Data() }

    var response: Response {
        let data = json
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func badParameter(_ message: String) -> APIProblem { APIProblem(.ongeldigeParameter, message) }

    static let badGemeente = badParameter("gemeente moet een CBS-code van 4 cijfers zijn")
}
