import Contracts
import Domain
import Testing

@Suite struct NormScopeTests {
    let scope = NormScope(gemeenten: ["0268", "0209"], aanbieder: "12345678", productCategorieen: ["45"])

    @Test func matchesOnlyItsGemeentenProviderAndCategory() {
        #expect(scope.matches(gemeente: "0268", aanbieder: "12345678", productCategorie: "45", productCode: "45A03"))
        #expect(!scope.matches(gemeente: "0356", aanbieder: "12345678", productCategorie: "45", productCode: "45A03"))
        #expect(!scope.matches(gemeente: "0268", aanbieder: "87654321", productCategorie: "45", productCode: "45A03"))
        #expect(!scope.matches(gemeente: "0268", aanbieder: "12345678", productCategorie: "41", productCode: "41A01"))
    }

    @Test func emptyListsMeanAll() {
        let all = NormScope(gemeenten: [])
        #expect(all.matches(gemeente: "0546", aanbieder: "1", productCategorie: "54", productCode: nil))
    }

    @Test func categoriesAndCodesCountEither() {
        let mixed = NormScope(gemeenten: [], productCategorieen: ["41"], productCodes: ["45A03"])
        #expect(mixed.matches(gemeente: "0268", aanbieder: "1", productCategorie: "41", productCode: "41X01"))
        #expect(mixed.matches(gemeente: "0268", aanbieder: "1", productCategorie: "45", productCode: "45A03"))
        #expect(!mixed.matches(gemeente: "0268", aanbieder: "1", productCategorie: "45", productCode: "45A04"))
    }
}

@Suite struct ThresholdLevelsTests {
    @Test func reachedIsInclusiveAndExact() {
        #expect(ThresholdLevels.reached(value: 69_999, limit: 100_000, thresholds: [70, 90, 100]) == [])
        #expect(ThresholdLevels.reached(value: 70_000, limit: 100_000, thresholds: [70, 90, 100]) == [70])
        #expect(ThresholdLevels.reached(value: 100_000, limit: 100_000, thresholds: [70, 90, 100]) == [70, 90, 100])
    }

    @Test func basisPointsRoundDownAndSurviveHugeAmounts() {
        #expect(ThresholdLevels.basisPoints(value: 72_505, limit: 100_000) == 7_250)
        #expect(ThresholdLevels.basisPoints(value: 1, limit: 0) == 0)
        #expect(ThresholdLevels.basisPoints(value: Int64.max / 2, limit: Int64.max / 4) == 20_000)
        #expect(ThresholdLevels.reached(value: Int64.max, limit: Int64.max, thresholds: [100]) == [100])
    }
}
