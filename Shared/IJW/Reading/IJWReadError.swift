/// Why a document could not be read as an iJw message.
public struct IJWReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case notXML, tooLarge, forbiddenDTD, tooDeep, unknownMessage, structure
    }

    public var kind: Kind
    /// Dutch, for the answer; names the field for a structure error.
    public var message: String
    /// For a structure error in a message whose header could be read: the header, so the
    /// answer can be the standard's technical rejection (0001) instead of a bare fault.
    public var header: MessageHeader?
    /// The message the document is (by its namespace), once that is known: its answer
    /// type follows it.
    public var messageKind: IJWMessageKind?

    public init(_ kind: Kind, _ message: String, header: MessageHeader? = nil, messageKind: IJWMessageKind? = nil) {
        self.kind = kind
        self.message = message
        self.header = header
        self.messageKind = messageKind
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
