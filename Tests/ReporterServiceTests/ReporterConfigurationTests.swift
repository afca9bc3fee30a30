import Runtime
import Testing

/// The `[reporter]` keys for the API's clients, the admin socket and single sign-on.
struct ReporterConfigurationTests {
    @Test func clientsAndTheTrustedProxyAreReadFromTheFile() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            [reporter]
            http = "0.0.0.0:8080"
            admin = "tcp://127.0.0.1:6000"
            secure_cookies = true
            trusted_proxy = "10.0.0.5"
            clients = [{ name = "bi", token = "t1", role = "lezer" }, { name = "zaak", token = "t2", role = "contractmanager" }]
            """)
        let reporter = configuration.reporter
        #expect(reporter.clients.map(\.name) == ["bi", "zaak"])
        #expect(reporter.clients.map(\.role) == ["lezer", "contractmanager"])
        #expect(reporter.admin == "tcp://127.0.0.1:6000")
        #expect(reporter.secureCookies && reporter.trustedProxy == "10.0.0.5")
        #expect(reporter.trustedUserHeader == "X-Remote-User")
        // Without the keys: loopback defaults, no proxy, no clients.
        let defaults = try ConfigurationLoader.parse("").reporter
        #expect(defaults.clients.isEmpty && defaults.trustedProxy == nil && !defaults.secureCookies)
    }
}
