import Foundation
import Testing

@testable import Runtime

/// A misspelt key used to be ignored and the service started on its defaults.
@Suite struct ConfigurationKeyTests {
    func refusal(_ text: String) -> String? {
        do {
            _ = try ConfigurationLoader.parse(text, source: "plafond.toml")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aMisspeltKeyIsRefusedWithTheNearestKnownOne() throws {
        let general = try #require(refusal("[general]\ndevelopmnet = false\n"))
        #expect(general.contains("onbekende sleutel developmnet in [general]; bedoelt u development?"), "\(general)")
        let reporter = try #require(refusal("[reporter]\nhtpp = \"0.0.0.0:8080\"\n"))
        #expect(reporter.contains("bedoelt u http?"), "\(reporter)")
        let section = try #require(refusal("[notifer]\nsmtp_url = \"smtp://x\"\n"))
        #expect(section.contains("onbekende sectie [notifer]; bedoelt u notifier?"), "\(section)")
        let recipient = try #require(
            refusal("[notifier]\nrecipients = [{ name = \"A\", emial = \"a@b.example\" }]\n"))
        #expect(recipient.contains("emial") && recipient.contains("bedoelt u email?"), "\(recipient)")
        let farOff = try #require(refusal("[general]\nzzzzzzzzzz = 1\n"))
        #expect(farOff.contains("onbekende sleutel zzzzzzzzzz") && !farOff.contains("bedoelt"), "\(farOff)")
    }

    @Test func knownKeysAndFreeFormRegionsAreAccepted() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            [general]
            development = false
            [regios]
            "Holland Rijnland" = ["0546"]
            """)
        #expect(configuration.general.development == false)
        #expect(configuration.regios["Holland Rijnland"] == ["0546"])
    }

    /// deploy/plafond.toml is the operator's reference: every key the code reads is in it
    /// (set, or commented out with its meaning), and the file itself is accepted.
    @Test func theShippedConfigurationDocumentsEveryKeyAndIsAccepted() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("deploy/plafond.toml"), encoding: .utf8)
        _ = try ConfigurationLoader.parse(text, source: "deploy/plafond.toml")
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for (section, keys) in ConfigurationKeyCheck.sections {
            let header = try #require(lines.firstIndex(of: "[\(section)]"), "no [\(section)] in deploy/plafond.toml")
            let end = lines[(header + 1)...].firstIndex { $0.hasPrefix("[") } ?? lines.count
            let body = lines[(header + 1)..<end]
            for key in keys {
                let documented = body.contains { line in
                    let uncommented = line.hasPrefix("#") ? line.dropFirst().trimmingCharacters(in: .whitespaces) : line
                    return uncommented.hasPrefix("\(key) =") || uncommented.hasPrefix("\(key)=")
                }
                #expect(documented, "[\(section)] \(key) is not in deploy/plafond.toml")
            }
        }
    }
}
