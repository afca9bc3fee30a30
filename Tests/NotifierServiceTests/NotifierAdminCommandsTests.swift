import Contracts
import Testing

@testable import NotifierService

@Suite struct NotifierAdminCommandsTests {
    /// Every command the CLI sends notifier has its handler (a missing one would answer
    /// "onbekende opdracht" only when someone used it).
    @Test func notifierAnswersEveryNotifierCommand() throws {
        let notifier = try NotifierHarness()
        #expect(
            notifier.admin.handlers.commands == [
                .subscriptionAdd, .subscriptionImport, .subscriptionRemove, .subscriptionList, .alertAck,
                .alertSilence, .notifyLog, .notifierStatus, .notifyDecisions,
            ])
    }
}
