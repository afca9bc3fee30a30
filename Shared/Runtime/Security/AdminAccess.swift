import Contracts
import Foundation
import Metrics

/// Which sender may give which admin command, once CURVE has said who the sender is.
///
/// An operator (`beheerder:NAAM`) may give every command. The reporter (`dienst:reporter`)
/// forwards what a logged-in contract manager decides in the workplace, and only that:
/// acknowledging and silencing alerts, recording an analysis conversation, imposing and
/// lifting a stop, exempting an allocation. Anything else from the reporter (ending a
/// norm, adding users) is refused: a compromised reporter cannot rewrite the norms.
/// Without CURVE (development mode, loopback) there is no sender identity and no check.
public enum AdminAccess {
    public static let workplaceCommands: Set<String> = Set(AdminCommand.workplace.map(\.rawValue))

    public static func permits(sender: String?, command: String) -> Bool {
        guard let sender else { return true }
        if sender.hasPrefix("beheerder:") { return true }
        if sender == "dienst:reporter" { return workplaceCommands.contains(command) }
        return false
    }

    /// The command a request names, without decoding the rest (nil: not an admin request).
    static func command(of request: Data) -> String? {
        struct Named: Decodable { var command: String }
        return try? JSONDecoder().decode(Named.self, from: request).command
    }

    /// The refusal, in the admin sockets' reply shape (Contracts' `AdminReply`), for the
    /// CLI to print as is.
    static func refusal(sender: String, command: String) -> Data {
        struct Refusal: Encodable {
            var ok = false
            var error: String
        }
        Counter(label: "plafond_admin_commands_refused_total", dimensions: [("command", command)]).increment()
        let reply = Refusal(error: "geen toegang: \(sender) mag de opdracht \(command) niet geven")
        return (try? JSONEncoder().encode(reply)) ?? Data(#"{"ok":false}"#.utf8)
    }
}
