import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files only the service's own user may read: key files and the data folder.
public enum SecretFile {
    /// Writes `data` atomically to `url`, readable and writable by the owner only from the
    /// first byte (a temporary file made 0600, then renamed over the target).
    /// `readableByOthers` is for files that hold no secret but that services running
    /// under other users must read (the keyring of public keys): 0644.
    public static func write(_ data: Data, to url: URL, readableByOthers: Bool = false) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0, readableByOthers { fchmod(fd, 0o644) }
        guard fd >= 0 else {
            throw RuntimeError(.startup, "cannot create \(temporary.path) (errno \(errno))")
        }
        let written = data.withUnsafeBytes { raw in raw.baseAddress.map { Glibc.write(fd, $0, raw.count) } ?? 0 }
        let synced = fsync(fd)
        close(fd)
        guard written == data.count, synced == 0, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw RuntimeError(.startup, "cannot write \(url.path) (errno \(errno))")
        }
    }

    /// Creates a folder (and its parents) that only the owner may enter; an existing one
    /// is left as it is (production refuses one others can read: `ProductionReadiness`).
    public static func createPrivateFolder(_ url: URL) throws {
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}
