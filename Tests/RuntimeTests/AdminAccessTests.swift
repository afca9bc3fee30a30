import Foundation
import Testing

@testable import Runtime

/// Who may give which admin command once CURVE has named the sender: operators every
/// command, the reporter only what the workplace forwards, any other key nothing.
struct AdminAccessTests {
    @Test func operatorsMayGiveEveryCommandTheReporterOnlyTheWorkplacesAndOthersNone() {
        for command in ["norm.end", "norm.add", "user.add", "stop.impose", "subscription.import"] {
            #expect(AdminAccess.permits(sender: "beheerder:jan", command: command))
            #expect(!AdminAccess.permits(sender: "dienst:monitor", command: command))
        }
        for command in AdminAccess.workplaceCommands {
            #expect(AdminAccess.permits(sender: "dienst:reporter", command: command))
        }
        for command in ["norm.end", "norm.change", "user.add", "subscription.remove", "provider.import"] {
            #expect(!AdminAccess.permits(sender: "dienst:reporter", command: command), "\(command)")
        }
        // Development mode: no CURVE, so no sender and no check (loopback only).
        #expect(AdminAccess.permits(sender: nil, command: "norm.end"))
    }

    @Test func aRefusalIsAnAdminReplyTheCLIPrintsAsIs() throws {
        let reply = AdminAccess.refusal(sender: "dienst:reporter", command: "norm.end")
        let object = try #require(try JSONSerialization.jsonObject(with: reply) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        #expect(object["error"] as? String == "geen toegang: dienst:reporter mag de opdracht norm.end niet geven")
    }

    @Test func theCommandIsReadWithoutDecodingTheRest() {
        #expect(AdminAccess.command(of: Data(#"{"command":"stop.lift","normID":3,"x":[1,2]}"#.utf8)) == "stop.lift")
        #expect(AdminAccess.command(of: Data("niet eens JSON".utf8)) == nil)
    }
}
