import HTTPTypes
import Hummingbird

/// HTML answers: a page with its status, or a redirect after a form (303, so a reload
/// does not post again).
enum HTMLResponse {
    static func page(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers.append(contentsOf: protective)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// What a page about care says to caches and browsers: pages carry figures about care
    /// and forms with tokens, so never from a cache (a shared one, or the browser's disk on
    /// a shared desk), never in another site's frame, nothing loaded from elsewhere.
    static let protective: HTTPFields = [
        .cacheControl: "no-store",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Content-Security-Policy")!:
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
    ]

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
