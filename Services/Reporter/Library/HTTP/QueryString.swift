import Foundation

/// Percent-encodes a query value (a regio's name has spaces).
func queryString(_ pairs: [(String, String)]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return pairs.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $1)" }
        .joined(separator: "&")
}
