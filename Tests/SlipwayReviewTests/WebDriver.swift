import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small WebDriver client (W3C WebDriver, 2018) over chromedriver, enough for
/// the browser test: a session of headless Chromium with the browser and
/// performance (DevTools network) logs on, navigation, script, clicks, logs and
/// screenshots. JSON over plain HTTP on a socket.
final class WebDriver: @unchecked Sendable {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    /// Both programs are installed (Debian's `chromium` and `chromium-driver`).
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let process: Process
    let port: Int
    private(set) var session = ""

    /// Starts chromedriver on a free port and a headless session at `width` x `height`.
    init(width: Int, height: Int) async throws {
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromedriver)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var ready = false
        var lastError: Error?
        // A loaded machine can take seconds to start it.
        for _ in 0..<300 where !ready {
            do {
                let status = try await request("GET", "/status") as? [String: Any]
                ready = status?["ready"] as? Bool == true
            } catch {
                lastError = error
            }
            if !ready { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        guard ready else {
            stop()
            throw Failure(description: "chromedriver did not become ready on port \(port) in 30 s: \(lastError.map { "\($0)" } ?? "not ready")")
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": Self.chromium,
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                            "--hide-scrollbars", "--window-size=\(width),\(height)"]],
            "goog:loggingPrefs": ["browser": "ALL", "performance": "ALL"],
        ] as [String: Any]]]
        do {
            let value = try await request("POST", "/session", capabilities) as? [String: Any]
            guard let id = value?["sessionId"] as? String else { throw Failure(description: "no session id in \(String(describing: value))") }
            session = id
            // The window's size includes what the browser draws around the page even
            // headless: fix the viewport itself, through the DevTools protocol.
            try await request("POST", "/session/\(id)/goog/cdp/execute", ["cmd": "Emulation.setDeviceMetricsOverride",
                "params": ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false] as [String: Any]])
        } catch {
            stop()
            throw error
        }
    }

    /// Ends the session (and with it the browser), then chromedriver, which
    /// does not stop on SIGTERM: it is asked to, then killed.
    func quit() async {
        if !session.isEmpty { _ = try? await request("DELETE", "/session/\(session)") }
        stop()
    }

    private func stop() {
        _ = try? Self.http("GET", port: port, path: "/shutdown", body: Data())
        for _ in 0..<20 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    func navigate(to url: URL) async throws { _ = try await request("POST", "/session/\(session)/url", ["url": url.absoluteString]) }

    /// Runs a script in the page and returns its result.
    func execute(_ script: String) async throws -> Any? {
        try await request("POST", "/session/\(session)/execute/sync", ["script": script, "args": [] as [Any]])
    }

    /// Clicks the first element matching a CSS selector (scrolled into view first, as WebDriver does).
    func click(css selector: String) async throws {
        let found = try await request("POST", "/session/\(session)/element", ["using": "css selector", "value": selector]) as? [String: Any]
        guard let element = found?.values.first as? String else { throw Failure(description: "no element \(selector)") }
        _ = try await request("POST", "/session/\(session)/element/\(element)/click", [:])
    }

    /// A log of the session: `browser` (console) or `performance` (DevTools events).
    func log(_ type: String) async throws -> [[String: Any]] {
        (try await request("POST", "/session/\(session)/se/log", ["type": type]) as? [[String: Any]]) ?? []
    }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        guard let text = try await request("GET", "/session/\(session)/screenshot") as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "no screenshot")
        }
        return data
    }

    /// One WebDriver command: its `value`, or a failure with the driver's message.
    @discardableResult
    func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let (status, data) = try Self.http(method, port: port, path: path, body: payload)
        let json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        let value = json?["value"]
        if status >= 400 {
            let message = (value as? [String: Any])?["message"] as? String ?? String(decoding: data, as: UTF8.self)
            throw Failure(description: "\(method) \(path): \(status): \(message)")
        }
        return value is NSNull ? nil : value
    }

    /// HTTP/1.1 to chromedriver over a plain socket, one connection per request. Not
    /// URLSession: Foundation on Linux refuses chromedriver's responses ("Failed
    /// writing header"), whose header lines have no space after the colon.
    static func http(_ method: String, port: Int, path: String, body: Data) throws -> (status: Int, body: Data) {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "no socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw Failure(description: "cannot connect to chromedriver on port \(port)") }
        var message = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        message += Data("Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        var sent = 0
        while sent < message.count {
            let n = message.withUnsafeBytes { send(fd, $0.baseAddress! + sent, message.count - sent, 0) }
            guard n > 0 else { throw Failure(description: "cannot send to chromedriver") }
            sent += n
        }
        // chromedriver keeps the connection open whatever the request says: read
        // the head, then exactly Content-Length bytes of body.
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var expected: Int?
        var bodyStart = 0
        while expected.map({ response.count < bodyStart + $0 }) ?? true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            response.append(buffer, count: n)
            if expected == nil, let split = response.range(of: Data("\r\n\r\n".utf8)) {
                bodyStart = split.upperBound
                let head = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                expected = length.flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            }
        }
        guard let expected, response.count >= bodyStart + expected,
              let statusLine = String(decoding: response[..<bodyStart], as: UTF8.self).split(separator: "\r\n").first,
              let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw Failure(description: "no complete HTTP answer from chromedriver to \(method) \(path)")
        }
        return (status, Data(response[bodyStart..<(bodyStart + expected)]))
    }

    /// A TCP port nothing listens on: bind to port 0 and read what the system chose.
    static func freePort() throws -> Int {
        #if os(Linux)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, stream, 0)
        guard fd >= 0 else { throw Failure(description: "no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "cannot bind a socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
