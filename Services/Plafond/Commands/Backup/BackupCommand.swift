import ArgumentParser
import Foundation
import Runtime
import Storage

/// `plafond backup MAP`: a consistent online copy of every store in the data folder, with
/// a manifest of each copy's event-log head and cursors. The services keep running.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Een consistente kopie van elke opslag maken terwijl de diensten draaien.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Map voor de kopie (nieuw of leeg; wordt 0700).") var folder: String

    func run() async throws {
        let configuration = try options.configuration()
        let target = URL(fileURLWithPath: folder)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        guard existing.isEmpty else {
            FileHandle.standardError.write(Data("Geweigerd: \(target.path) is niet leeg\n".utf8))
            throw ExitCode(1)
        }
        try SecretFile.createPrivateFolder(target)
        var stores: [BackupManifest.Store] = []
        for name in StoreSet.backupOrder {
            let path = StoreSet.path(of: name, in: configuration)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let file = "\(name).sqlite"
            let position = try StoreBackup.copy(from: path, to: target.appendingPathComponent(file).path)
            let bytes =
                (try? FileManager.default.attributesOfItem(atPath: target.appendingPathComponent(file).path))?[
                    .size] as? NSNumber
            stores.append(.init(name: name, file: file, bytes: bytes?.int64Value ?? 0, position: position))
            print(
                "\(name): gekopieerd\(position.head.map { ", eigen log tot \($0)" } ?? "")"
                    + position.cursors.sorted { $0.key < $1.key }.map { ", \($0.key) verwerkt tot \($0.value)" }
                    .joined())
        }
        guard !stores.isEmpty else {
            FileHandle.standardError.write(
                Data("Geweigerd: geen opslag gevonden in \(configuration.general.dataDirectory)\n".utf8))
            throw ExitCode(1)
        }
        try BackupManifest(takenAt: Date(), version: PlafondVersion.current, stores: stores).write(to: target)
        print("Backup in \(target.path) (\(stores.count) opslagen, \(BackupManifest.fileName)).")
    }
}
