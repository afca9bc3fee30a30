import Domain

/// What `/rapport` and `/api/rapport` ask for, read from the query
/// (`?gemeente=0268|regio=NAAM&periode=2026-Q3&formaat=html|csv|json&peildatum=…&basisjaar=…`).
/// One reading for both routes, so the dashboard and the API refuse the same requests with
/// the same words.
struct ReportRequest: Equatable {
    enum Format: String {
        case html, csv, json
    }

    var area: ReportArea
    var period: Period
    var format: Format
    var asOf: Day?
    var compare = Report.ComparisonRequest()

    /// A refusal: the code a client matches on (`ErrorCode` in openapi.yaml) and a Dutch message.
    struct Refusal: Error, Equatable {
        enum Kind: Equatable {
            case badParameter
            case unknownRegio
        }
        var kind: Kind
        var message: String
    }

    /// The area of `?gemeente=` or `?regio=` (neither: the whole installation), read the same
    /// way for the report and `/api/indicators`.
    static func area(gemeente: String?, regio: String?, regions: [String: [String]]) -> Result<ReportArea, Refusal> {
        switch (gemeente, regio) {
        case (nil, nil):
            return .success(.all)
        case (let gemeente?, nil):
            guard Gemeentecode(gemeente) != nil else {
                return .failure(Refusal(kind: .badParameter, message: "gemeente moet een CBS-code van 4 cijfers zijn"))
            }
            return .success(.gemeente(gemeente))
        case (nil, let regio?):
            guard let members = regions[regio] else {
                let known = regions.keys.sorted().joined(separator: ", ")
                return .failure(
                    Refusal(
                        kind: .unknownRegio,
                        message: "regio \(regio) is onbekend; ingesteld: \(known.isEmpty ? "geen" : known)"))
            }
            return .success(.regio(name: regio, gemeenten: members))
        default:
            return .failure(Refusal(kind: .badParameter, message: "geef gemeente of regio, niet allebei"))
        }
    }

    /// `query` holds each parameter's value as given (absent when not given).
    static func parse(_ query: [String: String], regions: [String: [String]]) -> Result<ReportRequest, Refusal> {
        func refuse(_ message: String) -> Result<ReportRequest, Refusal> {
            .failure(Refusal(kind: .badParameter, message: message))
        }
        // A report covers a year, half year or quarter; a month is too short to compare.
        guard let label = query["periode"], let period = Period(parsing: label),
            period.months.count >= 3 || label.count == 4
        else {
            return refuse("periode moet een jaar, halfjaar of kwartaal zijn: JJJJ, JJJJ-H1 of JJJJ-Q3")
        }
        guard let format = Format(rawValue: query["formaat"] ?? "html") else {
            return refuse("formaat moet html, csv of json zijn")
        }
        let area: ReportArea
        switch Self.area(gemeente: query["gemeente"], regio: query["regio"], regions: regions) {
        case .success(let given): area = given
        case .failure(let refusal): return .failure(refusal)
        }
        var request = ReportRequest(area: area, period: period, format: format)
        if let text = query["peildatum"] {
            guard let day = Day(iso: text) else { return refuse("peildatum moet een datum zijn: JJJJ-MM-DD") }
            request.asOf = day
        }
        if let text = query["basisjaar"] {
            guard let year = Int(text), (2015...9999).contains(year) else {
                return refuse("basisjaar moet een jaartal zijn, bijvoorbeeld 2024")
            }
            request.compare.baselineYear = year
        }
        for (name, keyPath) in [
            ("prijsindex", \Report.ComparisonRequest.previousIndex), ("basisprijsindex", \.baselineIndex),
        ] {
            guard let text = query[name] else { continue }
            guard let index = PriceIndex(parsing: text) else {
                return refuse("\(name) moet een percentage zijn, bijvoorbeeld 3,2")
            }
            request.compare[keyPath: keyPath] = index
        }
        return .success(request)
    }

    /// `rapport-0268-2026-Q3.csv`, `rapport-rijk-van-nijmegen-2026.html`: the name
    /// `plafond report` saves under and a browser downloads the CSV as.
    var fileName: String {
        let name: String
        switch area {
        case .all: name = "alle"
        case .gemeente(let code): name = code
        case .regio(let regio, _):
            name = regio.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        }
        return "rapport-\(name)-\(period.label).\(format.rawValue)"
    }

    /// `inline` for what a browser shows (HTML, JSON), `attachment` for the CSV.
    var contentDisposition: String {
        "\(format == .csv ? "attachment" : "inline"); filename=\"\(fileName)\""
    }
}
