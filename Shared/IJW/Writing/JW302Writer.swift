import Domain
import Foundation

/// Writes the answer to a JW301 as a JW302 valid against JW302.xsd, in header form: the
/// original's header, the answer's own id and date, and the retourcodes.
///
/// Plafond answers an allocation whole (accepted with 0200, or refused with its codes).
/// The standard's product-level form echoes the client's names and addresses, which
/// Plafond deliberately never keeps.
public enum JW302Writer {
    public struct Answer: Sendable, Equatable {
        public var original: MessageHeader
        public var identificatieRetour: String
        public var dagtekeningRetour: Day
        public var retourCodes: [RetourCode]

        public init(
            original: MessageHeader, identificatieRetour: String, dagtekeningRetour: Day, retourCodes: [RetourCode]
        ) {
            self.original = original
            self.identificatieRetour = identificatieRetour
            self.dagtekeningRetour = dagtekeningRetour
            self.retourCodes = retourCodes
        }
    }

    public static func write(_ answer: Answer) -> Data {
        let h = answer.original
        var xml = XMLText()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw(
            "<jw302:Bericht xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\" "
                + "xmlns:jw302=\"http://www.istandaarden.nl/ijw/3_2/jw302/schema\">")
        xml.open("jw302:Header")
        xml.element("jw302:BerichtCode", "437")
        xml.element("jw302:BerichtVersie", "3")
        xml.element("jw302:BerichtSubversie", "2")
        xml.element("jw302:Afzender", h.afzender)
        xml.element("jw302:Ontvanger", h.ontvanger)
        xml.open("jw302:BerichtIdentificatie")
        xml.element("ijw:Identificatie", h.identificatie)
        xml.element("ijw:Dagtekening", h.dagtekening.iso)
        xml.close("jw302:BerichtIdentificatie")
        xml.open("jw302:XsdVersie")
        xml.element("ijw:BasisschemaXsdVersie", h.basisschemaXsdVersie)
        xml.element("ijw:BerichtXsdVersie", h.berichtXsdVersie)
        xml.close("jw302:XsdVersie")
        xml.element("jw302:IdentificatieRetour", answer.identificatieRetour)
        xml.element("jw302:DagtekeningRetour", answer.dagtekeningRetour.iso)
        xml.open("jw302:XsdVersieRetour")
        xml.element("ijw:BasisschemaXsdVersie", "1.0.0")
        xml.element("ijw:BerichtXsdVersie", "1.0.0")
        xml.close("jw302:XsdVersieRetour")
        xml.open("jw302:RetourCodes")
        for code in answer.retourCodes { xml.element("jw302:RetourCode", code.code) }
        xml.close("jw302:RetourCodes")
        xml.close("jw302:Header")
        xml.raw("</jw302:Bericht>\n")
        return Data(xml.text.utf8)
    }
}
