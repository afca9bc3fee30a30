import Domain

/// `[uitzonderingsroutes.NAAM]`: one exception route of a referral stop, recognised by
/// referrer types (COD327) and/or the names of the gemeente's own teams that refer
/// (matched at the start, case-insensitively). A route with neither is recognised by hand
/// only: `plafond exempt --toewijzing N --reden NAAM`, or a CPV decision for "CPV".
///
/// Without the section, Nijmegen's routes apply (`ExceptionRoutes.nijmegen`: CPV, RET, and
/// the Regieteams exempt by name); with it, exactly the routes it names.
public struct ExceptionRouteConfiguration: Sendable, Equatable, Codable {
    public var verwijzerTypes: [String] = []
    public var teams: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case verwijzerTypes = "verwijzer_types"
        case teams
    }

    public init(verwijzerTypes: [String] = [], teams: [String] = []) {
        self.verwijzerTypes = verwijzerTypes
        self.teams = teams
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        verwijzerTypes = try c.decodeIfPresent([String].self, forKey: .verwijzerTypes) ?? []
        teams = try c.decodeIfPresent([String].self, forKey: .teams) ?? []
    }
}

extension PlafondConfiguration {
    /// The routes in force: the configured ones (or Nijmegen's), and the older
    /// `[monitor] exempt_verwijzer_types` as one more.
    public var exceptionRoutes: ExceptionRoutes {
        let configured =
            uitzonderingsroutes.map { routes in
                ExceptionRoutes(
                    routes.map { name, route in
                        ExceptionRoutes.Route(name: name, verwijzerTypes: Set(route.verwijzerTypes), teams: route.teams)
                    })
            } ?? .nijmegen
        return configured.adding(verwijzerTypes: Set(monitor.exemptVerwijzerTypes))
    }
}
