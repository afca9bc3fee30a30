/// A refusal with a Dutch text the CLI prints as is.
struct NotifierError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
