import Foundation
import HummingbirdTesting
import Testing

/// An API answer's JSON as the client reads it, with its objects and lists by key.
enum APIJSON {
    static func object(_ response: TestResponse) throws -> [String: Any] {
        #expect(response.status == .ok)
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    /// A published count as it is in the JSON: "12" for the number 12, "<5" for the string.
    static func count(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        return (value as? Int).map(String.init)
    }
}
