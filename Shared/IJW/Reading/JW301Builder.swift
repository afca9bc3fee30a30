import Domain

/// Builds an `AllocationMessage` from the stream of finished elements of a JW301.
///
/// Only what Plafond checks declarations against is kept: the header, the BSN and each
/// ToegewezenProduct. Names, addresses and relations are read past and never stored.
final class JW301Builder: MessageBuilder {
    private var header: [String: String] = [:]
    private var bsn: String?
    private var products: [AllocatedProduct] = []
    private var product: [String: String] = [:]
    private var inHeader = 0
    private var inProduct = 0

    var completeHeader: MessageHeader? { try? FieldReader.header(header) }

    func start(_ name: String, path: [String]) {
        switch name {
        case "Header": inHeader += 1
        case "ToegewezenProduct":
            inProduct += 1
            product = [:]
        default: break
        }
    }

    func end(_ name: String, path: [String], text: String) throws(IJWReadError) {
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        if inHeader > 0 {
            if name == "Header" { inHeader -= 1 } else { header["\(parent)/\(name)"] = text }
        } else if inProduct > 0 {
            if name == "ToegewezenProduct" {
                inProduct -= 1
                products.append(try makeProduct())
            } else {
                product["\(parent)/\(name)"] = text
            }
        } else if name == "Bsn" && parent == "Client" {
            bsn = text
        }
    }

    func build() throws(IJWReadError) -> IJWMessage {
        let header = try FieldReader.header(header)
        do throws(IJWReadError) {
            guard let bsn else { throw FieldReader.structure("Bsn ontbreekt bij de Client") }
            guard !products.isEmpty else { throw FieldReader.structure("ToegewezenProducten ontbreekt of is leeg") }
            return .allocation(AllocationMessage(header: header, bsn: bsn, products: products))
        } catch {
            var withHeader = error
            withHeader.header = header
            throw withHeader
        }
    }

    private func makeProduct() throws(IJWReadError) -> AllocatedProduct {
        let fields = product
        var omvang: Omvang?
        if fields["Omvang/Volume"] != nil {
            let frequentieText = try FieldReader.required(fields, "Omvang/Frequentie")
            guard let frequentie = Frequentie(rawValue: frequentieText) else {
                throw FieldReader.structure("Frequentie \(frequentieText) is onbekend")
            }
            omvang = Omvang(
                volume: try FieldReader.amount(fields, "Omvang/Volume"),
                eenheid: try FieldReader.required(fields, "Omvang/Eenheid", maxLength: 2), frequentie: frequentie)
        }
        let ingangsdatum = try FieldReader.day(fields, "ToegewezenProduct/Ingangsdatum")
        let einddatum = try FieldReader.optionalDay(fields, "ToegewezenProduct/Einddatum")
        if let einddatum, einddatum < ingangsdatum {
            throw FieldReader.structure("Einddatum van toewijzing ligt vóór de Ingangsdatum")
        }
        return AllocatedProduct(
            toewijzingNummer: try FieldReader.required(fields, "ToegewezenProduct/ToewijzingNummer", maxLength: 8),
            productCategorie: fields["Product/Categorie"], productCode: fields["Product/Code"],
            toewijzingsdatum: try FieldReader.day(fields, "ToegewezenProduct/Toewijzingsdatum"),
            ingangsdatum: ingangsdatum, einddatum: einddatum,
            redenWijziging: fields["ToegewezenProduct/RedenWijziging"],
            omvang: omvang,
            budget: try fields["ToegewezenProduct/Budget"].map { text throws(IJWReadError) in
                try FieldReader.number(text, field: "Budget")
            })
    }
}
