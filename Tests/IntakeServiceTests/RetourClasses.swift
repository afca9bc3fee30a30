/// The RetourCodes of each class of a retour (JW302/306/308/316), read from its text: the
/// header's, each product's in order, and the Client's own (nil without a Client).
struct RetourClasses: Equatable, CustomStringConvertible {
    var header: [String]
    var products: [[String]]
    var client: [String]?

    /// The product class and its list, per retour prefix.
    static let productClass = [
        "jw302": ("ToegewezenProduct", "ToegewezenProducten"), "jw306": ("StartProduct", "StartProducten"),
        "jw308": ("StopProduct", "StopProducten"), "jw316": ("AangevraagdProduct", "AangevraagdeProducten"),
    ]

    init(header: [String], products: [[String]] = [], client: [String]? = nil) {
        self.header = header
        self.products = products
        self.client = client
    }

    /// IV028 for a message with one product refused with `codes`: 0200 above and beside it.
    static func refused(_ codes: String..., others before: Int = 0) -> RetourClasses {
        RetourClasses(
            header: ["0200"], products: Array(repeating: ["0200"], count: before) + [codes], client: ["0200"])
    }

    init(_ answer: String) {
        let prefix = Self.productClass.keys.first { answer.contains("<\($0):Bericht") } ?? "jw302"
        let (product, list) = Self.productClass[prefix]!
        header = Self.codes(Self.between(answer, "<\(prefix):Header>", "</\(prefix):Header>") ?? "")
        products = answer.components(separatedBy: "<\(prefix):\(product)>").dropFirst().map {
            Self.codes($0.components(separatedBy: "</\(prefix):\(product)>")[0])
        }
        client = Self.between(answer, "</\(prefix):\(list)>", "</\(prefix):Client>").map(Self.codes)
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex)
        else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }

    /// Every RetourCode in `text`, in order.
    static func codes(_ text: String) -> [String] {
        text.components(separatedBy: "RetourCode>").enumerated().filter { $0.offset % 2 == 1 }.map {
            $0.element.components(separatedBy: "<")[0]
        }
    }

    var description: String { "header \(header), products \(products), client \(client.map { "\($0)" } ?? "none")" }
}
