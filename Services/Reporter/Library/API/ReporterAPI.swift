import Domain
import Foundation
import OpenAPIRuntime

/// `/api/…`: the handlers of the operations in `Services/Reporter/openapi.yaml`. The
/// generated code reads each request into its typed input and writes the typed output;
/// these read the read model and map its figures to the spec's English shapes (`Norm`,
/// `Indicators`, `Report`, …). The bearer token is checked before (`TokenMiddleware`).
struct ReporterAPI: APIProtocol {
    let database: ReporterDatabase
    let regions: [String: [String]]

    func listNorms(_ input: Operations.ListNorms.Input) async throws -> Operations.ListNorms.Output {
        guard let area = AreaParameter.parse(input.query.gemeente) else { return .badRequest(.init(.badGemeente)) }
        guard let paging = PageParameters.checked(page: input.query.pagina, perPage: input.query.perPagina) else {
            return .badRequest(.init(.badParameter(PageParameters.problem)))
        }
        let page = try await database.norms(where: area.covers, page: paging.page, perPage: paging.perPage)
        let link = PageParameters.link(page, path: "/api/norms", filters: ["gemeente": area.gemeente])
        return .ok(
            .init(
                headers: .init(xTotalCount: page.total, link: link),
                body: .json(page.items.map(Components.Schemas.Norm.init))))
    }

    func getNorm(_ input: Operations.GetNorm.Input) async throws -> Operations.GetNorm.Output {
        guard let figures = try await database.norm(id: input.path.id) else {
            return .notFound(.init(APIProblem(.normOnbekend, "norm \(input.path.id) bestaat niet")))
        }
        return .ok(.init(body: .json(.init(figures))))
    }

    func listAlerts(_ input: Operations.ListAlerts.Input) async throws -> Operations.ListAlerts.Output {
        guard let area = AreaParameter.parse(input.query.gemeente) else { return .badRequest(.init(.badGemeente)) }
        guard let paging = PageParameters.checked(page: input.query.pagina, perPage: input.query.perPagina) else {
            return .badRequest(.init(.badParameter(PageParameters.problem)))
        }
        let state = input.query.state?.rawValue
        let page = try await database.alerts(state: state, area: area, page: paging.page, perPage: paging.perPage)
        let link = PageParameters.link(
            page, path: "/api/alerts", filters: ["gemeente": area.gemeente, "state": state])
        return .ok(
            .init(
                headers: .init(xTotalCount: page.total, link: link),
                body: .json(try page.items.map(Components.Schemas.Alert.init))))
    }

    func getIndicators(_ input: Operations.GetIndicators.Input) async throws -> Operations.GetIndicators.Output {
        guard let period = Period(parsing: input.query.periode) else {
            return .badRequest(.init(.badParameter("periode moet JJJJ, JJJJ-H1, JJJJ-Q2 of JJJJ-MM zijn")))
        }
        let area: ReportArea
        switch ReportRequest.area(gemeente: input.query.gemeente, regio: input.query.regio, regions: regions) {
        case .success(let given): area = given
        case .failure(let refusal) where refusal.kind == .unknownRegio:
            return .notFound(.init(APIProblem(.regioOnbekend, refusal.message)))
        case .failure(let refusal): return .badRequest(.init(.badParameter(refusal.message)))
        }
        var asOf: Day?
        if let text = input.query.peildatum {
            guard let day = Day(iso: text) else {
                return .badRequest(.init(.badParameter("peildatum moet een datum zijn: JJJJ-MM-DD")))
            }
            asOf = day
        }
        return .ok(.init(body: .json(.init(try await database.indicators(period: period, area: area, asOf: asOf)))))
    }

    func getTimeline(_ input: Operations.GetTimeline.Input) async throws -> Operations.GetTimeline.Output {
        .ok(
            .init(
                body: .json(
                    try await database.timeline(normID: input.query.norm).map(Components.Schemas.TimelineEntry.init)))
        )
    }

