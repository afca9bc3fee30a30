import CCurl
import Foundation

/// One libcurl easy handle with the upload body and header list it needs, cleaned up
/// together. libcurl's global state is initialised once per process, before any handle.
/// A handle keeps its connections open between transfers (see `CurlHandlePool`).
///
/// Unchecked Sendable: one transfer uses a handle at a time; the pool hands each idle
/// handle to one caller.
final class CurlEasy: @unchecked Sendable {
    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    let handle: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>?] = []
    private var upload: UploadBody?
    private(set) var responseBody = Data()

    init() throws(DeliveryError) {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else {
            throw DeliveryError(kind: .temporary, message: "curl_easy_init failed", code: nil)
        }
        self.handle = handle
        set(CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        for list in lists { curl_slist_free_all(list) }
        curl_easy_cleanup(handle)
    }

    /// Forgets the last transfer's options, lists and bodies; keeps the open connections.
    func reset() {
        curl_easy_reset(handle)
        for list in lists { curl_slist_free_all(list) }
        lists = []
        upload = nil
        responseBody = Data()
        set(CURLOPT_NOSIGNAL, 1)
    }

    func set(_ option: CURLoption, _ value: Int) { _ = plafond_curl_setopt_long(handle, option, value) }
    func set(_ option: CURLoption, _ value: String) { _ = plafond_curl_setopt_string(handle, option, value) }

    func set(_ option: CURLoption, list values: [String]) {
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values { list = curl_slist_append(list, value) }
        lists.append(list)
        _ = plafond_curl_setopt_slist(handle, option, list)
    }

    /// Streams `data` as the request body (SMTP DATA or HTTP POST).
    func upload(_ data: Data) {
        let body = UploadBody(data)
        upload = body
        _ = plafond_curl_setopt_callback(handle, CURLOPT_READFUNCTION) { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let body = Unmanaged<UploadBody>.fromOpaque(context).takeUnretainedValue()
            return body.read(into: buffer, capacity: size * count)
        }
        _ = plafond_curl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(body).toOpaque())
    }

    /// Keeps the response body (HTTP), instead of letting libcurl print it.
    func collectResponse() {
        _ = plafond_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION) { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let easy = Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue()
            easy.responseBody.append(UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: size * count)
            return size * count
        }
        _ = plafond_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Runs the transfer; returns the libcurl result and the server's last status code.
    func perform() -> (result: CURLcode, status: Int) {
        let result = curl_easy_perform(handle)
        var status = 0
        _ = plafond_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return (result, status)
    }

    static func describe(_ code: CURLcode) -> String { String(cString: curl_easy_strerror(code)) }
}

/// The bytes libcurl pulls through the read callback.
final class UploadBody {
    private let data: Data
    private var offset = 0

    init(_ data: Data) { self.data = data }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, data.count - offset)
        guard count > 0 else { return 0 }
        data.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
