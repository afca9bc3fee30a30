/// One cell of a CSV file that a spreadsheet opens safely.
///
/// Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
/// formula by Excel and LibreOffice (a norm named `=HYPERLINK(…)` would become a link);
/// OWASP's advice is a leading `'`, which spreadsheets show as text. Numbers we write
/// ourselves (`-12,50`) stay numbers. A cell holding the separator, a quote, CR or LF is
/// quoted (RFC 4180). Line breaks are checked per Unicode scalar: Swift reads "\r\n" as
/// one `Character` that is neither "\r" nor "\n", which once let such a name through
/// unquoted and split one row into three records.
enum CSVCell {
    static func render(_ text: String, separator: Unicode.Scalar = ";") -> String {
        let neutral = neutralised(text)
        let needsQuotes = neutral.unicodeScalars.contains {
            $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r"
        }
        guard needsQuotes else { return neutral }
        return "\"" + neutral.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(text) else {
            return text
        }
        return "'" + text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `-12`, `-1234,56`: an amount or count as the report writes it, kept numeric.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let parts = String(scalars).split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }
}
