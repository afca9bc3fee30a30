import Testing

@testable import ReporterService

/// What a posted form and the login's return address may contain.
@Suite struct FormAndReturnTests {
    @Test func afterLoginOnlyAPathOnThisSiteIsFollowed() {
        #expect(LoginRoutes.safeReturn("/normen/7?gedaan=x") == "/normen/7?gedaan=x")
        for elsewhere in [
            "//elders.example/", "https://elders.example/", "/\\elders.example", "normen/7", nil, "/a\nb",
            "/\t/elders.example", "/ /elders.example",
        ] {
            #expect(LoginRoutes.safeReturn(elsewhere) == "/", "\(String(describing: elsewhere))")
        }
    }

    @Test func formFieldsAreDecodedAsBrowsersEncodeThem() {
        let fields = FormFields(parsing: "reden=Wachtlijst+loopt+op&notitie=50%25+%E2%82%AC&leeg=&csrf=abc&kapot=%ZZ")
        #expect(fields["reden"] == "Wachtlijst loopt op")
        #expect(fields["notitie"] == "50% €")
        #expect(fields.text("leeg") == nil)
        #expect(fields["csrf"] == "abc")
        #expect(fields["kapot"] == "%ZZ")  // undecodable: as it came, to be refused, never a crash
    }
}
