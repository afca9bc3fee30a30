import Domain
import Testing

@Suite struct ReferrerTeamTests {
    @Test func onlyTheGemeentesOwnTeamIsKeptByName() {
        #expect(
            ReferrerTeam.team(verwijzerType: "01", naam: "  Regieteam\tNijmegen  Oost ") == "Regieteam Nijmegen Oost")
        #expect(ReferrerTeam.team(verwijzerType: "02", naam: "Dokter Jansen") == nil)
        #expect(ReferrerTeam.team(verwijzerType: "01", naam: "   ") == nil)
        #expect(ReferrerTeam.team(verwijzerType: "01", naam: nil) == nil)
        // LDT_NaamVerwijzer allows 35 characters; a longer label is cut there.
        #expect(ReferrerTeam.team(verwijzerType: "01", naam: String(repeating: "x", count: 40))?.count == 35)
    }

    @Test func aNameHoldingABSNIsNotKept() {
        // 999900006 passes the 11-test; 123456789 does not, nor does a ten-digit run.
        #expect(ReferrerTeam.team(verwijzerType: "01", naam: "Wijkteam 999900006") == nil)
        #expect(ReferrerTeam.team(verwijzerType: "01", naam: "Wijkteam-999900006b") == nil)
        #expect(ReferrerTeam.team(verwijzerType: "01", naam: "Wijkteam 123456789") == "Wijkteam 123456789")
        #expect(ReferrerTeam.team(verwijzerType: "01", naam: "Wijkteam 9999000060") == "Wijkteam 9999000060")
    }
}
