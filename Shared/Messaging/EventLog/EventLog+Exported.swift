// The event log's protocol types (`LoggedEvent`, `EventLogWire`, the subscriber's state
// machine) live in the pure `EventLog` target so `Storage` can use them without linking
// libzmq; whoever uses the sockets gets them with `import Messaging`, as before.
@_exported import EventLog
