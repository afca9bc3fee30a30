import Domain

/// Builds a `Declaration` from the stream of finished elements of a JW323.
///
/// Fields are collected by the element's name and its parent's, so the builder needs no
/// knowledge of prefixes. A missing or malformed required field is a structure error
/// that names the field; once the header is complete it travels with the error.
final class JW323Builder {
    private var header: [String: String] = [:]
    private var body: [String: String] = [:]
    private var clients: [DeclaredClient] = []
    private var currentBSN: String?
    private var currentLines: [DeclarationLine] = []
    private var line: [String: String] = [:]

    // Which part of the message the parser is in, kept as counters instead of scanning
    // the element path for every element (reading is intake's hottest path).
    private var inHeader = 0
    private var inPrestatie = 0
    private var inDeclaratie = 0

    func start(_ name: String, path: [String]) {
        switch name {
        case "Header": inHeader += 1
        case "Declaratie": inDeclaratie += 1
        case "Client":
            currentBSN = nil
            currentLines = []
        case "Prestatie":
            inPrestatie += 1
            line = [:]
        default: break
        }
    }

    func end(_ name: String, path: [String], text: String) throws(IJWReadError) {
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        if inHeader > 0 {
            if name == "Header" { inHeader -= 1 } else { header["\(parent)/\(name)"] = text }
        } else if inPrestatie > 0 {
            if name == "Prestatie" {
                inPrestatie -= 1
                currentLines.append(try makeLine())
            } else {
                line["\(parent)/\(name)"] = text
            }
        } else if name == "Bsn" {
            currentBSN = text
        } else if name == "Client" {
            guard let bsn = currentBSN else { throw structure("Bsn ontbreekt bij een Client") }
            guard !currentLines.isEmpty else { throw structure("Client zonder Prestatie") }
            clients.append(DeclaredClient(bsn: bsn, lines: currentLines))
        } else if inDeclaratie > 0 {
            if name == "Declaratie" { inDeclaratie -= 1 } else { body["\(parent)/\(name)"] = text }
        }
    }

    func build() throws(IJWReadError) -> Declaration {
        let header = try readHeader()
        do throws(IJWReadError) {
            guard !clients.isEmpty else { throw structure("Clienten ontbreekt of is leeg") }
            return Declaration(
                header: header,
                declaratieNummer: try required(body, "Declaratie/DeclaratieNummer", maxLength: 12),
                declaratiePeriode: try period(body, "DeclaratiePeriode"),
                dagtekening: try day(body, "Declaratie/DeclaratieDagtekening"),
                totaalIngediendBedrag: try amount(body, "TotaalIngediendBedrag/TotaalBedrag"),
                totaalDebetCredit: try sign(body, "TotaalIngediendBedrag/DebetCredit"),
                clients: clients)
        } catch {
            var withHeader = error
            withHeader.header = header
            throw withHeader
        }
    }

    private func readHeader() throws(IJWReadError) -> MessageHeader {
        MessageHeader(
            berichtCode: try required(header, "Header/BerichtCode"),
            berichtVersie: try required(header, "Header/BerichtVersie"),
            berichtSubversie: try required(header, "Header/BerichtSubversie"),
            afzender: try required(header, "Header/Afzender"),
            ontvanger: try required(header, "Header/Ontvanger"),
            identificatie: try required(header, "BerichtIdentificatie/Identificatie", maxLength: 12),
            dagtekening: try day(header, "BerichtIdentificatie/Dagtekening"),
            basisschemaXsdVersie: try required(header, "XsdVersie/BasisschemaXsdVersie"),
            berichtXsdVersie: try required(header, "XsdVersie/BerichtXsdVersie"))
    }

    private func makeLine() throws(IJWReadError) -> DeclarationLine {
        let eenheid = try required(line, "Prestatie/Eenheid")
        return DeclarationLine(
            referentieNummer: try required(line, "ProductReferentie/ReferentieNummer", maxLength: 36),
            vorigReferentieNummer: line["ProductReferentie/VorigReferentieNummer"],
            toewijzingNummer: line["Prestatie/ToewijzingNummer"],
            productCategorie: try required(line, "Prestatie/ProductCategorie", maxLength: 2),
            productCode: line["Prestatie/ProductCode"],
            productPeriode: try period(line, "ProductPeriode"),
            geleverdVolume: try amount(line, "Prestatie/GeleverdVolume"),
            eenheid: eenheid,
            productTarief: try line["Prestatie/ProductTarief"].map { text throws(IJWReadError) in
                try number(text, field: "ProductTarief")
            },
            ingediendBedrag: try amount(line, "IngediendBedrag/Bedrag"),
            debetCredit: try sign(line, "IngediendBedrag/DebetCredit"))
    }

    // MARK: - Field readers

    private func structure(_ message: String) -> IJWReadError { IJWReadError(.structure, message) }

    private func field(_ key: String) -> String { String(key.split(separator: "/").last ?? "") }

    private func required(_ fields: [String: String], _ key: String, maxLength: Int = 64) throws(IJWReadError) -> String
    {
        guard let value = fields[key], !value.isEmpty else { throw structure("\(field(key)) ontbreekt") }
        guard value.count <= maxLength else { throw structure("\(field(key)) is langer dan \(maxLength) tekens") }
        return value
    }

    private func day(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Day {
        let text = try required(fields, key)
        guard let day = Day(iso: text) else { throw structure("\(field(key)) is geen geldige datum: \(text)") }
        return day
    }

    private func period(_ fields: [String: String], _ parent: String) throws(IJWReadError) -> Period {
        let start = try day(fields, "\(parent)/Begindatum")
        let end = try day(fields, "\(parent)/Einddatum")
        guard let period = Period(start: start, end: end) else {
            throw structure("\(parent): Einddatum ligt vóór Begindatum")
        }
        return period
    }

    private func amount(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Int64 {
        try number(try required(fields, key), field: field(key))
    }

    /// Non-negative integers of at most 12 digits (the XSD allows 8 for amounts).
    private func number(_ text: String, field: String) throws(IJWReadError) -> Int64 {
        guard !text.isEmpty, text.count <= 12, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int64(text)
        else { throw structure("\(field) is geen geheel getal ≥ 0: \(text)") }
        return value
    }

    private func sign(_ fields: [String: String], _ key: String) throws(IJWReadError) -> DebetCredit {
        let text = try required(fields, key)
        guard let sign = DebetCredit(rawValue: text) else { throw structure("\(field(key)) moet D of C zijn") }
        return sign
    }
}
