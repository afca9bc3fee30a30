import CZeroMQ

/// One entry of a poll: a socket or a plain file descriptor (for a wake-up pipe).
public struct ZMQPollItem {
    enum Target {
        case socket(ZMQSocket)
        case descriptor(Int32)
    }

    let target: Target
    public private(set) var readable = false

    public init(socket: ZMQSocket) { target = .socket(socket) }
    public init(fileDescriptor: Int32) { target = .descriptor(fileDescriptor) }

    mutating func set(readable: Bool) { self.readable = readable }
}

/// Waits until one of the items is readable or the timeout passes. Returns how many are
/// readable; an interrupted wait counts as none ready.
public func zmqPoll(_ items: inout [ZMQPollItem], timeoutMilliseconds: Int) throws -> Int {
    var raw = try items.map { item -> zmq_pollitem_t in
        switch item.target {
        case .socket(let socket):
            return zmq_pollitem_t(socket: try socket.raw(), fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        case .descriptor(let fd):
            return zmq_pollitem_t(socket: nil, fd: fd, events: Int16(ZMQ_POLLIN), revents: 0)
        }
    }
    let count = zmq_poll(&raw, Int32(raw.count), timeoutMilliseconds)
    if count < 0 {
        let error = ZMQError.last("zmq_poll")
        if error.isInterrupted { return 0 }
        throw error
    }
    for index in items.indices {
        items[index].set(readable: raw[index].revents & Int16(ZMQ_POLLIN) != 0)
    }
    return Int(count)
}
