import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Refuses a query parameter that the operation does not have in `openapi.yaml`, with
/// `ONGELDIGE_PARAMETER` and the names it does have. The generated code skips names it
/// does not know, so `/api/spend?regio=…` or a typo (`gemeete=0268`) answered with the
/// whole installation's figures as if the filter had been applied: a wrong answer that
/// looks right, and at a country's scale a request of many seconds. Refusing is what a
/// client can act on. `UnknownQueryParameterTests` holds this table to the spec.
struct KnownQueryParameters: ServerMiddleware {
    /// The query parameters of each operation, by operation id, as `openapi.yaml` lists them.
    static let byOperation: [String: [String]] = [
        Operations.ListNorms.id: ["gemeente", "pagina", "per_pagina"],
        Operations.GetNorm.id: [],
        Operations.ListAlerts.id: ["state", "gemeente", "pagina", "per_pagina"],
        Operations.GetIndicators.id: ["periode", "gemeente", "regio", "peildatum"],
        Operations.GetTimeline.id: ["norm"],
        Operations.GetSpend.id: ["gemeente", "aanbieder", "categorie", "van", "tot"],
        Operations.GetReport.id: [
            "gemeente", "regio", "periode", "formaat", "peildatum", "basisjaar", "prijsindex", "basisprijsindex",
        ],
    ]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        if let known = Self.byOperation[operationID],
            let message = Self.unknown(Self.names(in: request.path ?? ""), known: known)
        {
            return Self.refusal(message)
        }
        return try await next(request, body, metadata)
    }

    /// The query's parameter names in the order given, decoded as a form's are
    /// (`FormFields.pairs`: `per%5Fpagina` is `per_pagina`).
    static func names(in path: String) -> [String] {
        guard let mark = path.firstIndex(of: "?") else { return [] }
        return FormFields.pairs(String(path[path.index(after: mark)...])).map(\.name).filter { !$0.isEmpty }
    }

    /// The first name in `given` that is not in `known`, with the refusal's words; nil when all are known.
    static func unknown(_ given: some Sequence<String>, known: [String]) -> String? {
        given.first { !known.contains($0) }.map { unknown in
            "onbekende parameter \(unknown); deze route kent: "
                + (known.isEmpty ? "geen parameters" : known.joined(separator: ", "))
        }
    }

    static func refusal(_ message: String) -> (HTTPResponse, HTTPBody?) {
        var response = HTTPResponse(status: .badRequest)
        response.headerFields[.contentType] = "application/json; charset=utf-8"
        return (response, HTTPBody(APIProblem.badParameter(message).json))
    }
}
