import Domain
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads iJw 3.2 messages with a streaming parser (Foundation's XMLParser over libxml2):
/// no DOM of a 25 MB file, no DTD, no entity expansion, bounded depth and text size.
public enum IJWReader {
    public struct Limits: Sendable {
        public var maxBytes: Int
        public var maxDepth: Int
        public var maxTextLength: Int

        public static let standard = Limits(maxBytes: 25 * 1024 * 1024, maxDepth: 32, maxTextLength: 4096)

        public init(maxBytes: Int, maxDepth: Int, maxTextLength: Int) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxTextLength = maxTextLength
        }
    }

    public static func read(_ data: Data, limits: Limits = .standard) throws(IJWReadError) -> IJWMessage {
        guard data.count <= limits.maxBytes else {
            throw IJWReadError(.tooLarge, "bericht is groter dan \(limits.maxBytes / 1024 / 1024) MB")
        }
        guard !data.isEmpty else { throw IJWReadError(.notXML, "leeg bericht") }
        // Refused before parsing: a DTD is where entity bombs and external entities live.
        if contains(data, "<!DOCTYPE") || contains(data, "<!ENTITY") {
            throw IJWReadError(.forbiddenDTD, "DTD's en entiteiten zijn niet toegestaan")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw IJWReadError(.notXML, "bericht is geen geldige UTF-8")
        }
        let collector = ElementCollector(limits: limits)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let parsed = parser.parse()
        if let error = collector.failure { throw error }
        // libxml2 may report success at a premature end of input: unclosed elements
        // mean the document was cut off.
        guard parsed, !collector.hasUnclosedElements else {
            throw IJWReadError(
                .notXML,
                "geen welgevormde XML: \(parser.parserError.map { "\($0.localizedDescription)" } ?? "onbekende fout")")
        }
        guard let message = collector.message else {
            throw IJWReadError(.unknownMessage, "geen iJw-bericht dat Plafond ontvangt")
        }
        return message
    }

    static func contains(_ data: Data, _ needle: String) -> Bool {
        data.range(of: Data(needle.utf8)) != nil
    }
}

/// The SAX delegate: keeps the path of element names and hands each finished text
/// element to the message builder. It stops the parse at the first violation.
final class ElementCollector: NSObject, XMLParserDelegate {
    private let limits: IJWReader.Limits
    private var path: [String] = []
    private var text = ""
    private var builder: (any MessageBuilder)?
    private(set) var failure: IJWReadError?
    private(set) var message: IJWMessage?
    var hasUnclosedElements: Bool { !path.isEmpty }

    init(limits: IJWReader.Limits) {
        self.limits = limits
    }

    private func fail(_ error: IJWReadError, _ parser: XMLParser) {
        guard failure == nil else { return }
        failure = error
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        if path.isEmpty {
            guard name == "Bericht", let chosen = MessageBuilders.builder(forNamespace: namespaceURI) else {
                return fail(
                    IJWReadError(.unknownMessage, "onbekend bericht \(name) (\(namespaceURI ?? "geen namespace"))"),
                    parser)
            }
            builder = chosen
        }
        path.append(name)
        guard path.count <= limits.maxDepth else {
            return fail(IJWReadError(.tooDeep, "bericht is dieper genest dan \(limits.maxDepth) niveaus"), parser)
        }
        text = ""
        builder?.start(name, path: path)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        text += string
        if text.utf8.count > limits.maxTextLength {
            fail(IJWReadError(.structure, "tekst van \(path.last ?? "?") is te lang"), parser)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil, let builder else { return }
        do {
            try builder.end(name, path: path, text: text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            var withHeader = error
            if withHeader.header == nil { withHeader.header = builder.completeHeader }
            return fail(withHeader, parser)
        }
        path.removeLast()
        text = ""
        if path.isEmpty {
            do {
                message = try builder.build()
            } catch {
                fail(error, parser)
            }
        }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(IJWReadError(.forbiddenDTD, "entiteiten zijn niet toegestaan"), parser)
    }

    func parser(
        _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
    ) {
        fail(IJWReadError(.forbiddenDTD, "externe entiteiten zijn niet toegestaan"), parser)
    }
}
