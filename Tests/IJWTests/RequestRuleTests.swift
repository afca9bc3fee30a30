import Domain
import Testing

@testable import IJW

/// The JW315 field conditions of the standard's table: each refuses the whole request
/// with 0001. Every test starts from a request that passes and breaks one rule.
@Suite struct RequestRuleTests {
    func request(_ edit: (inout RequestedProduct) -> Void = { _ in }) -> RequestedProduct {
        var product = RequestedProduct(
            referentieAanbieder: "AANVRAAG-1", productCategorie: "45", productCode: "45A03",
            toewijzingIngangsdatum: Day(iso: "2026-05-01")!, verwijzerType: "02",
            omvang: Omvang(volume: 6, eenheid: "04", frequentie: .perMaand), verwijzerNaam: "huisarts")
        edit(&product)
        return product
    }

    func breaks(_ rule: String, _ edit: (inout RequestedProduct) -> Void) -> Bool {
        let found = CareMessageChecks.requestProblems(request(edit))
        return found.count == 1 && found[0].hasPrefix(rule)
    }

    @Test func theValidRequestOfTheseTestsPasses() {
        #expect(CareMessageChecks.requestProblems(request()).isEmpty)
        #expect(CareMessageChecks.requestProblems(request { $0.verwijzerType = "01" }).isEmpty)
        #expect(
            CareMessageChecks.requestProblems(
                request {
                    $0.verwijzerNaam = nil; $0.zorgverlenerCode = "12345678"
                }
            )
            .isEmpty)
    }

    @Test func aBeschikkingNummerAndItsDateGoTogetherCD043() {
        #expect(breaks("CD043") { $0.beschikkingNummer = "123" })
        #expect(breaks("CD043") { $0.beschikkingIngangsdatum = Day(iso: "2026-03-15")! })
    }

    @Test func theReferrerIsNamedByCodeOrByNameCD066CD067CD068() {
        #expect(breaks("CD066") { $0.zorgverlenerCode = "12345678" })
        #expect(breaks("CD067") { $0.verwijzerNaam = nil })
        #expect(
            breaks("CD068") {
                $0.verwijzerType = "01"; $0.zorgverlenerCode = "12345678"
            })
    }

    @Test func productOmvangBudgetAndEndGoTogetherAsForAnAllocation() {
        #expect(breaks("CD041") { $0.omvang = nil })
        #expect(breaks("CD095") { $0.productCode = nil })
        #expect(breaks("CS343") { $0.omvang = Omvang(volume: 1, eenheid: "16", frequentie: .perDag) })
        #expect(breaks("CD076") { $0.omvang = Omvang(volume: 2, eenheid: "04", frequentie: .perWeek) })
        #expect(breaks("CS003") { $0.toewijzingEinddatum = Day(iso: "2026-04-30")! })
        #expect(
            breaks("CD075") {
                $0.productCode = nil; $0.omvang = nil; $0.budget = 10_000
            })
        #expect(
            breaks("CD077/CD078") {
                $0.budget = 10_000; $0.toewijzingEinddatum = Day(iso: "2026-12-31")!
            })
    }

    @Test func theSameProductTwiceOverlappingIsStackingTR386() {
        let first = request()
        var second = request()
        second.referentieAanbieder = "AANVRAAG-2"
        let stacked = ProductConditions.stacked(
            [CareMessageChecks.conditions(first), CareMessageChecks.conditions(second)], in: .jw315)
        #expect(stacked?.hasPrefix("TR386") == true)
        second.productCode = "45A04"
        #expect(
            ProductConditions.stacked(
                [CareMessageChecks.conditions(first), CareMessageChecks.conditions(second)], in: .jw315) == nil)
    }
}
