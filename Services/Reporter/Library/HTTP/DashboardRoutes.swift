import Hummingbird

/// The Dutch dashboard: `/` (all norms, or one gemeente's with `?gemeente=0268`, 500 to a
/// page: `?pagina=2`), `/normen/{id}` (one norm with its chart and timeline) and
/// `/tijdlijn` (everything that happened, newest first).
struct DashboardRoutes {
    let database: ReporterDatabase

    func register(on router: Router<BasicRequestContext>) {
        let database = self.database
        router.get("/") { request, _ -> Response in
            guard let area = AreaParameter.parse(request.uri.queryParameters.get("gemeente")) else {
                return html(HTML.page(title: "Onbekend", body: "<h1>Geen CBS-gemeentecode</h1>"), status: .badRequest)
            }
            guard let paging = PageParameters.parse(request.uri.queryParameters) else {
                return html(
                    HTML.page(title: "Onbekend", body: "<h1>Deze pagina bestaat niet</h1>"), status: .badRequest)
            }
            let page = try database.norms(where: area.covers, page: paging.page, perPage: paging.perPage)
            return html(DashboardPages.overview(page, gemeente: area.gemeente))
        }
        router.get("/normen/:id") { _, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self), let norm = try database.norm(id: id) else {
                return html(
                    HTML.page(title: "Onbekende norm", body: "<h1>Deze norm bestaat niet</h1>"), status: .notFound)
            }
            return html(DashboardPages.norm(norm, timeline: try database.timeline(normID: id)))
        }
        router.get("/aanbieders/:agb") { _, context -> Response in
            guard let agb = context.parameters.get("agb"), agb.count == 8, agb.allSatisfy(\.isNumber) else {
                return html(HTML.page(title: "Onbekend", body: "<h1>Geen AGB-code</h1>"), status: .notFound)
            }
            let norms = try database.norms { $0.scope.aanbieder == agb }
            var filter = SpendFilter()
            filter.aanbieder = agb
            return html(SlicePages.provider(agb, norms: norms, spend: try database.spend(filter)))
        }
        router.get("/zorgsoorten/:categorie") { _, context -> Response in
            guard let categorie = context.parameters.get("categorie"), categorie.count == 2,
                categorie.allSatisfy(\.isNumber)
            else {
                return html(HTML.page(title: "Onbekend", body: "<h1>Geen productcategorie</h1>"), status: .notFound)
            }
            let norms = try database.norms { $0.scope.productCategorieen.contains(categorie) }
            var filter = SpendFilter()
            filter.categorie = categorie
            return html(SlicePages.careType(categorie, norms: norms, spend: try database.spend(filter)))
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
