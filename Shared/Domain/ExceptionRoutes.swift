/// The exception routes of a referral stop: named ways in that a stop does not close
/// (Nijmegen: "Verwijzingen door de Nijmeegse Regieteams zijn standaard uitgezonderd van de
/// toeleidingsstop", and the CPV and RET routes), each recognised by what the gemeente
/// names: the referrer type (COD327), the gemeente's own team that referred (JW315's
/// Verwijzer/Naam, see `ReferrerTeam`), or an allocation marked by hand (`plafond exempt
/// --reden NAAM`, `plafond cpv`), whatever its name.
///
/// Pure: the configuration decides the routes, monitor asks which one an arrival came by.
public struct ExceptionRoutes: Sendable, Equatable {
    public struct Route: Sendable, Equatable {
        public var name: String
        /// Referrer types (COD327) whose referrals this route exempts.
        public var verwijzerTypes: Set<String>
        /// Team names, matched case-insensitively at the start of the referring team's
        /// name ("Regieteam" matches "Regieteam Oost" and "regieteam noord").
        public var teams: [String]

        public init(name: String, verwijzerTypes: Set<String> = [], teams: [String] = []) {
            self.name = name
            self.verwijzerTypes = verwijzerTypes
            self.teams = teams
        }

        func matches(verwijzerType: String?, team: String?) -> Bool {
            if let verwijzerType, verwijzerTypes.contains(verwijzerType) { return true }
            guard let team = team?.lowercased() else { return false }
            return teams.contains { !$0.isEmpty && team.hasPrefix($0.lowercased()) }
        }
    }

    public var routes: [Route]

    public init(_ routes: [Route]) { self.routes = routes.sorted { $0.name < $1.name } }

    /// Nijmegen's routes when a configuration names none: the Regieteams exempt by their
    /// name; CPV and RET by an allocation marked by hand (a CPV decision marks it too).
    public static let nijmegen = ExceptionRoutes([
        Route(name: "CPV"), Route(name: "RET"), Route(name: "Regieteam", teams: ["Regieteam"]),
    ])

    /// The route a referral came by, the first by name when more apply; nil for none.
    public func route(verwijzerType: String?, team: String?) -> String? {
        routes.first { $0.matches(verwijzerType: verwijzerType, team: team) }?.name
    }

    /// The name as configured for a hand mark ("regieteam" is "Regieteam"); nil when no
    /// route has that name.
    public func named(_ name: String) -> String? {
        routes.first { $0.name.lowercased() == name.lowercased() }?.name
    }

    /// The configuration's older `exempt_verwijzer_types` as one more route.
    public func adding(verwijzerTypes: Set<String>) -> ExceptionRoutes {
        guard !verwijzerTypes.isEmpty else { return self }
        return ExceptionRoutes(routes + [Route(name: "verwijzertype", verwijzerTypes: verwijzerTypes)])
    }
}
