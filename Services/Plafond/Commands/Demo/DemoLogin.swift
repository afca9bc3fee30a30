import Contracts
import Runtime

/// The demo's account: a contract manager with a fresh random password, so the
/// dashboard can be opened (it always asks for a login) and its actions tried.
enum DemoLogin {
    static let name = "contractmanager"

    static func create(configuration: PlafondConfiguration) throws -> (name: String, password: String) {
        // Letters and digits without look-alikes (0/O, 1/l/I), easy to type over.
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let password = String((0..<16).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        _ = try AdminCall.send(
            UserAddRequest(name: name, role: .contractmanager, password: password),
            to: AdminTarget(.reporter, configuration))
        return (name, password)
    }
}
