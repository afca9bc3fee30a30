import Domain

/// The texts of one JW323 Prestatie as the parser meets them, each in its own field.
///
/// Why not a `parent/name → text` map like the other builders: a 1,000-line JW323 has
/// some 12,000 of these texts, and a key string made and hashed for each, then looked up
/// again, was a fifth of reading it. Unknown elements are read past; a repeated element
/// keeps its last text, as the map did.
struct PrestatieFields {
    var referentieNummer: String?
    var vorigReferentieNummer: String?
    var toewijzingNummer: String?
    var productCategorie: String?
    var productCode: String?
    var begindatum: String?
    var einddatum: String?
    var geleverdVolume: String?
    var eenheid: String?
    var productTarief: String?
    var bedrag: String?
    var debetCredit: String?

    /// Keeps `text` when `parent/name` is one of the Prestatie's fields.
    mutating func take(_ name: String, parent: String, text: String) {
        switch parent {
        case "Prestatie":
            switch name {
            case "ToewijzingNummer": toewijzingNummer = text
            case "ProductCategorie": productCategorie = text
            case "ProductCode": productCode = text
            case "GeleverdVolume": geleverdVolume = text
            case "Eenheid": eenheid = text
            case "ProductTarief": productTarief = text
            default: break
            }
        case "ProductReferentie":
            switch name {
            case "ReferentieNummer": referentieNummer = text
            case "VorigReferentieNummer": vorigReferentieNummer = text
            default: break
            }
        case "ProductPeriode":
            switch name {
            case "Begindatum": begindatum = text
            case "Einddatum": einddatum = text
            default: break
            }
        case "IngediendBedrag":
            switch name {
            case "Bedrag": bedrag = text
            case "DebetCredit": debetCredit = text
            default: break
            }
        default: break
        }
    }

    /// The line, or a structure error naming the first missing or malformed field.
    func line() throws(IJWReadError) -> DeclarationLine {
        let eenheid = try FieldReader.required(eenheid, field: "Eenheid")
        return DeclarationLine(
            referentieNummer: try FieldReader.required(referentieNummer, field: "ReferentieNummer", maxLength: 36),
            vorigReferentieNummer: vorigReferentieNummer,
            toewijzingNummer: try FieldReader.toewijzingNummer(toewijzingNummer),
            productCategorie: try FieldReader.required(productCategorie, field: "ProductCategorie", maxLength: 2),
            productCode: try FieldReader.required(productCode, field: "ProductCode", maxLength: 5),
            productPeriode: try FieldReader.period(start: begindatum, end: einddatum, parent: "ProductPeriode"),
            geleverdVolume: try FieldReader.amount(geleverdVolume, field: "GeleverdVolume"),
            eenheid: eenheid,
            productTarief: try productTarief.map { text throws(IJWReadError) in
                try FieldReader.number(text, field: "ProductTarief")
            },
            ingediendBedrag: try FieldReader.amount(bedrag, field: "Bedrag"),
            debetCredit: try FieldReader.sign(debetCredit, field: "DebetCredit"))
    }
}
