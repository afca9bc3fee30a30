import Domain
import Foundation

/// Builds JW301 allocations as a gemeente's system sends them, shaped like the example
/// in `../shared/ijw-3.2` (tests validate it against JW301.xsd), with the values a test
/// varies. Plafond never writes JW301 itself, so the XML is spelled out here.
public struct JW301Fixture: Sendable {
    public struct Product: Sendable {
        public var toewijzing: String
        public var categorie: String?
        public var code: String?
        public var ingangsdatum: Day
        public var einddatum: Day?
        /// Volume, eenheid and frequentie (1 dag, 2 week, 4 maand, 6 totaal). A product with
        /// a code needs one (CD041): without it, and without a budget, it gets 100 hours a
        /// month, more than any test declares.
        public var omvang: (volume: Int64, eenheid: String, frequentie: String)?
        public var budgetCents: Int64?
        /// COD RedenWijziging, e.g. "13" to withdraw the allocation.
        public var redenWijziging: String?
        /// When the gemeente decided it (IV013); the message's Dagtekening when nil.
        public var toewijzingsdatum: Day?
        public var toewijzingstijd: String
        /// The request this allocation honours (TR379, IV097); nil on the gemeente's own initiative.
        public var referentieAanbieder: String?

        public init(
            toewijzing: String, categorie: String? = "45", code: String? = "45A03", ingangsdatum: Day,
            einddatum: Day? = nil, omvang: (volume: Int64, eenheid: String, frequentie: String)? = nil,
            budgetCents: Int64? = nil, redenWijziging: String? = nil, toewijzingsdatum: Day? = nil,
            toewijzingstijd: String = "09:00:00", referentieAanbieder: String? = nil
        ) {
            self.referentieAanbieder = referentieAanbieder
            self.toewijzingsdatum = toewijzingsdatum
            self.toewijzingstijd = toewijzingstijd
            self.toewijzing = toewijzing
            self.categorie = categorie
            self.code = code
            self.ingangsdatum = ingangsdatum
            self.einddatum = einddatum
            self.omvang = omvang ?? (code != nil && budgetCents == nil ? (100, "04", "4") : nil)
            self.budgetCents = budgetCents
            self.redenWijziging = redenWijziging
        }
    }

    public var afzender: String
    public var ontvanger: String
    public var identificatie: String
    public var dagtekening: Day
    public var bsn: String
    public var products: [Product]

    public init(
        afzender: String = "0268", ontvanger: String = "12345678", identificatie: String, dagtekening: Day,
        bsn: String = "999900006", products: [Product]
    ) {
        self.afzender = afzender
        self.ontvanger = ontvanger
        self.identificatie = identificatie
        self.dagtekening = dagtekening
        self.bsn = bsn
        self.products = products
    }

    public var data: Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jw301:Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:jw301="http://www.istandaarden.nl/ijw/3_2/jw301/schema">
            <jw301:Header><jw301:BerichtCode>436</jw301:BerichtCode><jw301:BerichtVersie>3</jw301:BerichtVersie><jw301:BerichtSubversie>2</jw301:BerichtSubversie>
            <jw301:Afzender>\(afzender)</jw301:Afzender><jw301:Ontvanger>\(ontvanger)</jw301:Ontvanger>
            <jw301:BerichtIdentificatie><ijw:Identificatie>\(identificatie)</ijw:Identificatie><ijw:Dagtekening>\(dagtekening.iso)</ijw:Dagtekening></jw301:BerichtIdentificatie>
            <jw301:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw301:XsdVersie>
            </jw301:Header>
            <jw301:Client><jw301:Bsn>\(bsn)</jw301:Bsn>
            <jw301:Geboortedatum><ijw:Datum>2012-03-04</ijw:Datum></jw301:Geboortedatum><jw301:Geslacht>2</jw301:Geslacht>
            <jw301:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam><ijw:Voorletters>E</ijw:Voorletters><ijw:NaamGebruik>1</ijw:NaamGebruik></jw301:Naam>
            <jw301:Contactgegevens><jw301:Contact><jw301:Soort>01</jw301:Soort><jw301:Adres><ijw:Huis><ijw:Huisnummer>1</ijw:Huisnummer></ijw:Huis><ijw:Postcode>6511AA</ijw:Postcode><ijw:Straatnaam>Grote Markt</ijw:Straatnaam><ijw:Plaatsnaam>Nijmegen</ijw:Plaatsnaam><ijw:LandCode>NL</ijw:LandCode></jw301:Adres></jw301:Contact></jw301:Contactgegevens>
            <jw301:ToegewezenProducten>
            """
        for product in products {
            xml += "<jw301:ToegewezenProduct><jw301:ToewijzingNummer>\(product.toewijzing)</jw301:ToewijzingNummer>"
            if let reference = product.referentieAanbieder {
                xml += "<jw301:ReferentieAanbieder>\(reference)</jw301:ReferentieAanbieder>"
            }
            if let categorie = product.categorie {
                xml += "<jw301:Product><ijw:Categorie>\(categorie)</ijw:Categorie>"
                if let code = product.code { xml += "<ijw:Code>\(code)</ijw:Code>" }
                xml += "</jw301:Product>"
            }
            xml += "<jw301:Toewijzingsdatum>\((product.toewijzingsdatum ?? dagtekening).iso)</jw301:Toewijzingsdatum>"
            xml += "<jw301:Toewijzingstijd>\(product.toewijzingstijd)</jw301:Toewijzingstijd>"
            xml += "<jw301:Ingangsdatum>\(product.ingangsdatum.iso)</jw301:Ingangsdatum>"
            if let end = product.einddatum { xml += "<jw301:Einddatum>\(end.iso)</jw301:Einddatum>" }
            if let reden = product.redenWijziging { xml += "<jw301:RedenWijziging>\(reden)</jw301:RedenWijziging>" }
            if let omvang = product.omvang {
                xml +=
                    "<jw301:Omvang><ijw:Volume>\(omvang.volume)</ijw:Volume><ijw:Eenheid>\(omvang.eenheid)</ijw:Eenheid><ijw:Frequentie>\(omvang.frequentie)</ijw:Frequentie></jw301:Omvang>"
            }
            if let budget = product.budgetCents { xml += "<jw301:Budget>\(budget)</jw301:Budget>" }
            xml += "</jw301:ToegewezenProduct>"
        }
        xml += "</jw301:ToegewezenProducten></jw301:Client></jw301:Bericht>\n"
        return Data(xml.utf8)
    }
}
