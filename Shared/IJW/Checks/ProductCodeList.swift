import Domain

/// The product code list a gemeente uses (TR381, S329): which ProductCodes belong to
/// which ProductCategorie. The list is national or regional data intake does not hold,
/// so the operator configures it (`intake.product_codes_file`).
///
/// The file is CSV in the same conventions as the tariffs file (semicolon, `#` starts a
/// comment, the first line may be the header):
///
///     gemeente;productcategorie;productcode
///     *;45;45A03
///     0268;41;41A01
///
/// `*` applies to every gemeente. A gemeente with no line in the file is not checked:
/// intake cannot know which list it uses.
public struct ProductCodeList: Sendable, Equatable {
    public struct Entry: Sendable, Hashable {
        public var gemeente: String?
        public var categorie: String
        public var code: String
    }

    public private(set) var entries: [Entry]
    /// Per gemeente ("*" for all): category + code pairs, as "45/45A03".
    private var pairs: [String: Set<String>]

    public static let none = ProductCodeList(entries: [])

    public init(entries: [Entry]) {
        self.entries = entries
        var pairs: [String: Set<String>] = [:]
        for entry in entries { pairs[entry.gemeente ?? "*", default: []].insert("\(entry.categorie)/\(entry.code)") }
        self.pairs = pairs
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "regel \(line): \(message)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> ProductCodeList {
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: ["\u{FEFF}"])
            if line.isEmpty || line.hasPrefix("#") || line.lowercased().hasPrefix("gemeente;") { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let number = index + 1
            guard fields.count == 3 else {
                throw ParseError(line: number, message: "verwacht 3 velden (gemeente;productcategorie;productcode)")
            }
            guard fields[0] == "*" || (fields[0].count == 4 && fields[0].allSatisfy(\.isNumber)) else {
                throw ParseError(line: number, message: "gemeente \(fields[0]) is geen CBS-code of *")
            }
            guard fields[1].count == 2, fields[1].allSatisfy(\.isNumber) else {
                throw ParseError(line: number, message: "productcategorie \(fields[1])")
            }
            guard fields[2].count == 5 else { throw ParseError(line: number, message: "productcode \(fields[2])") }
            entries.append(
                Entry(gemeente: fields[0] == "*" ? nil : fields[0], categorie: fields[1], code: fields[2]))
        }
        return ProductCodeList(entries: entries)
    }

    /// Whether `code` belongs to `categorie` in the list the gemeente uses; nil when
    /// the file names no list for it (not checked). A gemeente's own lines and the
    /// `*` lines together are its list.
    public func fits(categorie: String, code: String, gemeente: String) -> Bool? {
        let own = pairs[gemeente]
        let all = pairs["*"]
        guard own != nil || all != nil else { return nil }
        let pair = "\(categorie)/\(code)"
        return own?.contains(pair) == true || all?.contains(pair) == true
    }

    /// S329 for a product whose code is not in the gemeente's list for its category.
    /// A product without a code (an allocation by category only) has nothing to check.
    public func codes(categorie: String?, code: String?, gemeente: String) -> [RetourCode] {
        // Checked for every declaration line: nothing to hash when no list is configured.
        guard !pairs.isEmpty, let categorie, let code,
            fits(categorie: categorie, code: code, gemeente: gemeente) == false
        else {
            return []
        }
        return [.productCodeNietBijCategorie]
    }
}
