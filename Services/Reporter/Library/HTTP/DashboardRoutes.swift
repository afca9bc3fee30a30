import Hummingbird

/// The Dutch dashboard: `/` (all norms), `/normen/{id}` (one norm with its chart and
/// timeline) and `/tijdlijn` (everything that happened, newest first).
struct DashboardRoutes {
    let database: ReporterDatabase

    func register(on router: Router<BasicRequestContext>) {
        let database = self.database
        router.get("/") { _, _ -> Response in
            html(DashboardPages.overview(try database.norms()))
        }
        router.get("/normen/:id") { _, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self), let norm = try database.norm(id: id) else {
                return html(
                    HTML.page(title: "Onbekende norm", body: "<h1>Deze norm bestaat niet</h1>"), status: .notFound)
            }
            return html(DashboardPages.norm(norm, timeline: try database.timeline(normID: id)))
        }
        router.get("/tijdlijn") { _, _ -> Response in
            html(DashboardPages.timeline(try database.timeline(normID: nil)))
        }
    }
}

private func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
        status: status, headers: [.contentType: "text/html; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: page)))
}
