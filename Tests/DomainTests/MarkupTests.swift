import Domain
import Testing

struct MarkupTests {
    @Test func escapesTheFiveAndKeepsEveryOtherCharacter() {
        #expect(
            Markup.escape("Zorg & Co <\"Nijmegen\"> 't Gooi")
                == "Zorg &amp; Co &lt;&quot;Nijmegen&quot;&gt; &#39;t Gooi")
        #expect(Markup.escape("Jeugdhulp Één · € 1.200,00 ✓") == "Jeugdhulp Één · € 1.200,00 ✓")
        #expect(Markup.escape("") == "")
        #expect(Markup.escape("&amp;") == "&amp;amp;")
    }

    /// A `<` that a combining mark joins into one grapheme cluster is still a `<` to a
    /// browser's tokenizer: escaped by byte, it cannot open a tag.
    @Test func escapesAnAngleBracketJoinedToACombiningMark() {
        let escaped = Markup.escape("<\u{338}script>")
        #expect(!escaped.contains("<"))
        #expect(escaped == "&lt;\u{338}script&gt;")
    }

    /// The same text as replacing each of the five in turn (`&` first), for random text
    /// mixing the five with multi-byte characters.
    @Test func agreesWithReplacingEachInTurn() {
        let alphabet = Array("&<>\"'aZ9 é€😀\u{301}")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = String(
                (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                })
            var reference = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": reference += "&amp;"
                case "<": reference += "&lt;"
                case ">": reference += "&gt;"
                case "\"": reference += "&quot;"
                case "'": reference += "&#39;"
                default: reference.unicodeScalars.append(scalar)
                }
            }
            #expect(Markup.escape(text) == reference, "\(text)")
        }
    }
}
