import Messaging

/// The receive step every server loop shares: a timeout or an interrupted call is
/// "nothing yet" (the loop checks whether to stop and tries again); a terminated context
/// or a real error ends the loop.
public enum SocketReceive {
    public static func next(_ socket: ZMQSocket, dontWait: Bool = false) throws -> ZMQMessage? {
        do {
            return try socket.receive(dontWait: dontWait)
        } catch let error as ZMQError where error.isInterrupted || error.isWouldBlock {
            return nil
        }
    }
}
