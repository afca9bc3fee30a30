import Domain

/// A refusal of notifier's; the Dutch `message` goes to the CLI as is.
struct NotifierError: CodedError {
    enum Code: String, Sendable {
        /// The request cannot be carried out as asked (a missing name, a day in the past).
        case invalidRequest
        /// It names an alert, norm or subscription notifier does not know.
        case notFound
        /// A command this notifier does not know (a CLI newer than the service).
        case unknownCommand
        /// The store lacks what its migrations should have made.
        case corruptStore
    }

    let code: Code
    let message: String
    let cause: (any Error)?
    let file: String
    let line: Int

    init(_ code: Code, _ message: String, cause: (any Error)? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.cause = cause
        self.file = file
        self.line = line
    }

    var description: String { message }
}
