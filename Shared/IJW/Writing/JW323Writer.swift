import Domain
import Foundation

/// Writes a `Declaration` as a JW323 document (for load generation, demos and tests;
/// intake itself only reads them). Elements in JW323.xsd's order.
public enum JW323Writer {
    public static func write(_ declaration: Declaration) -> Data {
        var xml = XMLText()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw(
            "<jw323:Bericht xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\" "
                + "xmlns:jw323=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema\">")
        let h = declaration.header
        xml.open("jw323:Header")
        xml.element("jw323:BerichtCode", h.berichtCode)
        xml.element("jw323:BerichtVersie", h.berichtVersie)
        xml.element("jw323:BerichtSubversie", h.berichtSubversie)
        xml.element("jw323:Afzender", h.afzender)
        xml.element("jw323:Ontvanger", h.ontvanger)
        xml.open("jw323:BerichtIdentificatie")
        xml.element("ijw:Identificatie", h.identificatie)
        xml.element("ijw:Dagtekening", h.dagtekening.iso)
        xml.close("jw323:BerichtIdentificatie")
        xml.open("jw323:XsdVersie")
        xml.element("ijw:BasisschemaXsdVersie", h.basisschemaXsdVersie)
        xml.element("ijw:BerichtXsdVersie", h.berichtXsdVersie)
        xml.close("jw323:XsdVersie")
        xml.close("jw323:Header")
        xml.open("jw323:Declaratie")
        xml.element("jw323:DeclaratieNummer", declaration.declaratieNummer)
        period(&xml, "jw323:DeclaratiePeriode", declaration.declaratiePeriode)
        xml.element("jw323:DeclaratieDagtekening", declaration.dagtekening.iso)
        xml.open("jw323:TotaalIngediendBedrag")
        xml.element("ijw:TotaalBedrag", String(declaration.totaalIngediendBedrag))
        xml.element("ijw:DebetCredit", declaration.totaalDebetCredit.rawValue)
        xml.close("jw323:TotaalIngediendBedrag")
        xml.open("jw323:Clienten")
        for client in declaration.clients {
            xml.open("jw323:Client")
            xml.element("jw323:Bsn", client.bsn)
            xml.open("jw323:Prestaties")
            for line in client.lines { prestatie(&xml, line) }
            xml.close("jw323:Prestaties")
            xml.close("jw323:Client")
        }
        xml.close("jw323:Clienten")
        xml.close("jw323:Declaratie")
        xml.raw("</jw323:Bericht>\n")
        return Data(xml.text.utf8)
    }

    private static func prestatie(_ xml: inout XMLText, _ line: DeclarationLine) {
        xml.open("jw323:Prestatie")
        xml.open("jw323:ProductReferentie")
        xml.element("ijw:ReferentieNummer", line.referentieNummer)
        if let previous = line.vorigReferentieNummer { xml.element("ijw:VorigReferentieNummer", previous) }
        xml.close("jw323:ProductReferentie")
        xml.element("jw323:ToewijzingNummer", line.toewijzingNummer)
        xml.element("jw323:ProductCategorie", line.productCategorie)
        xml.element("jw323:ProductCode", line.productCode)
        period(&xml, "jw323:ProductPeriode", line.productPeriode)
        xml.element("jw323:GeleverdVolume", String(line.geleverdVolume))
        xml.element("jw323:Eenheid", line.eenheid)
        if let tariff = line.productTarief { xml.element("jw323:ProductTarief", String(tariff)) }
        xml.open("jw323:IngediendBedrag")
        xml.element("ijw:Bedrag", String(line.ingediendBedrag))
        xml.element("ijw:DebetCredit", line.debetCredit.rawValue)
        xml.close("jw323:IngediendBedrag")
        xml.close("jw323:Prestatie")
    }

    private static func period(_ xml: inout XMLText, _ name: String, _ period: Period) {
        xml.open(name)
        xml.element("ijw:Begindatum", period.start.iso)
        xml.element("ijw:Einddatum", period.end.iso)
        xml.close(name)
    }
}

extension Declaration {
    /// A declaration whose total is what its lines add up to (debits − credits), with a
    /// standard 3.2 header: what a well-behaved provider system sends.
    public static func balanced(
        afzender: String, ontvanger: String, identificatie: String, dagtekening: Day, declaratieNummer: String,
        periode: Month, clients: [DeclaredClient]
    ) -> Declaration {
        let net = clients.flatMap(\.lines).reduce(Int64(0)) { $0 + $1.signedAmount.cents }
        return Declaration(
            header: MessageHeader(
                berichtCode: "490", berichtVersie: "3", berichtSubversie: "2", afzender: afzender, ontvanger: ontvanger,
                identificatie: identificatie, dagtekening: dagtekening, basisschemaXsdVersie: "1.0.0",
                berichtXsdVersie: "1.0.0"),
            declaratieNummer: declaratieNummer, declaratiePeriode: .month(periode), dagtekening: dagtekening,
            totaalIngediendBedrag: abs(net),
            totaalDebetCredit: net < 0 ? .credit : .debet, clients: clients)
    }
}
