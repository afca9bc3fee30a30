import Foundation
import Runtime

/// A file the operator maintains beside the configuration (tariffs, product codes):
/// relative to the data folder unless absolute. Read once at start; a file that cannot be
/// read stops intake, since running without what the operator configured would approve
/// what it should not.
enum OperatorFile {
    static func read(_ name: String, what: String, configuration: PlafondConfiguration) throws -> (URL, String) {
        let url =
            name.hasPrefix("/")
            ? URL(fileURLWithPath: name)
            : URL(fileURLWithPath: configuration.general.dataDirectory).appendingPathComponent(name)
        do {
            return (url, try String(contentsOf: url, encoding: .utf8))
        } catch {
            throw RuntimeError(.configuration, "cannot read \(what) file \(url.path)", cause: error)
        }
    }
}
