import Domain
import Testing

@Suite struct ExceptionRoutesTests {
    @Test func nijmegensRegieteamsAreExemptByTheirNameByDefault() {
        let routes = ExceptionRoutes.nijmegen
        #expect(routes.route(verwijzerType: "01", team: "Regieteam Oost") == "Regieteam")
        #expect(routes.route(verwijzerType: "01", team: "regieteam noord") == "Regieteam")
        #expect(routes.route(verwijzerType: "01", team: "Sociaal Wijkteam") == nil)
        #expect(routes.route(verwijzerType: "02", team: nil) == nil)
        #expect(routes.named("cpv") == "CPV" && routes.named("Jeugdbescherming") == nil)
    }

    @Test func aGemeenteNamesItsOwnRoutes() {
        let routes = ExceptionRoutes([
            .init(name: "Jeugdbescherming", verwijzerTypes: ["04", "08"]),
            .init(name: "Expertteam", teams: ["Expertteam", "Team Complex"]),
        ]).adding(verwijzerTypes: ["05"])
        #expect(routes.route(verwijzerType: "08", team: nil) == "Jeugdbescherming")
        #expect(routes.route(verwijzerType: "01", team: "Team Complexe Zorg") == "Expertteam")
        #expect(routes.route(verwijzerType: "05", team: nil) == "verwijzertype")
        // Without the default, a Regieteam is a team like any other.
        #expect(routes.route(verwijzerType: "01", team: "Regieteam Oost") == nil)
        #expect(routes.named("expertteam") == "Expertteam")
    }
}
