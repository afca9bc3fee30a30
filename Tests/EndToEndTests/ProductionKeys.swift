import Domain
import Fixtures
import Foundation
import Messaging

/// The keys of a production installation, made with `plafond keys` as an operator would:
/// one per service, one operator ("beheerder"), one provider.
struct ProductionKeys {
    let folder: URL
    let data: URL
    let operatorKey: URL
    let provider: URL

    static let services = ["intake", "monitor", "notifier", "reporter"]

    static func make(for system: RunningSystem) throws -> ProductionKeys {
        let keys = ProductionKeys(
            folder: system.folder, data: system.folder.appendingPathComponent("data"),
            operatorKey: system.folder.appendingPathComponent("jan.sleutel.json"),
            provider: system.folder.appendingPathComponent("12345678.sleutel.json"))
        for service in services {
            let made = try system.runCLI(["keys", "--dienst", service])
            guard made.status == 0 else { throw E2EError("keys --dienst \(service): \(made.output)") }
        }
        for arguments in [
            ["keys", "--beheerder", "jan", "--uit", keys.operatorKey.path],
            ["keys", "--identiteit", "12345678", "--uit", keys.provider.path],
        ] {
            let made = try system.runCLI(arguments)
            guard made.status == 0 else { throw E2EError("\(arguments): \(made.output)") }
        }
        return keys
    }

    var operatorEnvironment: [String: String] { ["PLAFOND_SLEUTEL": operatorKey.path] }

    func serviceKey(_ service: String) throws -> CurveKeyPair {
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: data.appendingPathComponent("sleutels/\(service).json")))
        guard let object = object as? [String: String], let pub = object["publicKey"], let sec = object["secretKey"]
        else { throw E2EError("no key for \(service)") }
        return CurveKeyPair(publicKey: pub, secretKey: sec)
    }

    func publicKey(of service: String) throws -> String { try serviceKey(service).publicKey }

    /// A CURVE client of `service`'s sockets proving `key`.
    func client(of service: String, as key: CurveKeyPair) throws -> SocketSecurity {
        .curveClient(serverPublicKey: try publicKey(of: service), publicKey: key.publicKey, secretKey: key.secretKey)
    }

    /// How many messages a SUB socket hears on `endpoint` while `meanwhile` runs and
    /// for two seconds after.
    static func heardOnLog(_ endpoint: String, security: SocketSecurity, meanwhile: () throws -> Void) throws -> Int {
        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .sub)
        defer { socket.close() }
        try socket.apply(security)
        try socket.subscribeAll()
        try socket.setReceiveTimeout(100)
        try socket.connect(endpoint)
        Thread.sleep(forTimeInterval: 1)
        try meanwhile()
        var heard = 0
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            if try socket.receive() != nil { heard += 1 }
        }
        return heard
    }

    /// One admin request; the reply, or nil when none came within three seconds.
    static func adminReply(_ endpoint: String, _ request: Data, security: SocketSecurity) throws -> Data? {
        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .dealer)
        defer { socket.close() }
        try socket.apply(security)
        try socket.setReceiveTimeout(3_000)
        try socket.setLinger(0)
        try socket.connect(endpoint)
        _ = try socket.send([Data(), request], dontWait: true)
        return try socket.receive()?.parts.last
    }

    /// The period of declaration `number` (1...4): consecutive months ending last month,
    /// as a provider declares (iJw TR318: periods follow each other).
    static func month(_ number: Int) -> Month {
        var month = Day.today().month.previous
        for _ in number..<4 { month = month.previous }
        return month
    }

    /// Another accepted declaration, so the logs have something to publish.
    static func submitAnother(_ system: RunningSystem, keys: ProductionKeys, number: Int) throws {
        let month = Self.month(number)
        let file = system.folder.appendingPathComponent("jw323-\(number).xml")
        try JW323Fixture(
            identificatie: "CURVE-ALL-\(number)", dagtekening: Day.today(), declaratieNummer: "DN-CA-\(number)",
            periode: month,
            clients: [
                ("999900006", [.init(referentie: "RN-CA-\(number)", month: month, volume: 1, tariefCents: 6_420)])
            ]
        ).data.write(to: file)
        let submitted = try system.runCLI(["submit", "--sleutel", keys.provider.path, file.path])
        guard submitted.status == 0 else { throw E2EError("submit \(number): \(submitted.output)") }
    }
}
