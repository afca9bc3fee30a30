/// Which declaration lines count for a norm.
///
/// A regio is stored as its member gemeenten, resolved when the norm is defined, so that
/// matching a line never needs the configuration. Empty lists mean "all".
public struct NormScope: Sendable, Equatable, Codable {
    public var gemeenten: [String]
    public var regio: String?
    /// One provider's AGB code, or nil for all providers of the scope.
    public var aanbieder: String?
    public var productCategorieen: [String]
    public var productCodes: [String]

    public init(
        gemeenten: [String], regio: String? = nil, aanbieder: String? = nil,
        productCategorieen: [String] = [], productCodes: [String] = []
    ) {
        self.gemeenten = gemeenten
        self.regio = regio
        self.aanbieder = aanbieder
        self.productCategorieen = productCategorieen
        self.productCodes = productCodes
    }

    public func matches(gemeente: String, aanbieder: String, productCategorie: String, productCode: String?) -> Bool {
        guard gemeenten.isEmpty || gemeenten.contains(gemeente) else { return false }
        if let own = self.aanbieder, own != aanbieder { return false }
        let categoryListed = productCategorieen.contains(productCategorie)
        let codeListed = productCode.map { productCodes.contains($0) } ?? false
        switch (productCategorieen.isEmpty, productCodes.isEmpty) {
        case (true, true): return true
        case (false, true): return categoryListed
        case (true, false): return codeListed
        // Both given: the budgetplafond definition reads "categories and/or products", so
        // a line counts when either names it.
        case (false, false): return categoryListed || codeListed
        }
    }

    public func matches(_ line: DeclaredLine) -> Bool {
        matches(
            gemeente: line.gemeente, aanbieder: line.aanbieder,
            productCategorie: line.productCategorie, productCode: line.productCode)
    }
}
