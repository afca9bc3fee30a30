import Domain

/// Builds a `Declaration` from the stream of finished elements of a JW323.
///
/// Fields are collected by the element's name and its parent's, so the builder needs no
/// knowledge of prefixes. A missing or malformed required field is a structure error
/// that names the field; once the header is complete it travels with the error.
final class JW323Builder: MessageBuilder {
    let messageKind = IJWMessageKind.jw323
    private var header: [String: String] = [:]
    private var body: [String: String] = [:]
    private var clients: [DeclaredClient] = []
    private var currentBSN: String?
    private var currentLines: [DeclarationLine] = []
    private var line = PrestatieFields()

    // Which part of the message the parser is in, kept as counters instead of scanning
    // the element path for every element (reading is intake's hottest path).
    private var inHeader = 0
    private var inPrestatie = 0
    private var inDeclaratie = 0

    var completeHeader: MessageHeader? { try? FieldReader.header(header) }

    func start(_ name: String, path: [String]) {
        switch name {
        case "Header": inHeader += 1
        case "Declaratie": inDeclaratie += 1
        case "Client":
            currentBSN = nil
            currentLines = []
        case "Prestatie":
            inPrestatie += 1
            line = PrestatieFields()
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
                currentLines.append(try line.line())
            } else {
                line.take(name, parent: parent, text: text)
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

    func build() throws(IJWReadError) -> IJWMessage {
        .declaration(try buildDeclaration())
    }

    func buildDeclaration() throws(IJWReadError) -> Declaration {
        let header = try FieldReader.header(header)
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

    private func structure(_ message: String) -> IJWReadError { IJWReadError(.structure, message) }
    private func required(_ fields: [String: String], _ key: String, maxLength: Int = 64) throws(IJWReadError) -> String
    { try FieldReader.required(fields, key, maxLength: maxLength) }
    private func day(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Day {
        try FieldReader.day(fields, key)
    }
    private func period(_ fields: [String: String], _ parent: String) throws(IJWReadError) -> Period {
        try FieldReader.period(fields, parent)
    }
    private func amount(_ fields: [String: String], _ key: String) throws(IJWReadError) -> Int64 {
        try FieldReader.amount(fields, key)
    }
    private func sign(_ fields: [String: String], _ key: String) throws(IJWReadError) -> DebetCredit {
        try FieldReader.sign(fields, key)
    }
}
