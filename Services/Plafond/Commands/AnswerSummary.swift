import Domain
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an answer (iJw retour or Plafond fault) just enough to summarise it in Dutch.
final class AnswerSummary: NSObject, XMLParserDelegate {
    private(set) var messageCodes: [String] = []
    private(set) var rejectedLines: [(referentie: String, codes: [String])] = []
    private(set) var fault: String?
    /// Codes on a client or product of a start, stop, request or allocation answer (IV028's
    /// product-level form), other than 0200 (accepted) and 0233 (not checked).
    private(set) var productCodes: [String] = []
    private var path: [String] = []
    private var text = ""
    private var currentReferentie: String?
    private var currentCodes: [String] = []

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        parser.parse()
    }

    /// Every line and the message taken: 8001, or 0200 on a header with no refused line,
    /// or an approved start/stop/request with no RetourCode at all.
    var fullyAccepted: Bool {
        fault == nil && rejectedLines.isEmpty && productCodes.isEmpty
            && messageCodes.allSatisfy { $0 == "8001" || $0 == "0200" }
    }

    var dutch: String {
        if let fault { return "niet verwerkt: \(fault)" }
        var parts: [String] = []
        let explained = messageCodes.map { code in "\(code) \(RetourCode.lookup(code)?.meaning ?? "")" }
        if !explained.isEmpty { parts.append(explained.joined(separator: "; ")) }
        if !productCodes.isEmpty {
            parts.append(
                "afgewezen: "
                    + productCodes.map { "\($0) \(RetourCode.lookup($0)?.meaning ?? "")" }.joined(separator: "; "))
        }
        if !rejectedLines.isEmpty {
            let lines = rejectedLines.map { line in
                "\(line.referentie): "
                    + line.codes.map { "\($0) \(RetourCode.lookup($0)?.meaning ?? "")" }.joined(separator: ", ")
            }
            parts.append("\(rejectedLines.count) regel(s) afgewezen: " + lines.joined(separator: "; "))
        }
        return parts.joined(separator: " | ")
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        path.append(local)
        text = ""
        if local == "Prestatie" {
            currentReferentie = nil
            currentCodes = []
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let local = path.popLast() ?? name
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch local {
        case "ReferentieNummer" where path.contains("Prestatie"):
            currentReferentie = value
        case "RetourCode" where path.contains("Prestatie"):
            currentCodes.append(value)
        case "RetourCode" where path.contains("Client"):
            if value != "0200" && value != "0233" { productCodes.append(value) }
        case "RetourCode":
            messageCodes.append(value)
        case "Prestatie":
            rejectedLines.append((currentReferentie ?? "?", currentCodes))
        case "Omschrijving" where path.last == "PlafondFout":
            fault = value
        default:
            break
        }
        text = ""
    }
}
