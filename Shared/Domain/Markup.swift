/// Escaping text for XML and HTML: the one place every writer of markup uses.
public enum Markup {
    /// Escapes `& < > " '` so text is safe inside elements and attribute values.
    ///
    /// Byte by byte over the UTF-8: the five are ASCII, which never occurs inside another
    /// character's bytes. It is on every page's path (a start page escapes thousands of
    /// names), where comparing grapheme clusters cost more than the rest of the page; and a
    /// `<` that a combining mark joins into one cluster (`<\u{338}`) is escaped too.
    public static func escape(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: { escaped($0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            if let replacement = escaped(byte) {
                out.append(contentsOf: replacement)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&#39;".utf8)

    private static func escaped(_ byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): amp
        case UInt8(ascii: "<"): lt
        case UInt8(ascii: ">"): gt
        case UInt8(ascii: "\""): quot
        case UInt8(ascii: "'"): apos
        default: nil
        }
    }
}
