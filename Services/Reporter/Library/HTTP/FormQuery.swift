import Foundation
import Hummingbird
import HummingbirdCore

extension URI {
    /// The query as a browser's form sends it (`application/x-www-form-urlencoded`, read as
    /// a posted form is: `FormFields`): a space is `+`, anything else percent-encoded.
    /// Hummingbird's `queryParameters` percent-decodes values only and leaves `+` as it is,
    /// so a regio chosen in a form (`regio=Rijk+van+Nijmegen`) arrived as
    /// "Rijk+van+Nijmegen" and was refused as unknown. The dashboard's pages read their
    /// query with this; the API keeps the generated code's reading.
    var formParameters: Hummingbird.Parameters {
        guard let query, !query.isEmpty else { return .init() }
        return .init(FormFields.pairs(query).map { (key: Substring($0.name), value: Substring($0.value)) })
    }
}
