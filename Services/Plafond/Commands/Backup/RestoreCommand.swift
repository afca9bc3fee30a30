import ArgumentParser
import Foundation
import Runtime
import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// `plafond restore MAP [--dienst NAAM]...`: puts stores back from a backup. The services
/// concerned must be stopped; afterwards each consumer resumes from its restored cursor
/// and catches up from its producers' logs.
///
/// Refused when a consumer would be ahead of its producer's log after the restore (a
/// monitor restored alone while notifier has already read further of monitor's log): it
/// would skip the events the producer writes anew under those numbers. Restoring the
/// consumer from the same backup too keeps it consistent (the backup copies consumers
/// first).
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Opslagen terugzetten uit een backup (diensten gestopt).")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Map met de backup (plafond backup).") var folder: String
    @Option(
        name: .customLong("dienst"),
        help: "Alleen de opslag van deze dienst (herhaalbaar): intake, monitor, notifier, reporter. Standaard alle.")
    var services: [String] = []

    func run() async throws {
        let configuration = try options.configuration()
        let source = URL(fileURLWithPath: folder)
        let manifest: BackupManifest
        do {
            manifest = try BackupManifest.read(from: source)
        } catch {
            throw refuse(
                "geen backup in \(source.path): \(BackupManifest.fileName) ontbreekt of is onleesbaar (\(error))")
        }
        let chosen = manifest.stores.filter { services.isEmpty || services.contains(StoreSet.service(of: $0.name)) }
        guard !chosen.isEmpty else {
            throw refuse("de backup heeft geen opslag van \(services.joined(separator: ", "))")
        }
        for service in Set(chosen.map { StoreSet.service(of: $0.name) }).sorted() {
            if let address = Self.liveAddress(of: service, in: configuration) {
                throw refuse("\(service) draait nog (antwoordt op \(address)); stop de dienst eerst")
            }
        }
        // Where every store here would stand afterwards: the copies for what is restored,
        // the live stores for the rest.
        var positions: [String: StoreBackup.LogPosition] = [:]
        for name in StoreSet.backupOrder {
            if let copy = chosen.first(where: { $0.name == name }) {
                positions[name] = copy.position
            } else if let live = try StoreBackup.position(ofStoreAt: StoreSet.path(of: name, in: configuration)) {
                positions[name] = live
            }
        }
        let ahead = StoreSet.consumersAhead(positions)
        guard ahead.isEmpty else {
            throw refuse(
                ahead.joined(separator: "; ")
                    + ". Zet die afnemers uit dezelfde backup mee terug (--dienst), of alles (zonder --dienst)")
        }
        for store in chosen {
            try StoreBackup.restore(
                copy: source.appendingPathComponent(store.file).path,
                to: StoreSet.path(of: store.name, in: configuration))
            print("\(store.name): teruggezet uit \(source.path) (van \(manifest.takenAt.formatted(.iso8601)))")
        }
        print("Start de diensten: elke afnemer gaat verder vanaf zijn teruggezette positie.")
    }

    /// Says why on standard error; the exit status is 1 (refused), as for admin commands.
    private func refuse(_ reason: String) -> ExitCode {
        FileHandle.standardError.write(Data("Geweigerd: \(reason)\n".utf8))
        return ExitCode(1)
    }

    /// The address a running service answers on (its metrics port, the reporter's HTTP
    /// port), or nil when nothing answers there.
    static func liveAddress(of service: String, in configuration: PlafondConfiguration) -> String? {
        let text: String
        switch service {
        case "intake": text = configuration.intake.metrics
        case "monitor": text = configuration.monitor.metrics
        case "notifier": text = configuration.notifier.metrics
        default: text = configuration.reporter.http
        }
        guard let address = try? HostAndPort(parsing: text) else { return nil }
        let host = address.host == "0.0.0.0" || address.host.isEmpty ? "127.0.0.1" : address.host
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(address.port).bigEndian)
        guard inet_pton(AF_INET, host, &socketAddress.sin_addr) == 1 else { return nil }
        let connected = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return connected == 0 ? "\(host):\(address.port)" : nil
    }
}
