import Domain
import Foundation

/// Builds JW323 declarations shaped like the examples in `../shared/ijw-3.2`, with the
/// values a test needs, so tests say what they vary and nothing else.
public struct JW323Fixture: Sendable {
    public struct Line: Sendable {
        public var referentie: String
        public var vorigeReferentie: String?
        public var toewijzing: String = "10072"
        public var categorie: String = "45"
        public var productCode: String = "45A03"
        public var month: Month
        public var volume: Int64
        public var eenheid: String = "04"
        public var tariefCents: Int64?
        public var bedragCents: Int64
        public var debetCredit: String = "D"

        public init(
            referentie: String, vorigeReferentie: String? = nil, toewijzing: String = "10072", categorie: String = "45",
            productCode: String = "45A03", month: Month, volume: Int64, eenheid: String = "04", tariefCents: Int64?,
            bedragCents: Int64? = nil, debetCredit: String = "D"
        ) {
            self.referentie = referentie
            self.vorigeReferentie = vorigeReferentie
            self.toewijzing = toewijzing
            self.categorie = categorie
            self.productCode = productCode
            self.month = month
            self.volume = volume
            self.eenheid = eenheid
            self.tariefCents = tariefCents
            self.bedragCents = bedragCents ?? (tariefCents.map { $0 * volume } ?? volume)
            self.debetCredit = debetCredit
        }
    }

    public var afzender = "12345678"
    public var ontvanger = "0268"
    public var identificatie: String
    public var dagtekening: Day
    public var declaratieNummer: String
    public var periode: Month
    public var clients: [(bsn: String, lines: [Line])]
    /// Overrides the computed total, to test the totals check.
    public var totaalOverride: (Int64, String)?

    public init(
        afzender: String = "12345678", ontvanger: String = "0268", identificatie: String, dagtekening: Day,
        declaratieNummer: String, periode: Month, clients: [(bsn: String, lines: [Line])]
    ) {
        self.afzender = afzender
        self.ontvanger = ontvanger
        self.identificatie = identificatie
        self.dagtekening = dagtekening
        self.declaratieNummer = declaratieNummer
        self.periode = periode
        self.clients = clients
    }

    public var xml: String {
        let net = clients.flatMap(\.lines).reduce(Int64(0)) {
            $0 + ($1.debetCredit == "C" ? -$1.bedragCents : $1.bedragCents)
        }
        let (total, sign) = totaalOverride ?? (abs(net), net < 0 ? "C" : "D")
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jw323:Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:jw323="http://www.istandaarden.nl/ijw/3_2/jw323/schema">
            <jw323:Header><jw323:BerichtCode>490</jw323:BerichtCode><jw323:BerichtVersie>3</jw323:BerichtVersie>\
            <jw323:BerichtSubversie>2</jw323:BerichtSubversie><jw323:Afzender>\(afzender)</jw323:Afzender>\
            <jw323:Ontvanger>\(ontvanger)</jw323:Ontvanger><jw323:BerichtIdentificatie><ijw:Identificatie>\(identificatie)</ijw:Identificatie>\
            <ijw:Dagtekening>\(dagtekening.iso)</ijw:Dagtekening></jw323:BerichtIdentificatie><jw323:XsdVersie>\
            <ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie>\
            </jw323:XsdVersie></jw323:Header>
            <jw323:Declaratie><jw323:DeclaratieNummer>\(declaratieNummer)</jw323:DeclaratieNummer>\
            <jw323:DeclaratiePeriode><ijw:Begindatum>\(periode.firstDay.iso)</ijw:Begindatum><ijw:Einddatum>\(periode.lastDay.iso)</ijw:Einddatum></jw323:DeclaratiePeriode>\
            <jw323:DeclaratieDagtekening>\(dagtekening.iso)</jw323:DeclaratieDagtekening>\
            <jw323:TotaalIngediendBedrag><ijw:TotaalBedrag>\(total)</ijw:TotaalBedrag><ijw:DebetCredit>\(sign)</ijw:DebetCredit></jw323:TotaalIngediendBedrag>
            <jw323:Clienten>
            """
        for client in clients {
            out += "<jw323:Client><jw323:Bsn>\(client.bsn)</jw323:Bsn><jw323:Prestaties>"
            for line in client.lines {
                out +=
                    "<jw323:Prestatie><jw323:ProductReferentie><ijw:ReferentieNummer>\(line.referentie)</ijw:ReferentieNummer>"
                if let vorige = line.vorigeReferentie {
                    out += "<ijw:VorigReferentieNummer>\(vorige)</ijw:VorigReferentieNummer>"
                }
                out += "</jw323:ProductReferentie><jw323:ToewijzingNummer>\(line.toewijzing)</jw323:ToewijzingNummer>"
                out +=
                    "<jw323:ProductCategorie>\(line.categorie)</jw323:ProductCategorie><jw323:ProductCode>\(line.productCode)</jw323:ProductCode>"
                out +=
                    "<jw323:ProductPeriode><ijw:Begindatum>\(line.month.firstDay.iso)</ijw:Begindatum><ijw:Einddatum>\(line.month.lastDay.iso)</ijw:Einddatum></jw323:ProductPeriode>"
                out +=
                    "<jw323:GeleverdVolume>\(line.volume)</jw323:GeleverdVolume><jw323:Eenheid>\(line.eenheid)</jw323:Eenheid>"
                if let tarief = line.tariefCents { out += "<jw323:ProductTarief>\(tarief)</jw323:ProductTarief>" }
                out +=
                    "<jw323:IngediendBedrag><ijw:Bedrag>\(line.bedragCents)</ijw:Bedrag><ijw:DebetCredit>\(line.debetCredit)</ijw:DebetCredit></jw323:IngediendBedrag></jw323:Prestatie>"
            }
            out += "</jw323:Prestaties></jw323:Client>\n"
        }
        out += "</jw323:Clienten></jw323:Declaratie></jw323:Bericht>\n"
        return out
    }

    public var data: Data { Data(xml.utf8) }
}
