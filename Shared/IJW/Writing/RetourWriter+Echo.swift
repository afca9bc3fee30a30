import Domain
import Foundation

/// IV028's product-level form: "all classes of that Client are taken over unchanged in the
/// retour, each with a RetourCode": 0200 for no remarks, 0233 for a class not checked
/// (intake checks no relation or contact), the rule's code for a fault. Every class's
/// RetourCodes is its last element in JW302/306/308/316.xsd, so the echo is the Client as
/// read with RetourCodes appended to each class, in the retour's namespace.
extension RetourWriter {
    /// The products of each retour: the class that carries the product-level codes.
    static func productClass(_ message: Message) -> String {
        switch message {
        case .jw302: "ToegewezenProduct"
        case .jw306: "StartProduct"
        case .jw308: "StopProduct"
        case .jw316: "AangevraagdProduct"
        }
    }

    /// Classes of a JW302 Client that intake does not read, so does not check.
    static let uncheckedClasses: Set<String> = ["Relatie", "Contact"]

    static func echo(_ echo: ClientEcho, _ codes: ClientCodes, _ message: Message, _ xml: inout XMLText) {
        var product = 0
        write(echo.client, isClient: true, codes, message, &xml, product: &product)
    }

    private static func write(
        _ element: ClientEcho.Element, isClient: Bool, _ codes: ClientCodes, _ message: Message,
        _ xml: inout XMLText, product: inout Int
    ) {
        let name = (element.inMessageNamespace ? message.rawValue : "ijw") + ":" + element.name
        if let text = element.text {
            xml.element(name, text)
            return
        }
        xml.open(name)
        for child in element.children {
            write(child, isClient: false, codes, message, &xml, product: &product)
        }
        if element.inMessageNamespace {
            if isClient {
                retourCodes(codes.client, message, &xml)
            } else if element.name == productClass(message) {
                retourCodes(product < codes.products.count ? codes.products[product] : [], message, &xml)
                product += 1
            } else if message == .jw302 && uncheckedClasses.contains(element.name) {
                retourCodes([.nietBeoordeeld], message, &xml)
            }
        }
        xml.close(name)
    }

    private static func retourCodes(_ codes: [RetourCode], _ message: Message, _ xml: inout XMLText) {
        let p = message.rawValue
        xml.open("\(p):RetourCodes")
        for code in codes.isEmpty ? [.geenOpmerking] : codes { xml.element("\(p):RetourCode", code.code) }
        xml.close("\(p):RetourCodes")
    }
}
