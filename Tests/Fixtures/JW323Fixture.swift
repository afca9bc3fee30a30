import Domain
import Foundation
import IJW

/// Builds JW323 declarations shaped like the examples in `../shared/ijw-3.2`, with the
/// values a test needs, so tests say what they vary and nothing else. The XML comes from
/// the product's own `JW323Writer`.
public struct JW323Fixture: Sendable {
    public struct Line: Sendable {
        public var referentie: String
        public var vorigeReferentie: String?
        public var toewijzing: String
        public var categorie: String
        public var productCode: String
        public var month: Month
        public var volume: Int64
        public var eenheid: String
        public var tariefCents: Int64?
        public var bedragCents: Int64
        public var debetCredit: String

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

        var line: DeclarationLine {
            DeclarationLine(
                referentieNummer: referentie, vorigReferentieNummer: vorigeReferentie, toewijzingNummer: toewijzing,
                productCategorie: categorie, productCode: productCode, productPeriode: .month(month),
                geleverdVolume: volume, eenheid: eenheid, productTarief: tariefCents, ingediendBedrag: bedragCents,
                debetCredit: debetCredit == "C" ? .credit : .debet)
        }
    }

    public var afzender = "12345678"
    public var ontvanger = "0268"
    public var identificatie: String
    public var dagtekening: Day
    public var declaratieNummer: String
    public var periode: Month
    public var clients: [(bsn: String, lines: [Line])]

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

    public var declaration: Declaration {
        .balanced(
            afzender: afzender, ontvanger: ontvanger, identificatie: identificatie, dagtekening: dagtekening,
            declaratieNummer: declaratieNummer, periode: periode,
            clients: clients.map { DeclaredClient(bsn: $0.bsn, lines: $0.lines.map(\.line)) })
    }

    public var data: Data { JW323Writer.write(declaration) }
}
