import Foundation
import Logging
import Messaging
import Testing

@Suite struct SocketTests {
    @Test func routerAnswersREQAndDEALERClients() throws {
        let context = ZMQContext()
        defer { context.terminate() }
        let router = try ZMQSocket(context, .router)
        defer { router.close() }
        try router.setReceiveTimeout(2_000)
        try router.bind("tcp://127.0.0.1:*")
        let endpoint = try router.lastEndpoint

        let req = try ZMQSocket(context, .req)
        defer { req.close() }
        try req.setReceiveTimeout(2_000)
        try req.connect(endpoint)
        try req.send([Data("ping".utf8)])
        let request = try #require(try router.receive())
        #expect(request.parts.count == 3)  // routing id, empty delimiter, body
        #expect(request.parts.last == Data("ping".utf8))
        try router.send(Array(request.parts.dropLast()) + [Data("pong".utf8)])
        #expect(try req.receive()?.parts == [Data("pong".utf8)])

        let dealer = try ZMQSocket(context, .dealer)
        defer { dealer.close() }
        try dealer.setReceiveTimeout(2_000)
        try dealer.connect(endpoint)
        try dealer.send([Data("a".utf8), Data(), Data(count: 3_000_000)])
        let multipart = try #require(try router.receive())
        #expect(multipart.parts.count == 4)
        #expect(multipart.parts[2].isEmpty)
        #expect(multipart.parts[3].count == 3_000_000)
        try router.send([multipart.parts[0], Data("ok".utf8)])
        #expect(try dealer.receive()?.parts == [Data("ok".utf8)])
    }

    @Test func pubSubDeliversToASubscriber() throws {
        let context = ZMQContext()
        defer { context.terminate() }
        let pub = try ZMQSocket(context, .pub)
        defer { pub.close() }
        try pub.bind("tcp://127.0.0.1:*")
        let sub = try ZMQSocket(context, .sub)
        defer { sub.close() }
        try sub.subscribeAll()
        try sub.setReceiveTimeout(100)
        try sub.connect(try pub.lastEndpoint)
        // PUB drops messages until the subscription has arrived (the slow joiner).
        var received: ZMQMessage?
        for _ in 0..<50 where received == nil {
            try pub.send([Data("k".utf8), Data("v".utf8)])
            received = try sub.receive()
        }
        #expect(received?.parts == [Data("k".utf8), Data("v".utf8)])
    }

    @Test func errorsAreClassified() throws {
        let context = ZMQContext()
        let pull = try ZMQSocket(context, .pull)
        try pull.bind("inproc://empty")
        #expect(try pull.receive(dontWait: true) == nil)  // EAGAIN is "nothing yet"
        pull.close()
        pull.close()  // idempotent
        #expect(throws: ZMQError.self) { try pull.receive() }
        context.terminate()
        #expect(throws: ZMQError.self) { try ZMQSocket(context, .pull) }
        #expect(ZMQError(code: EAGAIN, operation: "x").isWouldBlock)
        #expect(ZMQError(code: EINTR, operation: "x").isInterrupted)
        #expect(ZMQError(code: 156_384_765, operation: "x").isTerminated)  // ETERM
    }

    @Test func pollReportsReadableSocketsAndFileDescriptors() throws {
        let context = ZMQContext()
        defer { context.terminate() }
        let pull = try ZMQSocket(context, .pull)
        defer { pull.close() }
        try pull.bind("inproc://poll")
        let push = try ZMQSocket(context, .push)
        defer { push.close() }
        try push.connect("inproc://poll")
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        var items = [ZMQPollItem(socket: pull), ZMQPollItem(fileDescriptor: fds[0])]
        #expect(try zmqPoll(&items, timeoutMilliseconds: 10) == 0)
        try push.send([Data("x".utf8)])
        var byte: UInt8 = 1
        #expect(write(fds[1], &byte, 1) == 1)
        #expect(try zmqPoll(&items, timeoutMilliseconds: 1_000) == 2)
        #expect(items[0].readable && items[1].readable)
    }
}

@Suite struct CurveTests {
    @Test func aRegisteredKeyIsServedWithItsIdentityAndAnUnknownKeyIsRefused() throws {
        #expect(CurveKeyPair.curveAvailable)
        let context = ZMQContext()
        defer { context.terminate() }
        let server = try CurveKeyPair.generate()
        let provider = try CurveKeyPair.generate()
        let stranger = try CurveKeyPair.generate()
        let registry = CurveKeyRegistry([provider.publicKey: "12345678"])
        let zap = ZAPHandler(context: context, logger: Logger(label: "zap"), authorize: registry.authorize)
        try zap.start()
        defer { zap.stop() }

        let router = try ZMQSocket(context, .router)
        defer { router.close() }
        try router.setCurveServer(secretKey: server.secretKey)
        try router.setZapDomain("plafond-test")
        try router.setReceiveTimeout(1_500)
        try router.bind("tcp://127.0.0.1:*")
        let endpoint = try router.lastEndpoint

        func client(_ keys: CurveKeyPair) throws -> ZMQSocket {
            let socket = try ZMQSocket(context, .dealer)
            try socket.setCurveClient(
                serverPublicKey: server.publicKey, publicKey: keys.publicKey, secretKey: keys.secretKey)
            try socket.setReceiveTimeout(1_500)
            try socket.connect(endpoint)
            return socket
        }

        let known = try client(provider)
        defer { known.close() }
        try known.send([Data("hallo".utf8)])
        let request = try #require(try router.receive(), "registered key not served")
        #expect(request.userId == "12345678")
        try router.send([request.parts[0], Data("welkom".utf8)])
        #expect(try known.receive()?.parts == [Data("welkom".utf8)])

        let unknown = try client(stranger)
        defer { unknown.close() }
        try unknown.send([Data("hallo".utf8)], dontWait: true)
        #expect(try router.receive() == nil, "an unknown key got through")
        #expect(zap.refusals.load(ordering: .relaxed) >= 1)
    }
}
