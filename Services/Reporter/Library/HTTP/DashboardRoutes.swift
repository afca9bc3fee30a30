import Hummingbird

/// The Dutch dashboard: `/` (what needs attention, then all norms, filtered with
/// `?gemeente=0268&regio=…&instrument=…&aanbieder=…&zorgsoort=…`, sorted with
/// `?sorteer=gebruikt&richting=af`, 500 to a page: `?pagina=2`), `/normen/{id}` (one norm with its chart and timeline) and
/// `/tijdlijn` (everything that happened, newest first).
struct DashboardRoutes {
    let database: ReporterDatabase
    var regions: [String: [String]] = [:]

    func register(on router: Router<ReporterRequestContext>) {
        let database = self.database
        let regions = self.regions
        router.get("/") { request, context -> Response in
            let query: OverviewQuery
            switch OverviewQuery.parse(request.uri.formParameters, regions: regions) {
            case .success(let parsed): query = parsed
            case .failure(let problem):
                return html(
                    HTML.page(title: "Onbekend", body: "<h1>\(HTML.escape(problem.message))</h1>"), status: .badRequest)
            }
            guard let paging = PageParameters.parse(request.uri.formParameters) else {
                return html(
                    HTML.page(title: "Onbekend", body: "<h1>Deze pagina bestaat niet</h1>"), status: .badRequest)
            }
            let attention: [NormFigures]
            let page: NormPage
            if query.sort == nil {
                (attention, page) = try await database.overview(
                    where: query.includes, page: paging.page, perPage: paging.perPage)
            } else {
                attention = try await database.normsNeedingAttention(where: query.includes)
                // Sorting on a figure needs every matching norm's figures; without a sort
                // only the page's are worked out.
                let all = query.sorted(try await database.norms(where: query.includes))
                let start = min((paging.page - 1) * paging.perPage, all.count)
                page = NormPage(
                    items: Array(all[start..<min(start + paging.perPage, all.count)]), total: all.count,
                    page: paging.page, perPage: paging.perPage)
            }
            return html(
                StartPage.render(
                    attention: attention, page: page, query: query, regions: Array(regions.keys),
                    providers: try await database.providerNames(), viewer: context.viewer))
        }
        router.get("/normen/:id") { request, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self), let norm = try await database.norm(id: id)
            else {
                return html(
                    HTML.page(title: "Onbekende norm", body: "<h1>Deze norm bestaat niet</h1>", viewer: context.viewer),
                    status: .notFound)
            }
            let query = request.uri.formParameters
            let actions = NormActionForms.render(
                norm, alerts: try await database.firingAlerts(normID: id), viewer: context.viewer,
                mayAct: context.session?.role.mayAct ?? false, today: database.today(),
                done: query.get("gedaan").map { String($0) }, failed: query.get("fout").map { String($0) })
            return html(
                DashboardPages.norm(
                    norm, timeline: try await database.timeline(normID: id), actions: actions, viewer: context.viewer))
        }
        router.get("/meldingen") { _, context -> Response in
            html(
                AlertListPage.render(
                    try await database.firingAlertsNeedingAttention(), viewer: context.viewer,
                    mayAct: context.session?.role.mayAct ?? false))
        }
        router.get("/aanbieders/:agb") { _, context -> Response in
            guard let agb = context.parameters.get("agb"), agb.count == 8, agb.allSatisfy(\.isNumber) else {
                return html(HTML.page(title: "Onbekend", body: "<h1>Geen AGB-code</h1>"), status: .notFound)
            }
            let norms = try await database.norms { $0.scope.aanbieder == agb }
            var filter = SpendFilter()
            filter.aanbieder = agb
            return html(
                SlicePages.provider(
                    agb, name: try await database.providerNames()[agb], norms: norms,
                    spend: try await database.spend(filter),
                    viewer: context.viewer))
        }
        router.get("/zorgsoorten/:categorie") { _, context -> Response in
            guard let categorie = context.parameters.get("categorie"), categorie.count == 2,
                categorie.allSatisfy(\.isNumber)
            else {
                return html(HTML.page(title: "Onbekend", body: "<h1>Geen productcategorie</h1>"), status: .notFound)
            }
            let norms = try await database.norms { $0.scope.productCategorieen.contains(categorie) }
            var filter = SpendFilter()
            filter.categorie = categorie
            return html(
                SlicePages.careType(
                    categorie, norms: norms, spend: try await database.spend(filter), viewer: context.viewer))
        }
        router.get("/tijdlijn") { _, context -> Response in
            html(DashboardPages.timeline(try await database.timeline(normID: nil), viewer: context.viewer))
        }
    }
}

private func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
    HTMLResponse.page(page, status: status)
}
