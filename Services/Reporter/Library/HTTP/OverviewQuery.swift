import Contracts
import Domain
import Foundation
import Hummingbird

/// The start page's filters and order: `?gemeente=0268&regio=NAAM&instrument=…&aanbieder=
/// 12345678&zorgsoort=45&sorteer=gebruikt&richting=af`. Every value is checked before it
/// goes into a link or a comparison; a wrong one gets a clear 400, never a crash.
struct OverviewQuery: Equatable {
    enum Column: String, CaseIterable {
        case norm, instrument, aanbieder, zorgsoort, grens, besteed, gebruikt, prognose, status

        var heading: String {
            switch self {
            case .norm: "Norm"
            case .instrument: "Instrument"
            case .aanbieder: "Aanbieder"
            case .zorgsoort: "Zorgsoort"
            case .grens: "Grens"
            case .besteed: "Besteed"
            case .gebruikt: "Gebruikt"
            case .prognose: "Prognose"
            case .status: "Status"
            }
        }

        var isNumeric: Bool { [.grens, .besteed, .gebruikt, .prognose].contains(self) }
    }

    var gemeente: String?
    var regio: String?
    var regioMembers: [String] = []
    var instrument: NormKind?
    var aanbieder: String?
    var zorgsoort: String?
    var sort: Column?
    var descending = false
    /// `aandacht=alle`: the attention list shows every norm that needs attention, not only
    /// the most urgent (`StartPage.attentionShown`).
    var allAttention = false

    /// The query, or the reason a parameter is not acceptable.
    static func parse(_ query: Hummingbird.Parameters, regions: [String: [String]]) -> Result<OverviewQuery, Problem> {
        var result = OverviewQuery()
        func value(_ name: String) -> String? {
            query.get(name).map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let gemeente = value("gemeente") {
            guard Gemeentecode(gemeente) != nil else {
                return .failure(Problem("gemeente is een CBS-code van 4 cijfers"))
            }
            result.gemeente = gemeente
        }
        if let regio = value("regio") {
            guard let members = regions[regio] else { return .failure(Problem("onbekende regio")) }
            result.regio = regio
            result.regioMembers = members
        }
        if let instrument = value("instrument") {
            guard let kind = NormKind(rawValue: instrument) else { return .failure(Problem("onbekend instrument")) }
            result.instrument = kind
        }
        if let aanbieder = value("aanbieder") {
            guard aanbieder.utf8.count == 8, aanbieder.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                return .failure(Problem("aanbieder is een AGB-code van 8 cijfers"))
            }
            result.aanbieder = aanbieder
        }
        if let zorgsoort = value("zorgsoort") {
            guard ProductCategorie(zorgsoort) != nil else {
                return .failure(Problem("zorgsoort is een productcategorie van 2 cijfers"))
            }
            result.zorgsoort = zorgsoort
        }
        if let sort = value("sorteer") {
            guard let column = Column(rawValue: sort) else {
                return .failure(Problem("onbekende kolom om op te sorteren"))
            }
            result.sort = column
        }
        if let direction = value("richting") {
            guard direction == "op" || direction == "af" else { return .failure(Problem("richting is op of af")) }
            result.descending = direction == "af"
        }
        if let attention = value("aandacht") {
            guard attention == "alle" else { return .failure(Problem("aandacht is alle of leeg")) }
            result.allAttention = true
        }
        return .success(result)
    }

    struct Problem: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    var isFiltered: Bool {
        gemeente != nil || regio != nil || instrument != nil || aanbieder != nil || zorgsoort != nil
    }

    /// Whether a norm passes every filter that is set. A norm for all gemeenten concerns
    /// every gemeente and regio.
    func includes(_ norm: NormDefinition) -> Bool {
        if let gemeente, !ReportArea.gemeente(gemeente).covers(norm) { return false }
        if let regio, !ReportArea.regio(name: regio, gemeenten: regioMembers).covers(norm) { return false }
        if let instrument, norm.kind != instrument { return false }
        if let aanbieder, norm.scope.aanbieder != aanbieder { return false }
        if let zorgsoort, !norm.scope.productCategorieen.isEmpty, !norm.scope.productCategorieen.contains(zorgsoort) {
            return false
        }
        return true
    }

    /// The filters as query pairs, for links that keep them (paging, sorting).
    var filterPairs: [(String, String)] {
        [
            ("gemeente", gemeente), ("regio", regio), ("instrument", instrument?.rawValue), ("aanbieder", aanbieder),
            ("zorgsoort", zorgsoort),
        ].compactMap { name, value in value.map { (name, $0) } }
    }

    /// The filters and the attention list's length, for the table's links (sorting,
    /// paging): a page of the table keeps the list as long as it was.
    var keptPairs: [(String, String)] { filterPairs + (allAttention ? [("aandacht", "alle")] : []) }

    /// Sorts the figures on the chosen column (the norm's id breaks ties).
    func sorted(_ norms: [NormFigures]) -> [NormFigures] {
        guard let sort else { return norms }
        func key(_ norm: NormFigures) -> SortKey {
            switch sort {
            case .norm: .text(norm.name.lowercased())
            case .instrument: .text(norm.instrument.rawValue)
            case .aanbieder: .text(norm.aanbieder ?? "")
            case .zorgsoort: .text(norm.productCategorieen.joined(separator: ","))
            case .grens: .number(norm.limit)
            case .besteed: .number(norm.spent)
            case .gebruikt: .number(norm.attention.urgencyBasisPoints)
            case .prognose: .number(norm.forecast?.projectedTotal ?? -1)
            case .status: .number(Int64(norm.attention.level.rawValue))
            }
        }
        return norms.sorted { a, b in
            let (x, y) = (key(a), key(b))
            if x == y { return a.id < b.id }
            return descending ? y < x : x < y
        }
    }

    enum SortKey: Comparable {
        case number(Int64)
        case text(String)
    }
}
