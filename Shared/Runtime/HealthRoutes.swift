import Hummingbird

/// `GET /healthz`: 200 while the process answers (for a restart decision).
/// `GET /readyz`: 200 when every readiness check passes, else 503 (for a load balancer or
/// an alert); the body lists each check, `ok NAME` or `FAIL NAME: why`.
public enum HealthRoutes {
    public static func register<Context: RequestContext>(on router: Router<Context>, readiness: @escaping Readiness) {
        router.get("healthz") { _, _ -> Response in
            text("ok\n", status: .ok)
        }
        router.get("readyz") { _, _ -> Response in
            let checks = await readiness()
            let body = checks.map(\.line).joined(separator: "\n") + "\n"
            return text(body, status: checks.allSatisfy { $0.problem == nil } ? .ok : .serviceUnavailable)
        }
    }

    static func text(_ body: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
