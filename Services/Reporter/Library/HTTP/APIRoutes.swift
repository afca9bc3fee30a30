import Domain
import Hummingbird

/// `/api/...`: the read model as JSON for scripts and other systems. Amounts in cents.
struct APIRoutes {
    let database: ReporterDatabase

    func register(on router: Router<ReporterRequestContext>) {
        let database = self.database
        router.get("/api/norms") { request, _ -> Response in
            guard let area = AreaParameter.parse(request.uri.queryParameters.get("gemeente")) else {
                return JSONResponse.error("gemeente must be a 4-digit CBS code", status: .badRequest)
            }
            guard let paging = PageParameters.parse(request.uri.queryParameters) else {
                return JSONResponse.error(PageParameters.problem, status: .badRequest)
            }
            let page = try database.norms(where: area.covers, page: paging.page, perPage: paging.perPage)
            var response = try JSONResponse.make(page.items)
            PageParameters.describe(
                page, path: "/api/norms", filters: ["gemeente": area.gemeente], in: &response.headers)
            return response
        }
        router.get("/api/alerts") { request, _ -> Response in
            let state = request.uri.queryParameters.get("state")
            guard state == nil || state == "firing" || state == "resolved" else {
                return JSONResponse.error("state must be firing or resolved", status: .badRequest)
            }
            guard let area = AreaParameter.parse(request.uri.queryParameters.get("gemeente")) else {
                return JSONResponse.error("gemeente must be a 4-digit CBS code", status: .badRequest)
            }
            guard let paging = PageParameters.parse(request.uri.queryParameters) else {
                return JSONResponse.error(PageParameters.problem, status: .badRequest)
            }
            let page = try database.alerts(state: state, area: area, page: paging.page, perPage: paging.perPage)
            var response = try JSONResponse.make(page.items)
            PageParameters.describe(
                page, path: "/api/alerts", filters: ["gemeente": area.gemeente, "state": state],
                in: &response.headers)
            return response
        }
        router.get("/api/indicators") { request, _ -> Response in
            guard let label = request.uri.queryParameters.get("periode"), let period = Period(parsing: label) else {
                return JSONResponse.error("periode must be YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM", status: .badRequest)
            }
            guard let area = AreaParameter.parse(request.uri.queryParameters.get("gemeente")) else {
                return JSONResponse.error("gemeente must be a 4-digit CBS code", status: .badRequest)
            }
            let asked = request.uri.queryParameters.get("peildatum")
            let asOf = asked.flatMap { Day(iso: String($0)) }
            guard asked == nil || asOf != nil else {
                return JSONResponse.error("peildatum must be YYYY-MM-DD", status: .badRequest)
            }
            return try JSONResponse.make(try database.indicators(period: period, area: area, asOf: asOf))
        }
        router.get("/api/timeline") { request, _ -> Response in
            let text = request.uri.queryParameters.get("norm")
            let normID = text.flatMap { Int64($0) }
            guard text == nil || normID != nil else {
                return JSONResponse.error("norm must be a number", status: .badRequest)
            }
            return try JSONResponse.make(try database.timeline(normID: normID))
        }
        router.get("/api/spend") { request, _ -> Response in
            var parameters: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
            switch SpendFilter.parse(parameters) {
            case .failure(let error): return JSONResponse.error(error.message, status: .badRequest)
            case .success(let filter): return try JSONResponse.make(try database.spend(filter))
            }
        }
        router.get("/api/norms/:id") { _, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self) else {
                return JSONResponse.error("norm id must be a number", status: .badRequest)
            }
            guard let figures = try database.norm(id: id) else {
                return JSONResponse.error("no norm \(id)", status: .notFound)
            }
            return try JSONResponse.make(figures)
        }
    }
}
