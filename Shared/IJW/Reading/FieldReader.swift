import Domain

/// Reads typed fields from the `parent/name → text` maps the builders collect. A missing
/// or malformed field is a structure error that names it.
enum FieldReader {
    static func structure(_ message: String) -> IJWReadError { IJWReadError(.structure, message) }

    static func name(_ key: String) -> String { String(key.split(separator: "/").last ?? "") }

    static func header(_ fields: [String: String]) throws(IJWReadError) -> MessageHeader {
        MessageHeader(
            berichtCode: try required(fields, "Header/BerichtCode"),
            berichtVersie: try required(fields, "Header/BerichtVersie"),
            berichtSubversie: try required(fields, "Header/BerichtSubversie"),
            afzender: try required(fields, "Header/Afzender"),
            ontvanger: try required(fields, "Header/Ontvanger"),
            identificatie: try required(fields, "BerichtIdentificatie/Identificatie", maxLength: 12),
            dagtekening: try day(fields, "BerichtIdentificatie/Dagtekening"),
            basisschemaXsdVersie: try required(fields, "XsdVersie/BasisschemaXsdVersie"),
            berichtXsdVersie: try required(fields, "XsdVersie/BerichtXsdVersie"))
    }

    static func required(_ fields: [String: String], _ key: String, maxLength: Int = 64) throws(IJWReadError) -> String
    {
        guard let value = fields[key], !value.isEmpty else { throw structure("\(name(key)) ontbreekt") }
        guard value.count <= maxLength else { throw structure("\(name(key)) is langer dan \(maxLength) tekens") }
        return value
    }

    static func day(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Day {
        let text = try required(fields, key)
        guard let day = Day(iso: text) else { throw structure("\(name(key)) is geen geldige datum: \(text)") }
        return day
    }

    static func optionalDay(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Day? {
        fields[key] == nil ? nil : try day(fields, key)
    }

    static func period(_ fields: [String: String], _ parent: String) throws(IJWReadError) -> Period {
        let start = try day(fields, "\(parent)/Begindatum")
        let end = try day(fields, "\(parent)/Einddatum")
        guard let period = Period(start: start, end: end) else {
            throw structure("\(parent): Einddatum ligt vóór Begindatum")
        }
        return period
    }

    static func amount(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Int64 {
        try number(try required(fields, key), field: name(key))
    }

    /// Non-negative integers of at most 12 digits (the XSD allows 8 for amounts).
    static func number(_ text: String, field: String) throws(IJWReadError) -> Int64 {
        guard !text.isEmpty, text.count <= 12, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int64(text)
        else { throw structure("\(field) is geen geheel getal ≥ 0: \(text)") }
        return value
    }

    static func sign(_ fields: [String: String], _ key: String) throws(IJWReadError) -> DebetCredit {
        let text = try required(fields, key)
        guard let sign = DebetCredit(rawValue: text) else { throw structure("\(name(key)) moet D of C zijn") }
        return sign
    }
}
