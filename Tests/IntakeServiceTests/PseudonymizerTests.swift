import Testing

@testable import IntakeService

/// The pseudonym is what monitor and reporter count clients by: its form may never drift,
/// or the same client would count twice across a change of intake.
struct PseudonymizerTests {
    @Test func pseudonymIsTheFirstHalfOfTheKeyedHashInLowercaseHex() {
        // HMAC-SHA256(key "test", "999900006"), first 16 bytes, as Python's hmac computes it.
        #expect(Pseudonymizer(secret: "test").pseudonym(forBSN: "999900006") == "p-8e62f8e3f02e0e63776238e80bc3ea2a")
    }

    @Test func anotherKeyGivesAnotherPseudonym() {
        #expect(
            Pseudonymizer(secret: "test").pseudonym(forBSN: "999900006")
                != Pseudonymizer(secret: "other").pseudonym(forBSN: "999900006"))
    }
}
