import Domain

/// Reads typed fields, from the `parent/name → text` maps the builders collect or from a
/// text already picked out (`PrestatieFields`). A missing or malformed field is a
/// structure error that names it.
enum FieldReader {
    static func structure(_ message: String) -> IJWReadError { IJWReadError(.structure, message) }

    /// The element's own name in a `parent/name` key, for error messages only.
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
        try required(fields[key], field: name(key), maxLength: maxLength)
    }

    /// `field` is built only when there is an error to name it in: reading a 1,000-line
    /// JW323 asks for some 12,000 fields.
    static func required(_ value: String?, field: @autoclosure () -> String, maxLength: Int = 64) throws(IJWReadError)
        -> String
    {
        guard let value, !value.isEmpty else { throw structure("\(field()) ontbreekt") }
        // utf8.count is O(1) for native strings; only a value that might be too long is counted in characters.
        guard value.utf8.count <= maxLength || value.count <= maxLength else {
            throw structure("\(field()) is langer dan \(maxLength) tekens")
        }
        return value
    }

    /// LDT_Tijd as "HH:MM:SS" (fractions and a zone, which the standard does not use, are cut).
    static func time(_ value: String?) throws(IJWReadError) -> String {
        let text = try required(value, field: "Toewijzingstijd")
        let bytes = Array(text.utf8.prefix(8))
        let digits = [0, 1, 3, 4, 6, 7]
        guard bytes.count == 8, bytes[2] == 58, bytes[5] == 58, digits.allSatisfy({ (48...57).contains(bytes[$0]) })
        else { throw structure("Toewijzingstijd is geen tijd: \(text)") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// LDT_Nummer: a ToewijzingNummer is an integer of at most 9 digits.
    static func toewijzingNummer(_ value: String?) throws(IJWReadError) -> String {
        let text = try required(value, field: "ToewijzingNummer", maxLength: 9)
        guard text.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw structure("ToewijzingNummer is geen nummer van ten hoogste 9 cijfers: \(text)")
        }
        return text
    }

    static func day(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Day {
        try day(fields[key], field: name(key))
    }

    static func day(_ value: String?, field: @autoclosure () -> String) throws(IJWReadError) -> Day {
        let text = try required(value, field: field())
        guard let day = Day(iso: text) else { throw structure("\(field()) is geen geldige datum: \(text)") }
        return day
    }

    static func optionalDay(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Day? {
        fields[key] == nil ? nil : try day(fields, key)
    }

    static func period(_ fields: [String: String], _ parent: String) throws(IJWReadError) -> Period {
        try period(start: fields["\(parent)/Begindatum"], end: fields["\(parent)/Einddatum"], parent: parent)
    }

    static func period(start: String?, end: String?, parent: @autoclosure () -> String) throws(IJWReadError) -> Period {
        let first = try day(start, field: "Begindatum")
        let last = try day(end, field: "Einddatum")
        guard let period = Period(start: first, end: last) else {
            throw structure("\(parent()): Einddatum ligt vóór Begindatum")
        }
        return period
    }

    static func amount(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Int64 {
        try amount(fields[key], field: name(key))
    }

    static func amount(_ value: String?, field: @autoclosure () -> String) throws(IJWReadError) -> Int64 {
        try number(try required(value, field: field()), field: field())
    }

    /// Non-negative integers of at most 12 digits (the XSD allows 8 for amounts).
    static func number(_ text: String, field: @autoclosure () -> String) throws(IJWReadError) -> Int64 {
        guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ (48...57).contains($0) }),
            let value = Int64(text)
        else { throw structure("\(field()) is geen geheel getal ≥ 0: \(text)") }
        return value
    }

    static func sign(_ fields: [String: String], _ key: String) throws(IJWReadError) -> DebetCredit {
        try sign(fields[key], field: name(key))
    }

    static func sign(_ value: String?, field: @autoclosure () -> String) throws(IJWReadError) -> DebetCredit {
        let text = try required(value, field: field())
        guard let sign = DebetCredit(rawValue: text) else { throw structure("\(field()) moet D of C zijn") }
        return sign
    }
}
