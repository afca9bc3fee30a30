import Dispatch
import Foundation
import Metrics
import Synchronization

/// What intake answered, as operators watch it: answers and their latency (from the
/// request leaving the socket to its answer entering it: reading, the wait for the
/// writer, the commit), and every retourcode or fault code the answers carry.
///
/// The codes are read from the answer bytes as they leave (`<RetourCode>…` and a
/// fault's `<Code>…`): whatever rule produced them, the metric says what providers got.
/// Lines accepted are counted by intake's event log (`plafond_events_published_total
/// {kind="line.accepted"}`), which holds only committed lines.
final class AnswerMetrics: Sendable {
    private let answers = Counter(label: "plafond_intake_answers_total")
    private let latency = Timer(label: "plafond_intake_answer_seconds", preferredDisplayUnit: .seconds)
    private let codes = Mutex<[String: Counter]>([:])

    func answered(_ document: Data, received: DispatchTime) {
        answers.increment()
        latency.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds &- received.uptimeNanoseconds))
        for code in Self.codes(in: document) {
            codes.withLock { codes in
                if let counter = codes[code] { return counter }
                let counter = Counter(label: "plafond_intake_retourcodes_total", dimensions: [("code", code)])
                codes[code] = counter
                return counter
            }.increment()
        }
    }

    /// Every code in a `RetourCode` element (any namespace prefix, `<jw325:RetourCode>`)
    /// or a fault's `<Code>` (no prefix: a retour's echoed products carry `<ijw:Code>`, a
    /// product code, which is no answer code): the text up to the next `<`.
    static func codes(in document: Data) -> [String] {
        let bytes = [UInt8](document)
        var found: [String] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            var close = open + 1
            while close < bytes.count, close - open < 48, bytes[close] != UInt8(ascii: ">"),
                bytes[close] != UInt8(ascii: " "), bytes[close] != UInt8(ascii: "<")
            {
                close += 1
            }
            guard close < bytes.count, bytes[close] == UInt8(ascii: ">") else {
                index = open + 1
                continue
            }
            let name = bytes[(open + 1)..<close]
            // A closing tag (`</jw325:RetourCode>`) opens no code: before, each one counted
            // an empty code.
            if name.first == UInt8(ascii: "/") {
                index = close + 1
                continue
            }
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            if local.elementsEqual("RetourCode".utf8) || name.elementsEqual("Code".utf8) {
                let start = close + 1
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                if end - start <= 32 { found.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
                index = end
            } else {
                index = close + 1
            }
        }
        return found
    }
}
