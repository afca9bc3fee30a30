import Domain
import Foundation

/// Writes a `DeclarationAnswer` as a JW325 document valid against JW325.xsd: the
/// elements in the schema's order, text escaped, amounts as magnitude plus D/C.
public enum JW325Writer {
    public static func write(_ answer: DeclarationAnswer) -> Data {
        var xml = XMLText()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw(
            "<jw325:Bericht xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\" "
                + "xmlns:jw325=\"http://www.istandaarden.nl/ijw/3_2/jw325/schema\">")
        let h = answer.header
        xml.open("jw325:Header")
        xml.element("jw325:BerichtCode", "491")
        xml.element("jw325:BerichtVersie", "3")
        xml.element("jw325:BerichtSubversie", "2")
        xml.element("jw325:Afzender", h.afzender)
        xml.element("jw325:Ontvanger", h.ontvanger)
        xml.open("jw325:BerichtIdentificatie")
        xml.element("ijw:Identificatie", h.identificatie)
        xml.element("ijw:Dagtekening", h.dagtekening.iso)
        xml.close("jw325:BerichtIdentificatie")
        versions(&xml, "jw325:XsdVersie", basis: "1.0.0", bericht: "1.0.0")
        xml.open("jw325:DeclaratieIdentificatie")
        xml.element("ijw:Identificatie", h.declaratieIdentificatie)
        xml.element("ijw:Dagtekening", h.declaratieDagtekening.iso)
        xml.close("jw325:DeclaratieIdentificatie")
        xml.element("jw325:XsltVersie", "1.0.0")
        versions(&xml, "jw325:XsdVersieDeclaratie", basis: h.basisschemaXsdVersie, bericht: h.berichtXsdVersie)
        codes(&xml, h.retourCodes)
        xml.close("jw325:Header")
        if let body = answer.body {
            xml.open("jw325:DeclaratieAntwoord")
            xml.element("jw325:DeclaratieNummer", body.declaratieNummer)
            total(&xml, "jw325:TotaalIngediendBedrag", body.totaalIngediend)
            total(&xml, "jw325:TotaalToegekendBedrag", body.totaalToegekend)
            if !body.clients.isEmpty {
                xml.open("jw325:Clienten")
                for client in body.clients {
                    xml.open("jw325:Client")
                    xml.element("jw325:Bsn", client.bsn)
                    xml.open("jw325:Prestaties")
                    for rejected in client.lines { prestatie(&xml, rejected) }
                    xml.close("jw325:Prestaties")
                    codes(&xml, client.retourCodes)
                    xml.close("jw325:Client")
                }
                xml.close("jw325:Clienten")
            }
            codes(&xml, body.retourCodes)
            xml.close("jw325:DeclaratieAntwoord")
        }
        xml.raw("</jw325:Bericht>\n")
        return Data(xml.text.utf8)
    }

    private static func prestatie(_ xml: inout XMLText, _ rejected: DeclarationAnswer.RejectedLine) {
        let line = rejected.line
        xml.open("jw325:Prestatie")
        xml.open("jw325:ProductReferentie")
        xml.element("ijw:ReferentieNummer", line.referentieNummer)
        if let previous = line.vorigReferentieNummer { xml.element("ijw:VorigReferentieNummer", previous) }
        xml.close("jw325:ProductReferentie")
        xml.element("jw325:ToewijzingNummer", line.toewijzingNummer)
        xml.element("jw325:ProductCategorie", line.productCategorie)
        xml.element("jw325:ProductCode", line.productCode)
        xml.open("jw325:ProductPeriode")
        xml.element("ijw:Begindatum", line.productPeriode.start.iso)
        xml.element("ijw:Einddatum", line.productPeriode.end.iso)
        xml.close("jw325:ProductPeriode")
        xml.element("jw325:GeleverdVolume", String(line.geleverdVolume))
        xml.element("jw325:Eenheid", line.eenheid)
        if let tariff = line.productTarief { xml.element("jw325:ProductTarief", String(tariff)) }
        xml.open("jw325:IngediendBedrag")
        xml.element("ijw:Bedrag", String(line.ingediendBedrag))
        xml.element("ijw:DebetCredit", line.debetCredit.rawValue)
        xml.close("jw325:IngediendBedrag")
        codes(&xml, rejected.retourCodes)
        xml.close("jw325:Prestatie")
    }

    private static func versions(_ xml: inout XMLText, _ name: String, basis: String, bericht: String) {
        xml.open(name)
        xml.element("ijw:BasisschemaXsdVersie", basis)
        xml.element("ijw:BerichtXsdVersie", bericht)
        xml.close(name)
    }

    private static func total(_ xml: inout XMLText, _ name: String, _ amount: Money) {
        xml.open(name)
        xml.element("ijw:TotaalBedrag", String(amount.cents.magnitude))
        xml.element("ijw:DebetCredit", amount.cents < 0 ? "C" : "D")
        xml.close(name)
    }

    private static func codes(_ xml: inout XMLText, _ codes: [RetourCode]) {
        xml.open("jw325:RetourCodes")
        for code in codes.isEmpty ? [.geenOpmerking] : codes { xml.element("jw325:RetourCode", code.code) }
        xml.close("jw325:RetourCodes")
    }
}

/// A minimal, escaping XML text builder (the writer needs nothing more).
struct XMLText {
    private(set) var text = ""

    mutating func raw(_ string: String) { text += string }
    mutating func open(_ name: String) { text += "<\(name)>" }
    mutating func close(_ name: String) { text += "</\(name)>" }

    mutating func element(_ name: String, _ value: String) {
        text += "<\(name)>"
        text += Markup.escape(value)
        text += "</\(name)>"
    }
}
