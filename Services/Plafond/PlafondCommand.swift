import ArgumentParser
import Runtime

/// `plafond`: run the system locally, submit iJw files, and manage norms.
@main
struct PlafondCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plafond",
        abstract: "Plafond: bestedingen jeugdhulp bewaken tegen plafonds.",
        version: PlafondVersion.current,
        subcommands: [
            UpCommand.self, SubmitCommand.self, NormCommand.self, KeysCommand.self, LoadgenCommand.self,
            AlertCommand.self, SubscribeCommand.self, UnsubscribeCommand.self, SubscriptionsCommand.self,
            NotifyCommand.self, StopCommand.self, ExemptCommand.self, CPVCommand.self, ReportCommand.self,
            DemoCommand.self,
            UserCommand.self, ProviderCommand.self, AnalysisCommand.self, ConfigCommand.self,
            BackupCommand.self, RestoreCommand.self,
        ])
}
