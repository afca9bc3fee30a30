import ArgumentParser
import Foundation
import Runtime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `plafond report --gemeente 0268 --periode 2026-Q3 --formaat csv`: fetches the periodic
/// report from the reporter (its token when one is configured) and writes it to a file.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Een kwartaal-, halfjaar- of jaarrapportage per gemeente of regio (html, csv of json).")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("gemeente"), help: "CBS-code van de gemeente.") var gemeente: String?
    @Option(name: .customLong("regio"), help: "Regio uit [regios] in de configuratie.") var regio: String?
    @Option(name: .customLong("periode"), help: "2026, 2026-H1 of 2026-Q3.") var periode: String
    @Option(name: .customLong("formaat"), help: "html (standaard), csv of json.") var formaat = "html"
    @Option(name: .customLong("uit"), help: "Bestand om te schrijven (standaard de naam die de reporter geeft).")
    var output: String?
    @Option(name: .customLong("peildatum"), help: "JJJJ-MM-DD: de cijfers op die dag (standaard vandaag).")
    var peildatum: String?
    @Option(name: .customLong("basisjaar"), help: "Ook vergelijken met dezelfde maanden van dit jaar.")
    var basisjaar: Int?
    @Option(name: .customLong("prijsindex"), help: "Prijsstijging sinds de vorige periode, bv. 3,2.")
    var prijsindex: String?
    @Option(name: .customLong("basisprijsindex"), help: "Prijsstijging sinds het basisjaar, bv. 7,5.")
    var basisprijsindex: String?

    func validate() throws {
        if gemeente != nil && regio != nil { throw ValidationError("geef --gemeente of --regio, niet allebei") }
        guard ["html", "csv", "json"].contains(formaat) else { throw ValidationError("--formaat is html, csv of json") }
    }

    func run() async throws {
        let configuration = try options.configuration()
        var components = URLComponents()
        components.scheme = "http"
        components.host = try HostAndPort(parsing: configuration.reporter.http).host
        components.port = try HostAndPort(parsing: configuration.reporter.http).port
        components.path = "/api/rapport"
        components.queryItems =
            [URLQueryItem(name: "periode", value: periode), URLQueryItem(name: "formaat", value: formaat)]
            + (gemeente.map { [URLQueryItem(name: "gemeente", value: $0)] } ?? [])
            + (regio.map { [URLQueryItem(name: "regio", value: $0)] } ?? [])
            + [
                ("peildatum", peildatum), ("basisjaar", basisjaar.map(String.init)), ("prijsindex", prijsindex),
                ("basisprijsindex", basisprijsindex),
            ].compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        guard let url = components.url else { throw ValidationError("ongeldig adres van de reporter") }
        var request = URLRequest(url: url, timeoutInterval: 30)
        if let token = configuration.reporter.token, !token.isEmpty {
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        let body: Data
        let response: URLResponse
        do {
            (body, response) = try await URLSession.shared.data(for: request)
        } catch {
            // Not a usage error: the exit status of an unreachable service (docs/OPERATIONS.md).
            let source = options.configDescription
            FileHandle.standardError.write(
                Data(
                    "Fout: de reporter op \(url.host ?? ""):\(url.port ?? 0) antwoordde niet (adres uit \(source)).\n"
                        .utf8))
            throw ExitCode(3)
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            FileHandle.standardError.write(
                Data("Geweigerd: de reporter antwoordde \(status): \(Self.refusal(body))\n".utf8))
            throw ExitCode(1)
        }
        let path = try output ?? Self.fileName(response)
        try body.write(to: URL(fileURLWithPath: path))
        print("Rapport geschreven: \(path) (\(body.count) bytes)")
    }

    /// The API's error body is `{"code": …, "message": …}` (docs/API.md); its Dutch message,
    /// or the body as it came when it is something else (a proxy's page).
    static func refusal(_ body: Data) -> String {
        struct Problem: Decodable {
            var code: String
            var message: String
        }
        guard let problem = try? JSONDecoder().decode(Problem.self, from: body) else {
            return String(decoding: body, as: UTF8.self)
        }
        return "\(problem.message) (\(problem.code))"
    }

    /// The name the reporter gives the report (Content-Disposition), without any folder.
    static func fileName(_ response: URLResponse) throws -> String {
        let header = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Disposition") ?? ""
        guard let start = header.range(of: "filename=\"")?.upperBound,
            let end = header[start...].firstIndex(of: "\"")
        else { throw ValidationError("de reporter gaf geen bestandsnaam; geef --uit") }
        let name = URL(fileURLWithPath: String(header[start..<end])).lastPathComponent
        guard !name.isEmpty, name != "..", name != "." else { throw ValidationError("ongeldige bestandsnaam \(name)") }
        return name
    }
}
