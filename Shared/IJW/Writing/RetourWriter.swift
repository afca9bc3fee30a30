import Domain
import Foundation

/// Writes the retour message that answers a JW301, JW305, JW307 or JW315 (JW302, JW306,
/// JW308, JW316), valid against its XSD, in header form: the original's header, the
/// answer's own id and date, and the retourcodes (none when the message is approved).
///
/// A fault in the header or the message's content is answered in the header alone; a
/// fault in a product (or the Client) in IV028's product-level form: Header 0200, the
/// Client echoed unchanged with a RetourCode on every class (`RetourWriter+Echo`).
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
        /// The codes of the Client's classes, for the product-level form; nil for header only.
        public var client: ClientCodes?

        public init(
            original: MessageHeader, identificatieRetour: String, dagtekeningRetour: Day, retourCodes: [RetourCode],
            client: ClientCodes? = nil
        ) {
            self.original = original
            self.identificatieRetour = identificatieRetour
            self.dagtekeningRetour = dagtekeningRetour
            self.retourCodes = retourCodes
            self.client = client
        }
    }

    /// IV028 at the level of the Client: its own codes and each product's, in the order of
    /// the message (no code: 0200, no remarks on this class).
    public struct ClientCodes: Sendable, Equatable {
        public var client: [RetourCode]
        public var products: [[RetourCode]]

        public init(client: [RetourCode] = [], products: [[RetourCode]]) {
            self.client = client
            self.products = products
        }
    }

    /// The answer as sent; with `answer.client` and the message's `echo`, in the
    /// product-level form.
    public static func write(_ message: Message, _ answer: Answer, echo: ClientEcho? = nil) -> Data {
        write(message, answer) { xml in
            if let codes = answer.client, let echo { Self.echo(echo, codes, message, &xml) }
        }
    }

    static func write(_ message: Message, _ answer: Answer, body: (inout XMLText) -> Void) -> Data {
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
        body(&xml)
        xml.raw("</\(p):Bericht>\n")
        return Data(xml.text.utf8)
    }
}
