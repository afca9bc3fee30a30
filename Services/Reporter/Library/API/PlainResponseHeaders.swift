import Foundation
import HTTPTypes
import OpenAPIRuntime

/// swift-openapi-generator 1.x percent-encodes every response header it writes
/// (apple/swift-openapi-generator#857): `Link` went out as `%3C%2Fapi%2Fnorms…` and
/// `Content-Disposition` as `inline%3B%20filename…`, which no client reads. The handlers
/// give these headers as plain ASCII (addresses of our own routes, file names of digits,
/// letters and dashes), so taking the encoding off gives back exactly what they wrote.
struct PlainResponseHeaders: ServerMiddleware {
    static let names: [HTTPField.Name] = [HTTPField.Name("Link")!, .contentDisposition]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var (response, responseBody) = try await next(request, body, metadata)
        for name in Self.names {
            guard let value = response.headerFields[name] else { continue }
            response.headerFields[name] = value.removingPercentEncoding ?? value
        }
        return (response, responseBody)
    }
}
