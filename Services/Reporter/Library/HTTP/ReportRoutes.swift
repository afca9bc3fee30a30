import Domain
import Foundation
import Hummingbird
import Storage

/// `GET /rapport` and `/api/rapport` `?gemeente=0268|regio=NAAM&periode=2026-Q3&formaat=html|csv|json`: the
/// periodic report, printable HTML (default), CSV for Dutch spreadsheets, or JSON.
struct ReportRoutes {
    let database: ReporterDatabase
    let regions: [String: [String]]

    enum Format: String {
        case html, csv, json
    }

    func register(on router: Router<ReporterRequestContext>) {
        let database = self.database
        let regions = self.regions
        // `/rapport` is the dashboard's (behind the login); `/api/rapport` the same for
        // scripts and `plafond report` (behind the API's bearer token).
        let handler: @Sendable (Request, ReporterRequestContext) async throws -> Response = { request, _ in
            let query = request.uri.queryParameters
            guard let label = query.get("periode"), let period = Period(parsing: label),
                period.months.count >= 3
                    || label.count == 4
            else {
                return JSONResponse.error("periode must be YYYY, YYYY-Hn or YYYY-Qn", status: .badRequest)
            }
            guard let format = Format(rawValue: query.get("formaat") ?? "html") else {
                return JSONResponse.error("formaat must be html, csv or json", status: .badRequest)
            }
            let area: ReportArea
            switch (query.get("gemeente"), query.get("regio")) {
            case (nil, nil):
                area = .all
            case (let gemeente?, nil):
                guard Gemeentecode(String(gemeente)) != nil else {
                    return JSONResponse.error("gemeente must be a 4-digit CBS code", status: .badRequest)
                }
                area = .gemeente(String(gemeente))
            case (nil, let regio?):
                guard let members = regions[String(regio)] else {
                    let known = regions.keys.sorted().joined(separator: ", ")
                    return JSONResponse.error(
                        "unknown regio \(regio); configured: \(known.isEmpty ? "none" : known)", status: .notFound)
                }
                area = .regio(name: String(regio), gemeenten: members)
            default:
                return JSONResponse.error("give gemeente or regio, not both", status: .badRequest)
            }
            let asked = query.get("peildatum")
            let asOf = asked.flatMap { Day(iso: String($0)) }
            guard asked == nil || asOf != nil else {
                return JSONResponse.error("peildatum must be YYYY-MM-DD", status: .badRequest)
            }
            var compare = Report.ComparisonRequest()
            if let text = query.get("basisjaar") {
                guard let year = Int(String(text)), (2015...9999).contains(year) else {
                    return JSONResponse.error("basisjaar must be a year, e.g. 2024", status: .badRequest)
                }
                compare.baselineYear = year
            }
            for (name, keyPath) in [
                ("prijsindex", \Report.ComparisonRequest.previousIndex), ("basisprijsindex", \.baselineIndex),
            ] {
                guard let text = query.get(name) else { continue }
                guard let index = PriceIndex(parsing: String(text)) else {
                    return JSONResponse.error("\(name) must be a percentage such as 3,2", status: .badRequest)
                }
                compare[keyPath: keyPath] = index
            }
            let report = try database.report(area: area, period: period, asOf: asOf, compare: compare)
            // The file name travels with every format: `plafond report` saves under it,
            // a browser shows HTML and JSON and downloads the CSV.
            let name = Self.fileName(area: area, period: period, format: format)
            let body: Data
            let type: String
            switch format {
            case .json: (body, type) = (try JSONCoding.encoder().encode(report), "application/json; charset=utf-8")
            case .csv: (body, type) = (ReportCSV.render(report), "text/csv; charset=utf-8")
            case .html: (body, type) = (Data(ReportHTML.render(report).utf8), "text/html; charset=utf-8")
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: type,
                    .contentDisposition: "\(format == .csv ? "attachment" : "inline"); filename=\"\(name)\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("/rapport", use: handler)
        router.get("/api/rapport", use: handler)
    }

    /// `rapport-0268-2026-Q3.csv`, `rapport-rijk-van-nijmegen-2026.html`.
    static func fileName(area: ReportArea, period: Period, format: Format) -> String {
        let name: String
        switch area {
        case .all: name = "alle"
        case .gemeente(let code): name = code
        case .regio(let regio, _):
            name = regio.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        }
        return "rapport-\(name)-\(period.label).\(format.rawValue)"
    }
}
