import Domain
import Testing

struct PublishedCountTests {
    @Test func countsFromOneToFourAreShownAsLessThanFive() {
        #expect(PublishedCount.text(0) == "0")
        #expect((1...4).map { PublishedCount.text($0) } == ["<5", "<5", "<5", "<5"])
        #expect(PublishedCount.text(5) == "5")
        #expect(PublishedCount.text(1_234) == "1234")
    }
}
