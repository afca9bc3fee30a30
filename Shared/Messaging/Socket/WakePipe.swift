import Glibc

/// A pipe one thread writes to so that another, waiting in `zmqPoll` on its read end,
/// wakes up: a socket thread learns that work done elsewhere is ready for its sockets.
///
/// Both ends are non-blocking; a full pipe already means "wake up", so `wake` never waits.
public final class WakePipe: Sendable {
    /// Poll this with `ZMQPollItem(fileDescriptor:)`.
    public let readDescriptor: Int32
    private let writeDescriptor: Int32

    public init() {
        var fds: [Int32] = [-1, -1]
        // Without it the socket thread would poll descriptor 0 and never be woken.
        precondition(pipe(&fds) == 0, "no pipe for waking a socket thread (errno \(errno))")
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Any thread.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe, on the waiting thread, once it has woken.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }
}
