import CLibXML2
import Foundation

/// The Client of a JW301, JW305, JW307 or JW315 as read, element for element, for the one
/// thing IV028 needs it for: echoing it unchanged in the retour when a product (or the
/// Client) has a fault. It holds names, birth dates and addresses: it lives only while
/// the answer is written and is never stored or logged (the stored answer holds a
/// placeholder, `RetourWriter.storedForm`).
///
/// Read with libxml2's tree parser from a document `IJWReader` has already accepted (no
/// DTD, well-formed, bounded): these messages are a few kilobytes, and an echo is needed
/// only for a refused one.
public struct ClientEcho: Sendable, Equatable {
    /// One element: its local name, whether it is in the message's own namespace (the
    /// retour writes those in its own) or the basisschema's, and its text or children.
    public struct Element: Sendable, Equatable {
        public var name: String
        public var inMessageNamespace: Bool
        public var text: String?
        public var children: [Element]
    }

    public let client: Element

    static let basisschema = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"

    /// The document's Client; nil when it has none (or is no document at all).
    public init?(document: Data) {
        xmlInitParser()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = document.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlReadMemory(base, Int32(raw.count), nil, nil, options)
        }
        guard let parsed else { return nil }
        defer { xmlFreeDoc(parsed) }
        guard let root = xmlDocGetRootElement(parsed),
            let client = Self.elements(under: root).first(where: { Self.name($0) == "Client" })
        else { return nil }
        self.client = Self.element(client)
    }

    private static func element(_ node: xmlNodePtr) -> Element {
        let children = elements(under: node)
        var text: String?
        if children.isEmpty {
            var gathered = ""
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                    let content = current.pointee.content
                {
                    gathered += String(cString: content)
                }
                child = current.pointee.next
            }
            text = gathered
        }
        return Element(
            name: name(node), inMessageNamespace: namespace(node) != basisschema, text: text,
            children: children.map { element($0) })
    }

    private static func elements(under node: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { found.append(current) }
            child = current.pointee.next
        }
        return found
    }

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func namespace(_ node: xmlNodePtr) -> String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }
}
