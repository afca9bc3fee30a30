import ArgumentParser
import Domain

/// `--aandeel 0268=55,5` (repeated) or `--naar-rato jeugdigen`: how a regio norm is split
/// over its gemeenten, as basis points for monitor.
enum NormShareWords {
    static func shares(
        aandelen: [String], naarRato: String?, gemeenten: [String], keys: [String: [String: Int64]]
    ) throws -> [String: Int]? {
        switch (aandelen.isEmpty, naarRato) {
        case (true, nil):
            return nil
        case (false, .some):
            throw ValidationError("geef --aandeel of --naar-rato, niet allebei")
        case (true, let name?):
            guard let key = keys[name] else {
                let known = keys.keys.sorted().joined(separator: ", ")
                throw ValidationError(
                    "onbekende verdeelsleutel \(name): kies uit [verdeelsleutels] (\(known.isEmpty ? "geen" : known))")
            }
            let missing = gemeenten.filter { key[$0] == nil }
            guard missing.isEmpty, !gemeenten.isEmpty,
                let shares = BudgetShares.naarRato(key.filter { gemeenten.contains($0.key) })
            else {
                throw ValidationError(
                    "verdeelsleutel \(name) mist gemeenten van de norm: \(missing.joined(separator: ", "))")
            }
            return shares
        case (false, nil):
            var shares: [String: Int] = [:]
            for word in aandelen {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let basisPoints = basisPoints(parts[1]) else {
                    throw ValidationError("--aandeel \(word): schrijf GEMEENTE=PROCENT, bijvoorbeeld 0268=55,5")
                }
                shares[parts[0]] = basisPoints
            }
            return shares
        }
    }

    /// "55", "55,5" or "55,25" percent as basis points.
    static func basisPoints(_ text: String) -> Int? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), (0...100).contains(whole) else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        guard (1...2).contains(parts[1].count), let fraction = Int(parts[1]) else { return nil }
        return whole * 100 + (parts[1].count == 1 ? fraction * 10 : fraction)
    }
}
