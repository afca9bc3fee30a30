/// An iJw retourcode with its meaning in Dutch, as an answer reports it.
public struct RetourCode: Sendable, Hashable, Codable, CustomStringConvertible {
    public let code: String
    public let meaning: String

    public init(code: String, meaning: String) {
        self.code = code
        self.meaning = meaning
    }

    public var description: String { code }

    public static let technischeAfwijzing = RetourCode(
        code: "0001", meaning: "bericht is afgekeurd om technische redenen")
    public static let geenOpmerking = RetourCode(code: "0200", meaning: "geen opmerking")
    public static let nietBeoordeeld = RetourCode(code: "0233", meaning: "niet beoordeeld")
    public static let volledigToegekend = RetourCode(code: "8001", meaning: "declaratie is volledig toegekend")
    public static let creditZonderDebet = RetourCode(
        code: "8017", meaning: "creditregel zonder eerder goedgekeurde debetregel")
    public static let referentieNummerNietUniek = RetourCode(
        code: "8021", meaning: "ReferentieNummer is al eerder gebruikt")
    public static let regelNietVoorClient = RetourCode(code: "8187", meaning: "regel hoort niet bij deze cliënt")
    public static let datumInToekomst = RetourCode(code: "8848", meaning: "datum ligt in de toekomst")
    public static let berichtIdentificatieNietUniek = RetourCode(
        code: "9056", meaning: "BerichtIdentificatie is niet uniek")
    public static let buitenToewijzingBegin = RetourCode(
        code: "9307", meaning: "prestatie valt (deels) vóór de toewijzingsperiode")
    public static let buitenToewijzingEind = RetourCode(
        code: "9308", meaning: "prestatie valt (deels) na de toewijzingsperiode")
    public static let productPeriodeNietInDeclaratiePeriode = RetourCode(
        code: "9319", meaning: "ProductPeriode valt niet in een huidige of eerdere declaratieperiode")
    public static let volumeBovenToewijzing = RetourCode(code: "9321", meaning: "volume is hoger dan toegewezen")
    public static let volumeBovenToewijzingPeriode = RetourCode(
        code: "9322", meaning: "volume is hoger dan toegewezen in de periode")
    public static let declaratieNummerNietUniek = RetourCode(code: "9333", meaning: "DeclaratieNummer is niet uniek")
    public static let geenToewijzing = RetourCode(code: "9338", meaning: "er is geen toewijzing voor deze prestatie")
    public static let categorieWijktAf = RetourCode(
        code: "9339", meaning: "productcategorie wijkt af van de toewijzing")
    public static let productCodeWijktAf = RetourCode(code: "9340", meaning: "productcode wijkt af van de toewijzing")
    public static let eenheidPastNiet = RetourCode(code: "9341", meaning: "eenheid past niet bij de toewijzing")
    public static let bedragOnjuist = RetourCode(
        code: "9346", meaning: "IngediendBedrag is niet gelijk aan volume maal tarief")
    public static let bovenBudget = RetourCode(code: "9369", meaning: "bedrag is hoger dan het toegewezen budget")
    public static let toewijzingVerwijderd = RetourCode(
        code: "9384", meaning: "declaratie op een verwijderde toewijzing (RedenWijziging 13)")
    public static let toewijzingHeeftGoedgekeurdeRegels = RetourCode(
        code: "9385", meaning: "toewijzing heeft goedgekeurde declaratieregels")
    public static let tweedeDebetZonderCredit = RetourCode(
        code: "9389", meaning: "tweede debetregel voor dezelfde toewijzing, periode en product zonder creditering")
    public static let regelAlGecrediteerd = RetourCode(code: "9390", meaning: "regel is al gecrediteerd")
    public static let tariefWijktAfVanContract = RetourCode(
        code: "0611", meaning: "tarief wijkt af van het contracttarief")
    public static let onbekendeGemeente = RetourCode(code: "S300", meaning: "gemeentecode is onbekend")
    public static let nietTeKoppelen = RetourCode(
        code: "9019", meaning: "bericht is niet te koppelen aan een toewijzing")
    public static let sleutelAlOntvangen = RetourCode(code: "9074", meaning: "bericht met deze sleutel is al ontvangen")
    public static let startNogNietGestopt = RetourCode(code: "9326", meaning: "huidige start is nog niet gestopt")
    public static let definitieveStopBestaat = RetourCode(code: "9415", meaning: "er bestaat al een definitieve stop")
    public static let geenEerderBericht = RetourCode(
        code: "9063", meaning: "het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is")
    public static let geenActueleStart = RetourCode(
        code: "9069", meaning: "er is geen actueel startbericht met dezelfde sleutel")
    public static let startAlGestopt = RetourCode(
        code: "9071", meaning: "het eerdere startbericht kan niet verwijderd worden omdat de zorg al beëindigd is")
    public static let toewijzingNummerNietUniek = RetourCode(
        code: "9332", meaning: "toewijzing heeft geen uniek nummer binnen het wettelijk domein")
    public static let referentieAanbiederNietUniek = RetourCode(
        code: "9347", meaning: "ReferentieAanbieder is niet uniek voor de aanbieder")
    public static let verzoekOnderhanden = RetourCode(code: "9374", meaning: "er is al een verzoek onderhanden")
    public static let referentieAanbiederVanAnderVerzoek = RetourCode(
        code: "9379",
        meaning: "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging")
    public static let begindatumNietEersteDag = RetourCode(
        code: "9387", meaning: "Begindatum van de ProductPeriode is niet de eerste dag van de maand of de Ingangsdatum")
    public static let einddatumNietLaatsteDag = RetourCode(
        code: "9388", meaning: "Einddatum van de ProductPeriode is niet de laatste dag van de maand of de Einddatum")
    public static let tijdelijkeStopNaTijdelijkeStop = RetourCode(
        code: "9413", meaning: "er is al een tijdelijke stop (RedenBeeindiging 20) voor deze start")
    public static let einddatumVoorActueleStop = RetourCode(
        code: "9414", meaning: "Einddatum ligt vóór de Einddatum van de actuele stop")
    public static let declaratiePeriodeNietAansluitend = RetourCode(
        code: "8214", meaning: "DeclaratiePeriode volgt niet op de voorgaande DeclaratiePeriode")
    public static let productCodeNietBijCategorie = RetourCode(
        code: "S329", meaning: "ProductCode hoort niet bij de ProductCategorie")

