import Domain
import Foundation

/// Builds JW305 (start), JW307 (stop) and JW315 (request) messages as a provider's
/// system sends them, shaped like the examples in `../shared/ijw-3.2` (tests validate
/// them against the XSDs). Plafond never writes these itself.
public enum CareFixture {
    public struct Start: Sendable {
        public var toewijzing: String
        public var begindatum: Day
        public var status: String
        public init(toewijzing: String, begindatum: Day, status: String = "1") {
            self.toewijzing = toewijzing
            self.begindatum = begindatum
            self.status = status
        }
    }

    public struct Stop: Sendable {
        public var toewijzing: String
        public var begindatum: Day
        public var einddatum: Day
        public var reden: String
        public var status: String
        public init(toewijzing: String, begindatum: Day, einddatum: Day, reden: String = "31", status: String = "1") {
            self.toewijzing = toewijzing
            self.begindatum = begindatum
            self.einddatum = einddatum
            self.reden = reden
            self.status = status
        }
    }

    public static func start(
        identificatie: String, dagtekening: Day, afzender: String = "12345678", ontvanger: String = "0268",
        bsn: String = "999900006", products: [Start]
    ) -> Data {
        let body = products.map {
            "<jw305:StartProduct><jw305:ToewijzingNummer>\($0.toewijzing)</jw305:ToewijzingNummer>"
                + "<jw305:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A03</ijw:Code></jw305:Product>"
                + "<jw305:ToewijzingIngangsdatum>2026-01-01</jw305:ToewijzingIngangsdatum>"
                + "<jw305:Begindatum>\($0.begindatum.iso)</jw305:Begindatum>"
                + "<jw305:StatusAanlevering>\($0.status)</jw305:StatusAanlevering></jw305:StartProduct>"
        }.joined()
        return message(
            "jw305", code: "438", identificatie: identificatie, dagtekening: dagtekening, afzender: afzender,
            ontvanger: ontvanger, bsn: bsn, body: "<jw305:StartProducten>\(body)</jw305:StartProducten>")
    }

    public static func stop(
        identificatie: String, dagtekening: Day, afzender: String = "12345678", ontvanger: String = "0268",
        bsn: String = "999900006", products: [Stop]
    ) -> Data {
        let body = products.map {
            "<jw307:StopProduct><jw307:ToewijzingNummer>\($0.toewijzing)</jw307:ToewijzingNummer>"
                + "<jw307:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A03</ijw:Code></jw307:Product>"
                + "<jw307:ToewijzingIngangsdatum>2026-01-01</jw307:ToewijzingIngangsdatum>"
                + "<jw307:Begindatum>\($0.begindatum.iso)</jw307:Begindatum>"
                + "<jw307:RedenBeeindiging>\($0.reden)</jw307:RedenBeeindiging>"
                + "<jw307:Einddatum>\($0.einddatum.iso)</jw307:Einddatum>"
                + "<jw307:StatusAanlevering>\($0.status)</jw307:StatusAanlevering></jw307:StopProduct>"
        }.joined()
        return message(
            "jw307", code: "440", identificatie: identificatie, dagtekening: dagtekening, afzender: afzender,
            ontvanger: ontvanger, bsn: bsn, body: "<jw307:StopProducten>\(body)</jw307:StopProducten>")
    }

    /// A request for one product (6 hours a month of 45A03), referred by `verwijzerType`
    /// (COD327) named by its name, as CD041 and CD067 ask.
    public static func request(
        identificatie: String, dagtekening: Day, afzender: String = "12345678", ontvanger: String = "0268",
        bsn: String = "999900006", referentie: String, verwijzerType: String, ingangsdatum: Day,
        verwijzerNaam: String = "Verwijzer"
    ) -> Data {
        let body =
            "<jw315:AangevraagdeProducten><jw315:AangevraagdProduct>"
            + "<jw315:ReferentieAanbieder>\(referentie)</jw315:ReferentieAanbieder>"
            + "<jw315:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A03</ijw:Code></jw315:Product>"
            + "<jw315:ToewijzingIngangsdatum>\(ingangsdatum.iso)</jw315:ToewijzingIngangsdatum>"
            + "<jw315:Omvang><ijw:Volume>6</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid><ijw:Frequentie>4</ijw:Frequentie></jw315:Omvang>"
            + "<jw315:Verwijzer><ijw:Type>\(verwijzerType)</ijw:Type><ijw:Naam>\(verwijzerNaam)</ijw:Naam></jw315:Verwijzer>"
            + "</jw315:AangevraagdProduct></jw315:AangevraagdeProducten>"
        return message(
            "jw315", code: "446", identificatie: identificatie, dagtekening: dagtekening, afzender: afzender,
            ontvanger: ontvanger, bsn: bsn, body: body)
    }

    static func message(
        _ p: String, code: String, identificatie: String, dagtekening: Day, afzender: String, ontvanger: String,
        bsn: String, body: String
    ) -> Data {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(p):Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:\(p)="http://www.istandaarden.nl/ijw/3_2/\(p)/schema">
            <\(p):Header><\(p):BerichtCode>\(code)</\(p):BerichtCode><\(p):BerichtVersie>3</\(p):BerichtVersie><\(p):BerichtSubversie>2</\(p):BerichtSubversie>
            <\(p):Afzender>\(afzender)</\(p):Afzender><\(p):Ontvanger>\(ontvanger)</\(p):Ontvanger>
            <\(p):BerichtIdentificatie><ijw:Identificatie>\(identificatie)</ijw:Identificatie><ijw:Dagtekening>\(dagtekening.iso)</ijw:Dagtekening></\(p):BerichtIdentificatie>
            <\(p):XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></\(p):XsdVersie>
            </\(p):Header>
            <\(p):Client><\(p):Bsn>\(bsn)</\(p):Bsn>
            <\(p):Geboortedatum><ijw:Datum>2012-03-04</ijw:Datum></\(p):Geboortedatum><\(p):Geslacht>2</\(p):Geslacht>
            <\(p):Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam><ijw:Voorletters>E</ijw:Voorletters></\(p):Naam>
            \(body)
            </\(p):Client></\(p):Bericht>

            """
        return Data(xml.utf8)
    }
}
