import Domain

/// Turns the product blocks of each client-and-products message into its model.
enum ProductReaders {
    static func allocation(_ header: MessageHeader, _ bsn: String, _ blocks: [[String: String]])
        throws(IJWReadError) -> IJWMessage
    {
        var products: [AllocatedProduct] = []
        for fields in blocks {
            let ingangsdatum = try FieldReader.day(fields, "ToegewezenProduct/Ingangsdatum")
            let einddatum = try FieldReader.optionalDay(fields, "ToegewezenProduct/Einddatum")
            if let einddatum, einddatum < ingangsdatum {
                throw FieldReader.structure("Einddatum van toewijzing ligt vóór de Ingangsdatum")
            }
            products.append(
                AllocatedProduct(
                    toewijzingNummer: try FieldReader.toewijzingNummer(fields["ToegewezenProduct/ToewijzingNummer"]),
                    productCategorie: fields["Product/Categorie"], productCode: fields["Product/Code"],
                    toewijzingsdatum: try FieldReader.day(fields, "ToegewezenProduct/Toewijzingsdatum"),
                    toewijzingstijd: try FieldReader.time(fields["ToegewezenProduct/Toewijzingstijd"]),
                    ingangsdatum: ingangsdatum, einddatum: einddatum,
                    redenWijziging: fields["ToegewezenProduct/RedenWijziging"], omvang: try omvang(fields),
                    budget: try fields["ToegewezenProduct/Budget"].map { text throws(IJWReadError) in
                        try FieldReader.number(text, field: "Budget")
                    }, referentieAanbieder: fields["ToegewezenProduct/ReferentieAanbieder"]))
        }
        return .allocation(AllocationMessage(header: header, bsn: bsn, products: products))
    }

    static func careStart(_ header: MessageHeader, _ bsn: String, _ blocks: [[String: String]])
        throws(IJWReadError) -> IJWMessage
    {
        var products: [CareStart] = []
        for fields in blocks {
            products.append(
                CareStart(
                    toewijzingNummer: try FieldReader.toewijzingNummer(fields["StartProduct/ToewijzingNummer"]),
                    productCategorie: fields["Product/Categorie"], productCode: fields["Product/Code"],
                    begindatum: try FieldReader.day(fields, "StartProduct/Begindatum"),
                    status: try status(fields, "StartProduct/StatusAanlevering")))
        }
        return .careStart(CareStartMessage(header: header, bsn: bsn, products: products))
    }

    static func careStop(_ header: MessageHeader, _ bsn: String, _ blocks: [[String: String]])
        throws(IJWReadError) -> IJWMessage
    {
        var products: [CareStop] = []
        for fields in blocks {
            let begindatum = try FieldReader.day(fields, "StopProduct/Begindatum")
            let einddatum = try FieldReader.day(fields, "StopProduct/Einddatum")
            guard begindatum <= einddatum else { throw FieldReader.structure("Einddatum ligt vóór de Begindatum") }
            products.append(
                CareStop(
                    toewijzingNummer: try FieldReader.toewijzingNummer(fields["StopProduct/ToewijzingNummer"]),
                    productCategorie: fields["Product/Categorie"], productCode: fields["Product/Code"],
                    begindatum: begindatum, einddatum: einddatum,
                    redenBeeindiging: try FieldReader.required(fields, "StopProduct/RedenBeeindiging", maxLength: 2),
                    status: try status(fields, "StopProduct/StatusAanlevering")))
        }
        return .careStop(CareStopMessage(header: header, bsn: bsn, products: products))
    }

    static func allocationRequest(_ header: MessageHeader, _ bsn: String, _ blocks: [[String: String]])
        throws(IJWReadError) -> IJWMessage
    {
        var products: [RequestedProduct] = []
        for fields in blocks {
            products.append(
                RequestedProduct(
                    referentieAanbieder: try FieldReader.required(
                        fields, "AangevraagdProduct/ReferentieAanbieder", maxLength: 36),
                    productCategorie: fields["Product/Categorie"], productCode: fields["Product/Code"],
                    toewijzingIngangsdatum: try FieldReader.day(fields, "AangevraagdProduct/ToewijzingIngangsdatum"),
                    verwijzerType: try FieldReader.required(fields, "Verwijzer/Type", maxLength: 2),
                    omvang: try omvang(fields),
                    toewijzingEinddatum: try FieldReader.optionalDay(fields, "AangevraagdProduct/ToewijzingEinddatum"),
                    budget: try fields["AangevraagdProduct/Budget"].map { text throws(IJWReadError) in
                        try FieldReader.number(text, field: "Budget")
                    },
                    beschikkingNummer: fields["AangevraagdProduct/BeschikkingNummer"],
                    beschikkingIngangsdatum: try FieldReader.optionalDay(
                        fields, "AangevraagdProduct/BeschikkingIngangsdatum"),
                    verwijzerNaam: fields["Verwijzer/Naam"], zorgverlenerCode: fields["Verwijzer/ZorgverlenerCode"]))
        }
        return .allocationRequest(AllocationRequestMessage(header: header, bsn: bsn, products: products))
    }

    private static func omvang(_ fields: [String: String]) throws(IJWReadError) -> Omvang? {
        guard fields["Omvang/Volume"] != nil else { return nil }
        let text = try FieldReader.required(fields, "Omvang/Frequentie")
        guard let frequentie = Frequentie(rawValue: text) else {
            throw FieldReader.structure("Frequentie \(text) is onbekend")
        }
        return Omvang(
            volume: try FieldReader.amount(fields, "Omvang/Volume"),
            eenheid: try FieldReader.required(fields, "Omvang/Eenheid", maxLength: 2), frequentie: frequentie)
    }

    private static func status(_ fields: [String: String], _ key: String) throws(IJWReadError) -> StatusAanlevering {
        let text = try FieldReader.required(fields, key)
        if text == "2" { throw FieldReader.structure("CS058: StatusAanlevering 2 (gewijzigd) is niet toegestaan") }
        guard let status = StatusAanlevering(rawValue: text) else {
            throw FieldReader.structure("StatusAanlevering \(text) is onbekend")
        }
        return status
    }
}
