import Domain
import Testing

struct BSNTests {
    @Test func syntheticNumbersPassTheElevenTestAndAreDistinct() {
        let numbers = (0..<2_000).compactMap(BSN.synthetic)
        #expect(numbers.allSatisfy(BSN.isValid))
        #expect(Set(numbers).count == numbers.count)
        // One counter in eleven has no check digit (the sum leaves 10).
        #expect((1_700...1_850).contains(numbers.count))
        #expect(BSN.synthetic(0) == "200000007")
    }

    @Test func elevenTestRefusesAChangedDigit() {
        #expect(BSN.isValid("999900006"))
        #expect(!BSN.isValid("999900016"))
        #expect(!BSN.isValid("000000000"))
    }
}
