import CLibXML2
import Foundation

/// The SAX reader: libxml2's SAX2 parser over the message's bytes, keeping the path of
/// element names and handing each finished text element to the message builder. It
/// stops the parse at the first violation.
///
/// Why not Foundation's XMLParser (which also sits on libxml2): it makes a `String` of
/// every name and every piece of text and calls through Objective-C-style delegation;
/// reading was a third of intake's time. Here element names come from libxml2's own
/// dictionary (the same pointer for the same name in one parse), so each name becomes a
/// `String` once per message, and text is gathered as bytes.
final class ElementCollector {
    private let limits: IJWReader.Limits
    private var path: [String] = []
    private var text: [UInt8] = []
    private var names: [UnsafeRawPointer: String] = [:]
    private var builder: (any MessageBuilder)?
    private var parser: xmlParserCtxtPtr?
    private(set) var failure: IJWReadError?
    private(set) var message: IJWMessage?
    var hasUnclosedElements: Bool { !path.isEmpty }

    /// How much of the document libxml2 gets per call.
    static let chunkBytes = 1 << 20

    init(limits: IJWReader.Limits) {
        self.limits = limits
        text.reserveCapacity(256)
    }

    /// Parses the whole document; returns libxml2's own complaint when it is not
    /// well-formed (nil when it is, or when the collector stopped it for a reason of its own).
    func parse(_ bytes: UnsafeRawBufferPointer) -> String? {
        SAX.initialise
        var handler = SAX.handler()
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, nil) else {
            return "libxml2 kon geen parser maken"
        }
        defer { xmlFreeParserCtxt(parser) }
        self.parser = parser
        // No network, no entity substitution, no libxml2 output on stderr: problems come
        // back as the error below.
        xmlCtxtUseOptions(
            parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        // Fed in chunks: handed a whole document over 10 MB in one call, libxml2 stops
        // with "Huge input lookup" (its limit without XML_PARSE_HUGE, which would also
        // lift its own depth and text limits); in chunks it keeps its buffer small.
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var offset = 0
        var result: Int32 = 0
        repeat {
            let length = min(Self.chunkBytes, bytes.count - offset)
            let last = offset + length == bytes.count
            result = xmlParseChunk(parser, base.map { $0 + offset }, Int32(length), last ? 1 : 0)
            offset += length
        } while result == 0 && failure == nil && offset < bytes.count
        guard failure == nil else { return nil }
        if result != 0 {
            guard let error = xmlCtxtGetLastError(parser), let text = error.pointee.message else {
                return "onbekende fout"
            }
            return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    private func fail(_ error: IJWReadError) {
        guard failure == nil else { return }
        var error = error
        if error.messageKind == nil { error.messageKind = builder?.messageKind }
        failure = error
        if let parser { xmlStopParser(parser) }
    }

    private func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        if let known = names[UnsafeRawPointer(pointer)] { return known }
        let made = String(cString: pointer)
        names[UnsafeRawPointer(pointer)] = made
        return made
    }

    fileprivate func startElement(_ localName: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) {
        guard failure == nil else { return }
        let name = self.name(localName)
        if path.isEmpty {
            let namespaceURI = namespace.map { String(cString: $0) }
            guard name == "Bericht", let chosen = MessageBuilders.builder(forNamespace: namespaceURI) else {
                return fail(
                    IJWReadError(.unknownMessage, "onbekend bericht \(name) (\(namespaceURI ?? "geen namespace"))"))
            }
            builder = chosen
        }
        path.append(name)
        guard path.count <= limits.maxDepth else {
            return fail(IJWReadError(.tooDeep, "bericht is dieper genest dan \(limits.maxDepth) niveaus"))
        }
        text.removeAll(keepingCapacity: true)
        builder?.start(name, path: path)
    }

    fileprivate func characters(_ bytes: UnsafePointer<xmlChar>, count: Int) {
        guard failure == nil else { return }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        if text.count > limits.maxTextLength {
            fail(IJWReadError(.structure, "tekst van \(path.last ?? "?") is te lang"))
        }
    }

    fileprivate func endElement() {
        guard failure == nil, let builder, let name = path.last else { return }
        do {
            try builder.end(name, path: path, text: trimmedText())
        } catch {
            var withHeader = error
            if withHeader.header == nil { withHeader.header = builder.completeHeader }
            return fail(withHeader)
        }
        path.removeLast()
        text.removeAll(keepingCapacity: true)
        if path.isEmpty {
            do {
                message = try builder.build()
            } catch {
                fail(error)
            }
        }
    }

    fileprivate func entityDeclared() {
        fail(IJWReadError(.forbiddenDTD, "entiteiten zijn niet toegestaan"))
    }

    /// The element's text without the XML whitespace around it.
    private func trimmedText() -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var start = 0
        var end = text.count
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        return String(decoding: text[start..<end], as: UTF8.self)
    }
}

/// libxml2's callbacks are C functions: each finds its collector through the context
/// pointer the parser was created with.
private enum SAX {
    static let initialise: Void = xmlInitParser()

    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, localName, _, namespace, _, _, _, _, _ in
            guard let context, let localName else { return }
            collector(context).startElement(localName, namespace: namespace)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            collector(context).endElement()
        }
        handler.characters = { context, bytes, count in
            guard let context, let bytes else { return }
            collector(context).characters(bytes, count: Int(count))
        }
        handler.cdataBlock = handler.characters
        handler.entityDecl = { context, _, _, _, _, _ in
            guard let context else { return }
            collector(context).entityDeclared()
        }
        return handler
    }
}

private func collector(_ context: UnsafeMutableRawPointer) -> ElementCollector {
    Unmanaged<ElementCollector>.fromOpaque(context).takeUnretainedValue()
}