    func getSpend(_ input: Operations.GetSpend.Input) async throws -> Operations.GetSpend.Output {
        let query = input.query
        let given = [
            "gemeente": query.gemeente, "aanbieder": query.aanbieder, "categorie": query.categorie,
            "van": query.van, "tot": query.tot,
        ].compactMapValues { $0 }
        switch SpendFilter.parse(given) {
        case .failure(let error): return .badRequest(.init(.badParameter(error.message)))
        case .success(let filter): return .ok(.init(body: .json(.init(try await database.spend(filter)))))
        }
    }

    func getReport(_ input: Operations.GetReport.Input) async throws -> Operations.GetReport.Output {
        let query = input.query
        let given = [
            "gemeente": query.gemeente, "regio": query.regio, "periode": query.periode,
            "formaat": query.formaat?.rawValue, "peildatum": query.peildatum,
            "basisjaar": query.basisjaar.map { String($0) },
            "prijsindex": query.prijsindex, "basisprijsindex": query.basisprijsindex,
        ].compactMapValues { $0 }
        let request: ReportRequest
        switch ReportRequest.parse(given, regions: regions) {
        case .success(let parsed): request = parsed
        case .failure(let refusal) where refusal.kind == .unknownRegio:
            return .notFound(.init(APIProblem(.regioOnbekend, refusal.message)))
        case .failure(let refusal): return .badRequest(.init(.badParameter(refusal.message)))
        }
        let report = try await database.report(
            area: request.area, period: request.period, asOf: request.asOf, compare: request.compare)
        let headers = Operations.GetReport.Output.Ok.Headers(contentDisposition: request.contentDisposition)
        switch request.format {
        case .json: return .ok(.init(headers: headers, body: .json(.init(report))))
        case .csv: return .ok(.init(headers: headers, body: .textCsvCharsetUtf8(HTTPBody(ReportCSV.render(report)))))
        case .html: return .ok(.init(headers: headers, body: .textHtmlCharsetUtf8(HTTPBody(ReportHTML.render(report)))))
        }
    }
}

extension Components.Responses.BadRequest {
    init(_ problem: APIProblem) { self.init(body: .json(problem.body)) }
}

extension Components.Responses.NotFound {
    init(_ problem: APIProblem) { self.init(body: .json(problem.body)) }
}

extension Components.Schemas.Alert {
    /// Times as the read model keeps them (ISO 8601, written by the reporter itself).
    init(_ alert: AlertFigures) throws {
        self.init(
            id: alert.id, normID: alert.normID, kind: try APIValue.decode(KindPayload.self, alert.alertKind),
            threshold: alert.threshold, state: try APIValue.decode(Components.Schemas.AlertState.self, alert.state),
            value: alert.countsClients ? .init(alert.value) : .case1(alert.value), limit: alert.limit,
            firedAt: try APIValue.moment(alert.firedAt), resolvedAt: try alert.resolvedAt.map(APIValue.moment))
    }
}

extension Components.Schemas.TimelineEntry {
    init(_ entry: Timeline.Entry) throws {
        self.init(kind: entry.kind, normID: entry.normID, at: try APIValue.moment(entry.at), summary: entry.summary)
    }
}

extension Components.Schemas.Spend {
    init(_ spend: SpendFigures) {
        let slices = { (slices: [SpendFigures.Slice]) in
            slices.map { Components.Schemas.SpendSlice(key: $0.key, amount: $0.amount, name: $0.name) }
        }
        self.init(
            filter: .init(
                municipality: spend.filter.gemeente, provider: spend.filter.aanbieder, category: spend.filter.categorie,
                from: spend.filter.from?.description, to: spend.filter.to?.description),
            total: spend.total, months: slices(spend.months), providers: slices(spend.providers),
            categories: slices(spend.categories))
    }
}

/// Values the read model keeps as text, read into the spec's types. A failure is the
/// reporter's own bug (it wrote them), answered as `INTERNE_FOUT` and logged.
enum APIValue {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    static func moment(_ text: String) throws -> Date {
        guard let date = try? Date(text, strategy: .iso8601) else { throw Unreadable(description: "moment \(text)") }
        return date
    }

    static func decode<T: RawRepresentable<String>>(_ type: T.Type, _ text: String) throws -> T {
        guard let value = T(rawValue: text) else { throw Unreadable(description: "\(T.self) \(text)") }
        return value
    }
}
