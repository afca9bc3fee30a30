/// Turns the stream of finished elements of one message type into an `IJWMessage`.
/// The reader picks the builder by the root element's namespace.
protocol MessageBuilder: AnyObject {
    func start(_ name: String, path: [String])
    func end(_ name: String, path: [String], text: String) throws(IJWReadError)
    func build() throws(IJWReadError) -> IJWMessage
    /// The header once it is complete, so an error later in the message can be answered
    /// in the standard's form (a technical rejection) instead of a Plafond fault.
    var completeHeader: MessageHeader? { get }
    /// The message this builder reads.
    var messageKind: IJWMessageKind { get }
}

/// The message types intake reads, by namespace.
enum MessageBuilders {
    static let base = "http://www.istandaarden.nl/ijw/3_2/"

    static func builder(forNamespace namespace: String?) -> (any MessageBuilder)? {
        switch namespace {
        case "\(base)jw323/schema": JW323Builder()
        case "\(base)jw301/schema":
            ClientProductsBuilder(.jw301, productElement: "ToegewezenProduct", make: ProductReaders.allocation)
        case "\(base)jw305/schema":
            ClientProductsBuilder(.jw305, productElement: "StartProduct", make: ProductReaders.careStart)
        case "\(base)jw307/schema":
            ClientProductsBuilder(.jw307, productElement: "StopProduct", make: ProductReaders.careStop)
        case "\(base)jw315/schema":
            ClientProductsBuilder(.jw315, productElement: "AangevraagdProduct", make: ProductReaders.allocationRequest)
        default: nil
        }
    }
}
