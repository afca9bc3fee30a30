import Domain
import Foundation
import Testing

@testable import Runtime

/// `[uitzonderingsroutes.NAAM]`: without it Nijmegen's routes; with it exactly its own,
/// plus the older `exempt_verwijzer_types`; a misspelt key is refused.
@Suite struct ExceptionRouteConfigurationTests {
    @Test func withoutTheSectionNijmegensRoutesApply() throws {
        let routes = try ConfigurationLoader.parse("").exceptionRoutes
        #expect(routes.routes.map(\.name) == ["CPV", "RET", "Regieteam"])
        #expect(routes.route(verwijzerType: "01", team: "Regieteam Noord") == "Regieteam")
    }

    @Test func aGemeenteNamesItsOwn() throws {
        let routes = try ConfigurationLoader.parse(
            """
            [monitor]
            exempt_verwijzer_types = ["08"]
            [uitzonderingsroutes.Jeugdbescherming]
            verwijzer_types = ["04"]
            [uitzonderingsroutes.Expertteam]
            teams = ["Expertteam"]
            """
        ).exceptionRoutes
        #expect(routes.routes.map(\.name) == ["Expertteam", "Jeugdbescherming", "verwijzertype"])
        #expect(routes.route(verwijzerType: "01", team: "Regieteam Noord") == nil)
        #expect(routes.route(verwijzerType: "08", team: nil) == "verwijzertype")
    }

    @Test func aMisspeltRouteKeyIsRefused() {
        do {
            _ = try ConfigurationLoader.parse("[uitzonderingsroutes.RET]\nteam = [\"RET\"]\n", source: "plafond.toml")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("onbekende sleutel team in [uitzonderingsroutes.RET]; bedoelt u teams?"))
        }
    }
}

extension ExceptionRouteConfigurationTests {
    /// The shipped file names Nijmegen's routes, the same as leaving the section out.
    @Test func theShippedFileSetsNijmegensRoutes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("deploy/plafond.toml"), encoding: .utf8)
        #expect(try ConfigurationLoader.parse(text).exceptionRoutes == ConfigurationLoader.parse("").exceptionRoutes)
    }
}
