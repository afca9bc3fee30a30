import Foundation
import IJW
import Logging
import Runtime

/// Reads `intake.product_codes_file` at start (TR381, S329). Unset: product codes are
/// not checked against their category, and intake says so.
enum ProductCodeListFile {
    static func load(_ configuration: PlafondConfiguration, logger: Logger) throws -> ProductCodeList {
        guard let name = configuration.intake.productCodesFile else {
            logger.notice("no intake.product_codes_file: product codes are not checked against categories (S329)")
            return .none
        }
        let (url, text) = try OperatorFile.read(name, what: "product codes", configuration: configuration)
        do {
            let list = try ProductCodeList.parse(text)
            logger.notice(
                "product code list loaded", metadata: ["file": "\(url.path)", "codes": "\(list.entries.count)"])
            return list
        } catch {
            throw RuntimeError(.configuration, "product codes file \(url.path): \(error)", cause: error)
        }
    }
}
