import Domain
import Fixtures
import Foundation
import IJW
import Testing

/// The JW301 rules of the standard's table intake checks inside one message: each
/// refuses the whole allocation with 0001. Every test starts from an allocation that
/// passes and breaks one rule.
@Suite struct AllocationMessageRuleTests {
    let dagtekening = Day(iso: "2026-03-01")!

    func product(
        _ number: String = "5001", code: String? = "45A03", start: String = "2026-01-01", end: String? = "2026-12-31",
        omvang: (Int64, String, String)? = (6, "04", "4"), reden: String? = nil, decided: String? = nil
    ) -> JW301Fixture.Product {
        .init(
            toewijzing: number, code: code, ingangsdatum: Day(iso: start)!, einddatum: end.flatMap(Day.init(iso:)),
            omvang: omvang, redenWijziging: reden, toewijzingsdatum: decided.flatMap(Day.init(iso:)))
    }

    /// The problems of a JW301 with these products, read from the XML, after `edit`
    /// (for what the fixture will not write: a ProductCode without Omvang).
    func problems(
        _ products: [JW301Fixture.Product], edit: (inout AllocationMessage) -> Void = { _ in }
    ) throws -> [String] {
        let data = JW301Fixture(identificatie: "TW-1", dagtekening: dagtekening, products: products).data
        #expect(try SharedFiles.schemaProblems(data, schema: "JW301") == nil)
        guard case .allocation(var message) = try IJWReader.read(data) else { throw RuleTestError() }
        edit(&message)
        return AllocationMessageChecks.problems(message)
    }

    struct RuleTestError: Error {}

    func breaks(
        _ products: [JW301Fixture.Product], _ rule: String, edit: (inout AllocationMessage) -> Void = { _ in }
    ) throws -> Bool {
        let found = try problems(products, edit: edit)
        return found.count == 1 && found[0].hasPrefix(rule)
    }

    @Test func theValidAllocationOfTheseTestsPasses() throws {
        #expect(try problems([product(), product("5002", code: "45A04")]).isEmpty)
    }

    @Test func theSameProductTwiceOverlappingIsStackingTR302() throws {
        #expect(try breaks([product(), product("5002")], "TR302"))
        // One after the other is no stacking, and a withdrawn one does not count.
        #expect(try problems([product(end: "2026-03-31"), product("5002", start: "2026-04-01")]).isEmpty)
        #expect(try problems([product(start: "2026-01-01", end: "2026-01-01", reden: "13"), product("5002")]).isEmpty)
    }

    @Test func withdrawingNeedsAnEndOnTheStartDayCS335() throws {
        #expect(try breaks([product(reden: "13")], "CS335"))
    }

    @Test func administrativeCorrectionIsNoLongerUsedCS336() throws {
        #expect(try breaks([product(reden: "01")], "CS336"))
    }

    @Test func anOmvangWithoutProductCodeIsRefusedCD080() throws {
        #expect(try breaks([product(code: nil)], "CD080"))
        #expect(try problems([product(code: nil, omvang: nil)]).isEmpty)
    }

    @Test func etmalenPerDayAreRefusedCS338() throws {
        #expect(try breaks([product(omvang: (1, "14", "1"))], "CS338"))
        #expect(try problems([product(omvang: (7, "14", "2"))]).isEmpty)
    }

    @Test func aToewijzingsdatumAfterTheDagtekeningIsRefusedTR134() throws {
        #expect(try breaks([product(decided: "2026-03-02")], "TR134"))
    }

    @Test func aProductCodeNeedsAnOmvangCD041() throws {
        #expect(try breaks([product()], "CD041") { $0.products[0].omvang = nil })
    }

    @Test func aBudgetNeedsAnEnd() throws {
        #expect(try breaks([product(code: nil, end: nil, omvang: nil)], "CD075") { $0.products[0].budget = 10_000 })
        #expect(try problems([product(code: nil, omvang: nil)]) { $0.products[0].budget = 10_000 }.isEmpty)
    }

    @Test func aWeeklyVolumeNeedsAnEndCD076() throws {
        #expect(try breaks([product(end: nil, omvang: (3, "04", "2"))], "CD076"))
    }

    @Test func omvangAndBudgetExcludeEachOtherCD077CD078() throws {
        #expect(try breaks([product()], "CD077/CD078") { $0.products[0].budget = 10_000 })
    }

    @Test func withoutABudgetTheProductIsRequiredCD079() throws {
        let noProduct = JW301Fixture.Product(
            toewijzing: "5001", categorie: nil, code: nil, ingangsdatum: Day(iso: "2026-01-01")!)
        #expect(try breaks([noProduct], "CD079"))
    }
}
