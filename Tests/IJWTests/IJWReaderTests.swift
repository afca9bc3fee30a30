import Domain
import Fixtures
import Foundation
import IJW
import Testing

@Suite struct IJWReaderTests {
    @Test func readsTheSharedJW323Example() throws {
        guard case .declaration(let d) = try IJWReader.read(try SharedFiles.example("JW323")) else {
            Issue.record("not a declaration")
            return
        }
        #expect(d.header.afzender == "65656055")
        #expect(d.header.ontvanger == "0384")
        #expect(d.header.identificatie == "765432198")
        #expect(d.declaratieNummer == "DN001")
        #expect(d.declaratiePeriode.label == "2026-04")
        #expect(d.totaalIngediendBedrag == 79_000)
        #expect(d.clients.count == 2)
        #expect(d.clients[0].bsn == "999900006")
        #expect(d.clients.flatMap(\.lines).count == 5)
        let first = d.clients[0].lines[0]
        #expect(first.referentieNummer == "RN001")
        #expect(first.productCode == "45A03")
        #expect(first.geleverdVolume == 4)
        #expect(first.productTarief == 1_250)
        #expect(first.ingediendBedrag == 5_000)
        #expect(first.debetCredit == .debet)
    }

    func expectFailure(_ text: String, _ kind: IJWReadError.Kind, limits: IJWReader.Limits = .standard) {
        do {
            _ = try IJWReader.read(Data(text.utf8), limits: limits)
            Issue.record("expected \(kind)")
        } catch {
            #expect(error.kind == kind, "\(error)")
        }
    }

    @Test func refusesDTDsAndEntityBombs() {
        expectFailure(
            """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """, .forbiddenDTD)
        expectFailure(
            "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>", .forbiddenDTD)
    }

    @Test func refusesDeepNestingAndOversizedInput() throws {
        let ns = "http://www.istandaarden.nl/ijw/3_2/jw323/schema"
        let deep =
            "<a:Bericht xmlns:a=\"\(ns)\">" + String(repeating: "<a:x>", count: 100)
            + String(repeating: "</a:x>", count: 100) + "</a:Bericht>"
        expectFailure(deep, .tooDeep)
        let limits = IJWReader.Limits(maxBytes: 1_000, maxDepth: 32, maxTextLength: 4096)
        expectFailure(String(repeating: " ", count: 2_000), .tooLarge, limits: limits)
    }

    @Test func refusesWhatIsNoIJWMessage() throws {
        expectFailure("", .notXML)
        expectFailure("dit is geen xml", .notXML)
        expectFailure("<Bericht><Header>", .unknownMessage)
        expectFailure("<?xml version=\"1.0\"?><Bericht xmlns=\"urn:iets-anders\"/>", .unknownMessage)
        do {
            _ = try IJWReader.read(Data([0x3C, 0x61, 0xFF, 0xFE, 0x3E]))
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.kind == .notXML)
        }
    }

    @Test func truncatedExampleIsNotXML() throws {
        let data = try SharedFiles.example("JW323")
        do {
            _ = try IJWReader.read(data.prefix(data.count / 2))
            Issue.record("truncated message accepted")
        } catch {
            #expect(error.kind == .notXML, "\(error)")
        }
    }

    @Test func aMissingFieldIsAStructureErrorThatKeepsTheHeader() throws {
        var text = String(decoding: try SharedFiles.example("JW323"), as: UTF8.self)
        text = text.replacingOccurrences(of: "<jw323:DeclaratieNummer>DN001</jw323:DeclaratieNummer>", with: "")
        do {
            _ = try IJWReader.read(Data(text.utf8))
            Issue.record("accepted without DeclaratieNummer")
        } catch {
            #expect(error.kind == .structure)
            #expect(error.message.contains("DeclaratieNummer"))
            #expect(error.header?.afzender == "65656055")
        }
    }

    /// Seeded mutations of the example: never a crash, always a message or a read error.
    @Test func mutatedMessagesNeverCrashTheReader() throws {
        let original = Array(try SharedFiles.example("JW323"))
        var generator = SeededGenerator(seed: 20_261_123)
        var outcomes = (read: 0, refused: 0)
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                default: bytes = Array(bytes.prefix(index))
                }
                if bytes.isEmpty { break }
            }
            do {
                _ = try IJWReader.read(Data(bytes))
                outcomes.read += 1
            } catch {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.read + outcomes.refused == 3_000)
        #expect(outcomes.refused > 0)
    }
}
