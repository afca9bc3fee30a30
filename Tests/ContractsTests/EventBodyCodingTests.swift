import Contracts
import Foundation
import Testing

/// A body's own coder must be used where the body is generic too (the outbox appends
/// `some EventBody`). As extension methods alone, `encoded()` and `decoded(from:)` bound
/// statically to JSONEncoder there, and monitor spent 7% of its time encoding
/// `intensity.assessed` with it while a hand-written coder sat unused (issue 21).
struct EventBodyCodingTests {
    /// A body whose own coder writes something JSONEncoder never would.
    private struct Marked: EventBody {
        static let kind = EventKind(rawValue: "test.marked")
        var value: Int

        func encoded() throws -> Data { Data("marked:\(value)".utf8) }

        static func decoded(from data: Data) throws -> Marked {
            let text = String(decoding: data, as: UTF8.self)
            return Marked(value: Int(text.dropFirst("marked:".count)) ?? -1)
        }
    }

    private func encodedGenerically(_ body: some EventBody) throws -> Data { try body.encoded() }

    private func decodedGenerically<Body: EventBody>(_ type: Body.Type, _ data: Data) throws -> Body {
        try Body.decoded(from: data)
    }

    @Test func aGenericCallUsesTheBodysOwnCoder() throws {
        let written = try encodedGenerically(Marked(value: 42))
        #expect(String(decoding: written, as: UTF8.self) == "marked:42")
        #expect(try decodedGenerically(Marked.self, Data("marked:7".utf8)) == Marked(value: 7))
    }

    @Test func aBodyWithoutItsOwnCoderIsJSON() throws {
        struct Plain: EventBody {
            static let kind = EventKind(rawValue: "test.plain")
            var value: Int
        }
        let written = try encodedGenerically(Plain(value: 3))
        #expect(String(decoding: written, as: UTF8.self) == #"{"value":3}"#)
        #expect(try decodedGenerically(Plain.self, written) == Plain(value: 3))
    }
}
