import Foundation
import HummingbirdTesting
import Testing

/// The API's error answer, `{"code": …, "message": …}` (openapi.yaml `ErrorBody`), read
/// strictly: no other fields, the answer JSON.
struct APIErrorBody: Decodable, Equatable {
    var code: String
    var message: String

    init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    init(_ response: TestResponse) throws {
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        #expect(Set(object?.keys ?? [:].keys) == ["code", "message"])
        self = try JSONDecoder().decode(APIErrorBody.self, from: Data(buffer: response.body))
    }
}
