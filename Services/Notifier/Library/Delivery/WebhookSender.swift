import CCurl
import Foundation

/// POSTs a JSON body to a webhook with an `Idempotency-Key`, so the receiver can drop
/// a redelivery. 2xx is success; 5xx and timeouts are temporary; 4xx is permanent
/// unless its status is in `retryStatuses` (by default 408 and 429, which ask to come back).
public struct WebhookSender: Sendable {
    public var timeoutSeconds: Int
    public var retryStatuses: Set<Int>
    /// Kept connections (HTTP keep-alive) between posts to the same receiver.
    private let connections = CurlHandlePool()

    public init(timeoutSeconds: Int = 10, retryStatuses: Set<Int> = [408, 429]) {
        self.timeoutSeconds = timeoutSeconds
        self.retryStatuses = retryStatuses
    }

    @discardableResult
    public func post(url: String, body: Data, idempotencyKey: String, extraHeaders: [String: String] = [:])
        throws(DeliveryError) -> Int
    {
        let curl = try connections.take()
        curl.set(CURLOPT_URL, url)
        curl.set(CURLOPT_POST, 1)
        curl.set(CURLOPT_POSTFIELDSIZE, body.count)
        curl.set(CURLOPT_CONNECTTIMEOUT, min(10, timeoutSeconds))
        curl.set(CURLOPT_TIMEOUT, timeoutSeconds)
        var headers = ["Content-Type: application/json", "Idempotency-Key: \(idempotencyKey)", "Expect:"]
        headers += extraHeaders.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        curl.set(CURLOPT_HTTPHEADER, list: headers)
        curl.upload(body)
        curl.collectResponse()
        let (result, status) = curl.perform()
        guard result == CURLE_OK else {
            throw DeliveryError(kind: .temporary, message: "webhook: \(CurlEasy.describe(result))", code: nil)
        }
        connections.giveBack(curl)
        switch status {
        case 200..<300: return status
        case 400..<500 where !retryStatuses.contains(status):
            throw DeliveryError(kind: .permanent, message: "webhook answered \(status)", code: status)
        default: throw DeliveryError(kind: .temporary, message: "webhook answered \(status)", code: status)
        }
    }
}
