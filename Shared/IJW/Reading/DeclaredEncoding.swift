import Foundation

/// Whether a document's bytes are in the encoding it declares, for the only encoding iJw
/// allows: UTF-8 (already validated by the caller).
///
/// A NUL byte cannot occur in well-formed XML, so in valid UTF-8 it means the bytes are
/// really UTF-16 or UTF-32 (which libxml2 would detect and read, ignoring the declaration);
/// an XML declaration that names any encoding other than UTF-8 is refused too.
enum DeclaredEncoding {
    /// A Dutch reason to refuse the document, or nil when it is UTF-8 throughout.
    static func problem(_ data: Data) -> String? {
        let hasNUL = data.withUnsafeBytes { raw in
            raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false
        }
        if hasNUL { return "bericht is niet in UTF-8 (nul-bytes: UTF-16 of UTF-32?)" }
        guard let declared = declaredEncoding(data) else { return nil }
        let normalised = declared.uppercased()
        guard normalised == "UTF-8" || normalised == "UTF8" else {
            return "bericht verklaart encoding \(declared); iJw-berichten zijn UTF-8"
        }
        return nil
    }

    /// The `encoding` pseudo-attribute of the XML declaration, if there is one.
    static func declaredEncoding(_ data: Data) -> String? {
        var bytes = data.prefix(256)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = String(decoding: bytes, as: UTF8.self)
        guard let end = head.range(of: "?>") else { return nil }
        let declaration = head[..<end.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(value)
    }
}
