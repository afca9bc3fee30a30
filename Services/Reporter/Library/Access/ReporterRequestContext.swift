import Hummingbird
import NIOCore

/// The request context of the reporter's routes: Hummingbird's core storage, the
/// connection (for the trusted proxy's address) and the person logged in, set by
/// `DashboardAccessMiddleware` before a dashboard route runs.
public struct ReporterRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel
    var session: Session?
    /// A posted form's fields, read by the middleware when it checked the CSRF token.
    var form: FormFields?
    /// The client system whose bearer token opened an `/api/…` request.
    var apiClient: APIClientToken?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    public var remoteAddress: SocketAddress? { channel.remoteAddress }

    /// For the page frame: who is looking.
    var viewer: HTML.Viewer? { session?.viewer }
}
