import Domain
import Fixtures
import Foundation
import Messaging
import Testing

/// Outside development mode the provider endpoint needs CURVE with a registered key, and
/// a key can only submit for its own AGB code.
@Suite(.serialized)
struct CurveIntakeTests {
    @Test func onlyARegisteredKeyIsServedAndOnlyForItsOwnAGB() async throws {
        let system = try RunningSystem(development: false)
        defer { system.shutDown() }
        let keyFile = system.folder.appendingPathComponent("12345678.sleutel.json")
        let made = try system.runCLI(["keys", "--identiteit", "12345678", "--uit", keyFile.path])
        #expect(made.status == 0, "\(made.output)")
        let otherFile = system.folder.appendingPathComponent("87654321.sleutel.json")
        #expect(try system.runCLI(["keys", "--identiteit", "87654321", "--uit", otherFile.path]).status == 0)
        // Outside development mode intake's event log is CURVE too: it needs a key of its own.
        #expect(try system.runCLI(["keys", "--dienst", "intake"]).status == 0)
        try system.start("intake")

        let month = Day.today().month.previous
        let declaration = JW323Fixture(
            identificatie: "CURVE-1", dagtekening: Day.today(), declaratieNummer: "DN-C-1", periode: month,
            clients: [("999900006", [.init(referentie: "RN-C-1", month: month, volume: 2, tariefCents: 6_420)])])

        let keys = try JSONSerialization.jsonObject(with: Data(contentsOf: keyFile)) as! [String: String]
        let other = try JSONSerialization.jsonObject(with: Data(contentsOf: otherFile)) as! [String: String]
        let server = keys["serverPublicKey"]!
        let endpoint = "tcp://127.0.0.1:\(system.ports.intake)"

        // The registered provider is served.
        let answer = try request(
            declaration.data, endpoint: endpoint,
            keys: CurveKeyPair(publicKey: keys["publicKey"]!, secretKey: keys["secretKey"]!), server: server)
        #expect(answer.map { String(decoding: $0, as: UTF8.self).contains("8001") } == true, "\(system.log("intake"))")

        // Another provider's key cannot submit for 12345678.
        var impostor = declaration
        impostor.identificatie = "CURVE-2"
        impostor.declaratieNummer = "DN-C-2"
        let refused = try request(
            impostor.data, endpoint: endpoint,
            keys: CurveKeyPair(publicKey: other["publicKey"]!, secretKey: other["secretKey"]!), server: server)
        #expect(refused.map { String(decoding: $0, as: UTF8.self).contains("AFZENDER_ONJUIST") } == true)

        // An unknown key gets nothing at all.
        let unknown = try request(impostor.data, endpoint: endpoint, keys: try CurveKeyPair.generate(), server: server)
        #expect(unknown == nil)
        // And plain (non-CURVE) traffic neither.
        #expect(try request(impostor.data, endpoint: endpoint, keys: nil, server: server) == nil)
        #expect(system.log("intake").contains("connection refused: unknown key"))
    }

    private func request(_ document: Data, endpoint: String, keys: CurveKeyPair?, server: String) throws -> Data? {
        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .dealer)
        defer { socket.close() }
        if let keys {
            try socket.setCurveClient(serverPublicKey: server, publicKey: keys.publicKey, secretKey: keys.secretKey)
        }
        try socket.setReceiveTimeout(3_000)
        try socket.connect(endpoint)
        _ = try socket.send([Data(), document], dontWait: true)
        return try socket.receive()?.parts.last
    }
}
