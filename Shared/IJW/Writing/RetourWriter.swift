import Domain
import Foundation

/// Writes the retour message that answers a JW301, JW305, JW307 or JW315 (JW302, JW306,
/// JW308, JW316), valid against its XSD, in header form: the original's header, the
/// answer's own id and date, and the retourcodes (none when the message is approved).
///
/// Plafond answers these messages whole (accepted with 0200, or refused with its codes).
/// The standard's product-level form echoes the client's name, birth date and products;
/// Plafond deliberately keeps no names, so it cannot echo them.
public enum RetourWriter {
    public enum Message: String, Sendable {
        case jw302, jw306, jw308, jw316

        var berichtCode: String {
            switch self {
            case .jw302: "437"
            case .jw306: "439"
            case .jw308: "441"
            case .jw316: "447"
            }
        }

        /// The retour message for the message read; nil for a JW323 (answered with a JW325).
        public init?(answering kind: IJWMessageKind) {
            switch kind {
            case .jw301: self = .jw302
            case .jw305: self = .jw306
            case .jw307: self = .jw308
            case .jw315: self = .jw316
            case .jw323: return nil
            }
        }
    }

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

    public static func write(_ message: Message, _ answer: Answer) -> Data {
        let p = message.rawValue
        let h = answer.original
        var xml = XMLText()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw(
            "<\(p):Bericht xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\" "
                + "xmlns:\(p)=\"http://www.istandaarden.nl/ijw/3_2/\(p)/schema\">")
        xml.open("\(p):Header")
        xml.element("\(p):BerichtCode", message.berichtCode)
        xml.element("\(p):BerichtVersie", "3")
        xml.element("\(p):BerichtSubversie", "2")
        xml.element("\(p):Afzender", h.afzender)
        xml.element("\(p):Ontvanger", h.ontvanger)
        xml.open("\(p):BerichtIdentificatie")
        xml.element("ijw:Identificatie", h.identificatie)
        xml.element("ijw:Dagtekening", h.dagtekening.iso)
        xml.close("\(p):BerichtIdentificatie")
        xml.open("\(p):XsdVersie")
        xml.element("ijw:BasisschemaXsdVersie", h.basisschemaXsdVersie)
        xml.element("ijw:BerichtXsdVersie", h.berichtXsdVersie)
        xml.close("\(p):XsdVersie")
        xml.element("\(p):IdentificatieRetour", answer.identificatieRetour)
        xml.element("\(p):DagtekeningRetour", answer.dagtekeningRetour.iso)
        xml.open("\(p):XsdVersieRetour")
        xml.element("ijw:BasisschemaXsdVersie", "1.0.0")
        xml.element("ijw:BerichtXsdVersie", "1.0.0")
        xml.close("\(p):XsdVersieRetour")
        // IV028: a fully approved message is answered with its header alone, no RetourCodes.
        if !answer.retourCodes.isEmpty {
            xml.open("\(p):RetourCodes")
            for code in answer.retourCodes { xml.element("\(p):RetourCode", code.code) }
            xml.close("\(p):RetourCodes")
        }
        xml.close("\(p):Header")
        xml.raw("</\(p):Bericht>\n")
        return Data(xml.text.utf8)
    }
}
