import LocalSystem
import Runtime
import Testing

@Suite struct LoopbackLayoutTests {
    /// The demo and the system benchmark write these sections into the configuration they
    /// start the services with: they must parse, and every service must find its ports.
    @Test func theSectionsParseAndPutEveryEndpointOnItsOffset() throws {
        let layout = LoopbackLayout(basePort: 31_000)
        let configuration = try ConfigurationLoader.parse(
            layout.sections(monitor: ["forecast_months = 4"], notifier: ["max_attempts = 3"]), source: "layout")
        #expect(configuration.intake.endpoint == "tcp://127.0.0.1:31000")
        #expect(configuration.intake.eventsPublish == "tcp://127.0.0.1:31001")
        #expect(configuration.intake.eventsCatchUp == "tcp://127.0.0.1:31002")
        #expect(configuration.monitor.admin == layout.monitorAdmin)
        #expect(configuration.monitor.eventsPublish == layout.monitorPublish)
        #expect(configuration.monitor.eventsCatchUp == layout.monitorCatchUp)
        #expect(configuration.monitor.forecastMonths == 4)
        #expect(configuration.notifier.admin == "tcp://127.0.0.1:31020")
        #expect(configuration.notifier.smtpURL == "smtp://127.0.0.1:\(layout.smtpPort)")
        #expect(configuration.notifier.maxAttempts == 3)
        #expect(configuration.reporter.http == "127.0.0.1:31080")
        #expect(configuration.reporter.admin == layout.reporterAdmin)
    }

    /// Two systems on one machine (a demo beside a benchmark) never share a port.
    @Test func twoBasesTenPortsApartShareNoEndpoint() throws {
        let ports = { (base: Int) -> Set<String> in
            let configuration = try ConfigurationLoader.parse(LoopbackLayout(basePort: base).sections())
            return [
                configuration.intake.endpoint, configuration.intake.eventsPublish, configuration.intake.metrics,
                configuration.monitor.admin, configuration.monitor.metrics, configuration.notifier.admin,
                configuration.notifier.smtpURL, configuration.reporter.http, configuration.reporter.admin,
            ]
        }
        #expect(try ports(31_000).isDisjoint(with: try ports(31_100)))
        #expect(try ports(31_000).count == 9)
    }
}
