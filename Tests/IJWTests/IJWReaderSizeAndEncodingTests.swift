import Domain
import Fixtures
import Foundation
import Testing

@testable import IJW

/// What an adversarial run found: valid declarations over 10 MB refused ("Huge input
/// lookup" from one libxml2 call over the whole document), and a UTF-16 document that
/// declared UTF-8 approved.
@Suite struct IJWReaderSizeAndEncodingTests {
    /// A valid JW323 of `lines` lines (about 700 bytes each).
    static func declaration(lines: Int) -> Data {
        let month = Month(year: 2026, month: 4)!
        let all = (0..<lines).map { i in
            JW323Fixture.Line(
                referentie: "BIG-\(i)", toewijzing: "\(100_000 + i)", month: month, volume: 1, tariefCents: 100)
        }
        return JW323Fixture(
            identificatie: "BIG", dagtekening: Day(iso: "2026-05-10")!, declaratieNummer: "DN-BIG", periode: month,
            clients: stride(from: 0, to: all.count, by: 1_000).map {
                ("999900006", Array(all[$0..<min($0 + 1_000, all.count)]))
            }
        ).data
    }

    @Test func aValidDeclarationOfTwelveMegabytesIsRead() throws {
        var lines = 16_000
        var data = Self.declaration(lines: lines)
        while data.count < 12_000_000 {
            lines += 2_000
            data = Self.declaration(lines: lines)
        }
        #expect(data.count < IJWReader.Limits.standard.maxBytes)
        let message = try IJWReader.read(data)
        guard case .declaration(let declaration) = message else {
            Issue.record("not read as a declaration")
            return
        }
        #expect(declaration.clients.reduce(0) { $0 + $1.lines.count } == lines)
    }

    @Test func aDocumentInUTF16ThatDeclaresUTF8IsRefused() throws {
        let utf8 = String(decoding: Self.declaration(lines: 2), as: UTF8.self)
        #expect(utf8.hasPrefix("<?xml") && utf8.contains("UTF-8"))
        let littleEndian = try #require(utf8.data(using: .utf16LittleEndian))
        let bigEndian = try #require(utf8.data(using: .utf16BigEndian))
        for data in [littleEndian, bigEndian] {
            #expect(String(validating: data, as: UTF8.self) != nil, "the bytes are valid UTF-8 as such")
            #expect(throws: IJWReadError.self) { try IJWReader.read(data) }
        }
    }

    @Test func anotherDeclaredEncodingIsRefusedAndUTF8InAnyCaseIsRead() throws {
        let text = String(decoding: Self.declaration(lines: 1), as: UTF8.self)
        let latin = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        #expect(latin != text)
        #expect(throws: IJWReadError.self) { try IJWReader.read(Data(latin.utf8)) }
        let lower = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding='utf-8'")
        _ = try IJWReader.read(Data(lower.utf8))
        #expect(DeclaredEncoding.declaredEncoding(Data(lower.utf8)) == "utf-8")
    }
}
