import Foundation
import TOMLKit

/// Reads the TOML file into `PlafondConfiguration`; flags are applied by the caller after.
public enum ConfigurationLoader {
    public static func load(path: String?) throws -> PlafondConfiguration {
        guard let path else { return PlafondConfiguration() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RuntimeError(.configuration, "cannot read configuration file \(path)", cause: error)
        }
        return try parse(text, source: path)
    }

    public static func parse(_ text: String, source: String = "configuration") throws -> PlafondConfiguration {
        do {
            let problems = ConfigurationKeyCheck.problems(try TOMLTable(string: text))
            guard problems.isEmpty else {
                throw RuntimeError(.configuration, "\(source): " + problems.joined(separator: "; "))
            }
            return try TOMLDecoder().decode(PlafondConfiguration.self, from: text)
        } catch let error as RuntimeError {
            throw error
        } catch let error as TOMLParseError {
            throw RuntimeError(
                .configuration,
                "\(source): invalid TOML at line \(error.source.begin.line), column \(error.source.begin.column)",
                cause: error)
        } catch {
            throw RuntimeError(.configuration, "\(source): \(error)", cause: error)
        }
    }
}
