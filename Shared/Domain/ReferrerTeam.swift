/// The gemeente's own team that referred a client (JW315's Verwijzer with Type 01, its
/// Naam), for the council's referrer shares and for exception routes by team.
///
/// iJw 3.2's JW301 carries no Verwijzer: the referrer is known from the provider's request
/// (JW315). Only a team of the gemeente is kept by name; a GP or specialist is a person,
/// and their type says enough. A name with a BSN-shaped number in it (nine digits passing
/// the 11-test) is not kept at all: a BSN never leaves intake, not even by a typing slip.
public enum ReferrerTeam {
    /// COD327: 01 gemeentelijke toegang (the gemeente's own team).
    public static let gemeenteType = "01"
    /// A team name is a label, not a text: longer names are cut (LDT_NaamVerwijzer is 35).
    public static let maximumLength = 35

    /// The team's name, trimmed and with inner whitespace collapsed; nil when the referrer
    /// is not the gemeente, the name is empty, or it holds a BSN-shaped number.
    public static func team(verwijzerType: String, naam: String?) -> String? {
        guard verwijzerType == gemeenteType, let naam else { return nil }
        let words = naam.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty, !containsBSN(naam) else { return nil }
        return String(words.joined(separator: " ").prefix(maximumLength))
    }

    /// Whether any run of exactly nine digits in `text` passes the 11-test.
    static func containsBSN(_ text: String) -> Bool {
        var run = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                run.append(character)
            } else {
                if run.count == 9 && BSN.isValid(run) { return true }
                run = ""
            }
        }
        return false
    }
}
