/// A product category from iJw code list JZ020 (two digits), e.g. 45 Jeugdhulp ambulant.
public struct ProductCategorie: Sendable, Hashable, Codable, CustomStringConvertible {
    public let code: String

    public init?(_ code: String) {
        guard code.utf8.count == 2, code.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        self.code = code
    }

    /// The Dutch name, for the categories Plafond's users meet (DOMAIN.md); nil otherwise.
    public var name: String? { Self.names[code] }

    /// The codes that have a name here, in code order (for a choice list).
    public static var knownCodes: [String] { names.keys.sorted() }

    static let names: [String: String] = [
        "40": "Jeugdhulp met verblijf (overig)",
        "41": "Dagbehandeling",
        "42": "Jeugdhulp verblijf (gesloten)",
        "43": "Jeugdhulp verblijf inclusief behandeling",
        "44": "Jeugdhulp verblijf exclusief behandeling (pleegzorg, gezinshuis)",
        "45": "Jeugdhulp ambulant",
        "46": "Jeugdhulp crisis",
        "47": "Jeugdreclassering",
        "48": "Jeugdbescherming",
        "51": "Jeugd-GGZ (basis)",
        "52": "Jeugd-GGZ (specialistisch)",
        "54": "Jeugd-GGZ met verblijf",
        "55": "Landelijk ingekochte zorg",
    ]

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = ProductCategorie(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected 2 digits"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
