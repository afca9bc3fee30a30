import ArgumentParser
import Domain
import Foundation
import Runtime

/// `plafond submit FILE...`: sends iJw files to intake, saves each answer next to its
/// file (`NAME.antwoord.xml`) and prints a short Dutch summary.
///
/// Exit status, for a provider's scripts: 0 every message and line accepted, 1 something
/// refused (a message, or lines of it; the answers say what), 3 intake did not answer
/// (the message names the address tried and the configuration read).
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "iJw-berichten naar intake sturen en de antwoorden bewaren.")

    /// The standard's limit (intake's `IntakeServer.maxMessageBytes`).
    static let maxDocumentBytes = 25 * 1024 * 1024

    @OptionGroup var options: ServiceOptions
    @Option(name: .long, help: "Intake-adres (standaard uit de configuratie).") var endpoint: String?
    @Option(name: .customLong("sleutel"), help: "Sleutelbestand van plafond keys (CURVE), buiten ontwikkelmodus.")
    var keyFile: String?
    @Argument(help: "iJw-bestanden (JW323).") var files: [String]

    func run() async throws {
        let keys = try keyFile.map { try ClientKeyFile.read(from: URL(fileURLWithPath: $0)) }
        let target = try endpoint ?? keys?.endpoint ?? options.configuration().intake.endpoint
        let client = RequestClient(endpoint: target, timeout: .seconds(30), curve: keys?.curve)
        var refused = 0
        for file in files {
            let document = try Data(contentsOf: URL(fileURLWithPath: file))
            // Intake answers GEEN_IJW above 25 MB, but a file over its socket's limit
            // would be dropped unanswered: said here, before sending.
            guard document.count <= Self.maxDocumentBytes else {
                throw ValidationError(
                    "\(file): \(document.count) bytes, groter dan de 25 MB die iJw toestaat; niet verstuurd")
            }
            let answer: Data
            do {
                answer = try client.send([document])[0]
            } catch let error as RuntimeError where error.code == .unreachable {
                let source = options.configDescription
                FileHandle.standardError.write(
                    Data(
                        ("Fout: intake op \(target) antwoordde niet binnen 30 s (\(file) niet verwerkt; adres uit "
                            + "\(endpoint != nil ? "--endpoint" : keyFile != nil ? "het sleutelbestand" : source)). "
                            + "Draait intake, en klopt het adres?\n").utf8))
                throw ExitCode(3)
            }
            let answerURL = URL(fileURLWithPath: file).deletingPathExtension().appendingPathExtension("antwoord.xml")
            try answer.write(to: answerURL, options: .atomic)
            let summary = AnswerSummary(answer)
            if !summary.fullyAccepted { refused += 1 }
            print("\(file): \(summary.dutch) (antwoord in \(answerURL.path))")
        }
        if refused > 0 {
            FileHandle.standardError.write(
                Data("\(refused) van \(files.count) bericht(en) niet geheel geaccepteerd.\n".utf8))
            throw ExitCode(1)
        }
    }
}
