import Foundation
import IJW
import Logging
import Runtime

/// Reads `intake.tariffs_file` at start. A file that cannot be read or parsed stops
/// intake with the line that is wrong: running without the tariffs the operator
/// configured would approve lines the contract does not allow.
enum ContractTariffsFile {
    static func load(_ configuration: PlafondConfiguration, logger: Logger) throws -> ContractTariffs {
        guard let name = configuration.intake.tariffsFile else {
            logger.notice("no intake.tariffs_file: declared tariffs are not checked against contracts (0611)")
            return .none
        }
        let (url, text) = try OperatorFile.read(name, what: "tariffs", configuration: configuration)
        do {
            let tariffs = try ContractTariffs.parse(text)
            logger.notice(
                "contract tariffs loaded", metadata: ["file": "\(url.path)", "tariffs": "\(tariffs.entries.count)"])
            return tariffs
        } catch {
            throw RuntimeError(.configuration, "tariffs file \(url.path): \(error)", cause: error)
        }
    }
}
