import Foundation
import Runtime
import Testing

/// The `[notifier]` keys operators write, including durations in words.
struct NotifierConfigurationTests {
    @Test func durationsAreWrittenAsOperatorsWriteThem() {
        #expect(ConfiguredDuration(text: "30s")?.seconds == 30)
        #expect(ConfiguredDuration(text: "5m")?.seconds == 300)
        #expect(ConfiguredDuration(text: "12h")?.seconds == 43_200)
        #expect(ConfiguredDuration(text: "14d")?.seconds == 1_209_600)
        #expect(ConfiguredDuration(text: "1w")?.seconds == 604_800)
        #expect(ConfiguredDuration(text: "90")?.seconds == 90)
        #expect(ConfiguredDuration(text: "soon") == nil)
        #expect(ConfiguredDuration(text: "-5m") == nil)
        #expect(ConfiguredDuration(seconds: 1_209_600).description == "2w")
    }

    @Test func theShippedConfigurationReads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let configuration = try ConfigurationLoader.load(path: root.appendingPathComponent("deploy/plafond.toml").path)
        let notifier = configuration.notifier
        #expect(notifier.groupInterval.seconds == 300)
        #expect(notifier.repeatInterval.seconds == 7 * 86_400)
        #expect(notifier.escalateAfter.seconds == 14 * 86_400)
        #expect(notifier.escalateTo?.email == "beleid.jeugd@nijmegen.example")
        #expect(notifier.webhookRetryStatuses == [408, 429])
        #expect(configuration.regios["Rijk van Nijmegen"]?.count == 7)
        #expect(configuration.monitor.previousPeriodMarginPercent == 10)
    }

    @Test func aWrongDurationIsRefusedWithTheValueNamed() {
        do {
            _ = try ConfigurationLoader.parse("[notifier]\ngroup_wait = \"soon\"\n")
            Issue.record("a duration of 'soon' was accepted")
        } catch {
            #expect(String(describing: error).contains("soon is no duration"))
        }
    }
}