    public static let all: [RetourCode] = [
        technischeAfwijzing, geenOpmerking, nietBeoordeeld, volledigToegekend, creditZonderDebet,
        referentieNummerNietUniek, regelNietVoorClient, datumInToekomst, berichtIdentificatieNietUniek,
        buitenToewijzingBegin, buitenToewijzingEind, productPeriodeNietInDeclaratiePeriode, volumeBovenToewijzing,
        volumeBovenToewijzingPeriode, declaratieNummerNietUniek, geenToewijzing, categorieWijktAf, productCodeWijktAf,
        eenheidPastNiet, bedragOnjuist, bovenBudget, toewijzingVerwijderd, toewijzingHeeftGoedgekeurdeRegels,
        tweedeDebetZonderCredit, regelAlGecrediteerd,
        tariefWijktAfVanContract, onbekendeGemeente, nietTeKoppelen, sleutelAlOntvangen, startNogNietGestopt,
        definitieveStopBestaat, geenEerderBericht, geenActueleStart, startAlGestopt, toewijzingNummerNietUniek,
        referentieAanbiederNietUniek, verzoekOnderhanden, begindatumNietEersteDag, einddatumNietLaatsteDag,
        tijdelijkeStopNaTijdelijkeStop, einddatumVoorActueleStop, declaratiePeriodeNietAansluitend,
        productCodeNietBijCategorie,
    ]

    private static let byCode: [String: RetourCode] = Dictionary(
        all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    public static func lookup(_ code: String) -> RetourCode? { byCode[code] }
}
