import Domain

/// Collects the shape JW301, JW305, JW307 and JW315 share: a header, one client's BSN
/// and a list of product blocks, each as `parent/name → text`. Everything else (names,
/// addresses, relations) is read past and never kept. A message type turns the blocks
/// into its model in `make`.
final class ClientProductsBuilder: MessageBuilder {
    let messageKind: IJWMessageKind
    private let productElement: String
    private let make: (MessageHeader, String, [[String: String]]) throws(IJWReadError) -> IJWMessage
    private var header: [String: String] = [:]
    private var bsn: String?
    private var products: [[String: String]] = []
    private var product: [String: String] = [:]
    private var inHeader = 0
    private var inProduct = 0

    init(
        _ messageKind: IJWMessageKind, productElement: String,
        make: @escaping (MessageHeader, String, [[String: String]]) throws(IJWReadError) -> IJWMessage
    ) {
        self.messageKind = messageKind
        self.productElement = productElement
        self.make = make
    }

    var completeHeader: MessageHeader? { try? FieldReader.header(header) }

    func start(_ name: String, path: [String]) {
        if name == "Header" { inHeader += 1 }
        if name == productElement {
            inProduct += 1
            product = [:]
        }
    }

    func end(_ name: String, path: [String], text: String) throws(IJWReadError) {
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        if inHeader > 0 {
            if name == "Header" { inHeader -= 1 } else { header["\(parent)/\(name)"] = text }
        } else if inProduct > 0 {
            if name == productElement {
                inProduct -= 1
                products.append(product)
            } else {
                product["\(parent)/\(name)"] = text
            }
        } else if name == "Bsn" && parent == "Client" {
            bsn = text
        }
    }

    func build() throws(IJWReadError) -> IJWMessage {
        let header = try FieldReader.header(header)
        do throws(IJWReadError) {
            guard let bsn else { throw FieldReader.structure("Bsn ontbreekt bij de Client") }
            guard !products.isEmpty else { throw FieldReader.structure("\(productElement) ontbreekt") }
            return try make(header, bsn, products)
        } catch {
            var withHeader = error
            withHeader.header = header
            throw withHeader
        }
    }
}
