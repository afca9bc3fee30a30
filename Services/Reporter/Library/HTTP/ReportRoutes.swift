import Foundation
import Hummingbird
import Storage

/// `GET /rapport?gemeente=0268|regio=NAAM&periode=2026-Q3&formaat=html|csv|json`: the
/// dashboard's periodic report (behind the login), printable HTML (default), CSV for Dutch
/// spreadsheets, or the API's JSON. Without a query, the form that asks which report
/// (`ReportChooserPage`). `/api/rapport` is the same report for scripts and
/// `plafond report` (`ReporterAPI.getReport`); both read the request with `ReportRequest`.
struct ReportRoutes {
    let database: ReporterDatabase
    let regions: [String: [String]]
    /// The report's parameters, the API's (`openapi.yaml`).
    static let parameters = KnownQueryParameters.byOperation[Operations.GetReport.id] ?? []

    func register(on router: Router<ReporterRequestContext>) {
        let database = self.database
        let regions = self.regions
        router.get("/rapport") { request, context -> Response in
            var query: [String: String] = [:]
            // The chooser's empty fields are not asked for (as the start page's filters); of
            // a repeated parameter the first counts, as `Parameters.get` and the API read it.
            for (key, value) in request.uri.formParameters where !value.isEmpty && query[String(key)] == nil {
                query[String(key)] = String(value)
            }
            func chooser(_ problem: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
                HTMLResponse.page(
                    ReportChooserPage.render(
                        given: query, regions: Array(regions.keys), today: database.today(), problem: problem,
                        viewer: context.viewer), status: status)
            }
            if query.isEmpty { return chooser() }
            // As `/api/rapport`: a misspelt `gemeente` must not give everything as if filtered.
            let parsed =
                KnownQueryParameters.unknown(query.keys.sorted(), known: Self.parameters).map {
                    Result<ReportRequest, ReportRequest.Refusal>.failure(.init(kind: .badParameter, message: $0))
                } ?? ReportRequest.parse(query, regions: regions)
            let asked: ReportRequest
            switch parsed {
            case .success(let parsed): asked = parsed
            // A person asking for the page gets the form back with the reason; a script
            // asking for CSV or JSON gets the API's error body.
            case .failure(let refusal) where (query["formaat"] ?? "html") == "html":
                return chooser(refusal.message, status: refusal.kind == .unknownRegio ? .notFound : .badRequest)
            case .failure(let refusal) where refusal.kind == .unknownRegio:
                return APIProblem(.regioOnbekend, refusal.message).response
            case .failure(let refusal): return APIProblem.badParameter(refusal.message).response
            }
            let report = try await database.report(
                area: asked.area, period: asked.period, asOf: asked.asOf, compare: asked.compare)
            let body: Data
            let type: String
            switch asked.format {
            case .json:
                (body, type) = (
                    try JSONCoding.encoder().encode(Components.Schemas.Report(report)),
                    "application/json; charset=utf-8"
                )
            case .csv: (body, type) = (ReportCSV.render(report), "text/csv; charset=utf-8")
            case .html: (body, type) = (Data(ReportHTML.render(report).utf8), "text/html; charset=utf-8")
            }
            // The report is a page about care like the others: never cached, never framed
            // (before, it went out without either, the only dashboard answer that did).
            var headers: HTTPFields = [.contentType: type, .contentDisposition: asked.contentDisposition]
            if asked.format == .html {
                headers.append(contentsOf: HTMLResponse.protective)
            } else {
                headers[.cacheControl] = "no-store"
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
}
