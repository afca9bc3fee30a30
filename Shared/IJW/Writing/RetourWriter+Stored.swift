import Domain
import Foundation

/// The product-level answer as intake stores it, to give an identical resend the same
/// bytes: the echoed Client holds names and birth dates, which intake keeps nowhere, so
/// the stored form has a comment with the classes' codes in its place, and the resend
/// (byte for byte the same message, so the same Client) fills it in again.
extension RetourWriter {
    static let placeholderStart = "<!--plafond-echo:"
    static let placeholderEnd = "-->"

    /// What intake stores for `answer`: with the Client's codes, not the Client.
    public static func storedForm(_ message: Message, _ answer: Answer) -> Data {
        write(message, answer) { xml in
            guard let codes = answer.client else { return }
            let groups = [codes.client] + codes.products
            xml.raw(
                placeholderStart + groups.map { $0.map(\.code).joined(separator: ",") }.joined(separator: "|")
                    + placeholderEnd)
        }
    }

    /// The answer sent again for an identical resend: `stored` with the Client of
    /// `document` echoed where its placeholder is. Without a placeholder (a header-only
    /// answer) it is `stored` itself; a document without a Client cannot have one.
    public static func restoring(_ stored: Data, _ message: Message, document: Data) -> Data {
        let text = String(decoding: stored, as: UTF8.self)
        guard let start = text.range(of: placeholderStart),
            let end = text.range(of: placeholderEnd, range: start.upperBound..<text.endIndex),
            let echo = ClientEcho(document: document)
        else { return stored }
        let groups = text[start.upperBound..<end.lowerBound].split(separator: "|", omittingEmptySubsequences: false)
            .map { group in
                group.split(separator: ",").map { RetourCode(code: String($0), meaning: "") }
            }
        guard let client = groups.first else { return stored }
        var xml = XMLText()
        Self.echo(echo, ClientCodes(client: client, products: Array(groups.dropFirst())), message, &xml)
        return Data((text[..<start.lowerBound] + xml.text + text[end.upperBound...]).utf8)
    }
}
