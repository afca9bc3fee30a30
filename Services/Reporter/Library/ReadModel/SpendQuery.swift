import Domain
import Foundation
import GRDB

/// `GET /api/spend`: accepted spend (debits minus credits, by month of care) for any
/// slice of gemeente, provider, category and months, with its breakdowns. Amounts in cents.
public struct SpendFilter: Sendable, Equatable, Codable {
    public var gemeente: String?
    public var aanbieder: String?
    public var categorie: String?
    public var from: Month?
    public var to: Month?

    /// Reads the query parameters; a Dutch error text for a bad one (the API's messages are Dutch).
    public static func parse(_ parameters: [String: String]) -> Result<SpendFilter, SpendFilterError> {
        var filter = SpendFilter()
        if let gemeente = parameters["gemeente"], !gemeente.isEmpty {
            guard gemeente.count == 4, gemeente.allSatisfy(\.isNumber) else {
                return .failure(.init("gemeente moet een CBS-code van 4 cijfers zijn"))
            }
            filter.gemeente = gemeente
        }
        if let aanbieder = parameters["aanbieder"], !aanbieder.isEmpty {
            guard aanbieder.count == 8, aanbieder.allSatisfy(\.isNumber) else {
                return .failure(.init("aanbieder moet een AGB-code van 8 cijfers zijn"))
            }
            filter.aanbieder = aanbieder
        }
        if let categorie = parameters["categorie"], !categorie.isEmpty {
            guard categorie.count == 2, categorie.allSatisfy(\.isNumber) else {
                return .failure(.init("categorie moet een productcategorie van 2 cijfers zijn"))
            }
            filter.categorie = categorie
        }
        for (key, path) in [("van", \SpendFilter.from), ("tot", \SpendFilter.to)] {
            guard let text = parameters[key], !text.isEmpty else { continue }
            guard let month = Month(text) else { return .failure(.init("\(key) moet een maand zijn: JJJJ-MM")) }
            filter[keyPath: path] = month
        }
        if let from = filter.from, let to = filter.to, to < from {
            return .failure(.init("tot ligt voor van"))
        }
        return .success(filter)
    }
}

public struct SpendFilterError: Error, Equatable {
    public var message: String
    init(_ message: String) { self.message = message }
}

/// The answer: the filter as understood, the total and three breakdowns, months ascending,
/// providers and categories by amount descending.
public struct SpendFigures: Sendable, Equatable, Codable {
    public var filter: SpendFilter
    public var total: Int64
    public var months: [Slice]
    public var providers: [Slice]
    public var categories: [Slice]

    public struct Slice: Sendable, Equatable, Codable {
        public var key: String
        public var amount: Int64
        /// The provider's name (AGB register) or the care type's (JZ020), when known.
        public var name: String?
    }
}

extension ReporterDatabase {
    public func spend(_ filter: SpendFilter) async throws -> SpendFigures {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let gemeente = filter.gemeente {
            conditions.append("gemeente = ?")
            arguments.append(gemeente)
        }
        if let aanbieder = filter.aanbieder {
            conditions.append("aanbieder = ?")
            arguments.append(aanbieder)
        }
        if let categorie = filter.categorie {
            conditions.append("categorie = ?")
            arguments.append(categorie)
        }
        // Months are stored as YYYY-MM, so text order is time order.
        if let from = filter.from {
            conditions.append("month >= ?")
            arguments.append(from.description)
        }
        if let to = filter.to {
            conditions.append("month <= ?")
            arguments.append(to.description)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let values = arguments.map(\.databaseValue)
        return try await writer.read { db in
            let names = try ProviderNames.all(db)
            let slices = { (column: String, order: String) -> [SpendFigures.Slice] in
                try SpendSum.fetchAll(
                    db,
                    sql:
                        "SELECT \(column) AS key, SUM(cents) AS amount FROM spendCell \(whereClause) GROUP BY \(column) ORDER BY \(order)",
                    arguments: StatementArguments(values)
                ).map { sum in
                    let name: String? =
                        column == "aanbieder"
                        ? names[sum.key] : column == "categorie" ? ProductCategorie(sum.key)?.name : nil
                    return SpendFigures.Slice(key: sum.key, amount: sum.amount, name: name)
                }
            }
            let months = try slices("month", "key")
            return SpendFigures(
                filter: filter, total: months.reduce(0) { $0 + $1.amount }, months: months,
                providers: try slices("aanbieder", "amount DESC, key"),
                categories: try slices("categorie", "amount DESC, key"))
        }
    }
}
