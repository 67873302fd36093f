import Foundation
import Testing
import SlipwayReview

/// The AWS review pack in a real browser: headless Chromium driven through
/// chromedriver. Loaded from disk, it logs no console error and makes no network
/// request, shows every section, draws every SVG at a size, sorts a table when a
/// header is clicked, and leaves a 1280x800 screenshot to look at
/// (`.build/review-browser/aws-migration-review.png`).
///
/// `make test` installs Debian's `chromium` and `chromium-driver` when missing;
/// where they cannot be installed the suite is skipped, and says so.
@Suite(.enabled(if: WebDriver.isAvailable, "needs chromium and chromedriver (Debian's chromium and chromium-driver; 'make test' installs them)"),
       .serialized)
struct BrowserTests {
    static let screenshotDirectory = ReviewFixtures.repository.appendingPathComponent(".build/review-browser")

    @Test func theAWSPackLoadsCleanlyDrawsEverythingAndSorts() async throws {
        let page = Self.screenshotDirectory.appendingPathComponent("aws-migration-review.html")
        try FileManager.default.createDirectory(at: Self.screenshotDirectory, withIntermediateDirectories: true)
        try Data(ReviewHTML.render(try ReviewFixtures.awsPack()).utf8).write(to: page)
        let driver = try await WebDriver(width: 1280, height: 800)
        do {
            try await check(driver, page: page)
        } catch {
            await driver.quit()
            throw error
        }
        await driver.quit()
    }

    func check(_ driver: WebDriver, page: URL) async throws {
        try await driver.navigate(to: page)
        // Every section, in order, in the rendered DOM.
        let sections = try await driver.execute("return Array.from(document.querySelectorAll('main > section')).map(s => s.id)") as? [String]
        #expect(sections == ReviewSection.allCases.map(\.rawValue))
        // Every SVG drawn with a size.
        let sizes = try await driver.execute("""
            return Array.from(document.querySelectorAll('svg')).map(s => {
              const r = s.getBoundingClientRect(); return [s.getAttribute('aria-label'), r.width, r.height]; })
            """) as? [[Any]] ?? []
        #expect(sizes.count == 6)
        for size in sizes {
            let width = (size[1] as? NSNumber)?.doubleValue ?? 0, height = (size[2] as? NSNumber)?.doubleValue ?? 0
            #expect(width > 50 && height > 50, "\(size[0]) is drawn at \(width) x \(height)")
        }
        // Sorting: the register's Resolved column, in plan order at first; one click
        // sorts it ascending, a second descending.
        let column = "Array.from(document.querySelectorAll('#constraint-register tbody tr')).map(r => Number(r.cells[6].getAttribute('data-sort')))"
        let before = try await driver.execute("return " + column) as? [Double] ?? []
        #expect(before.count == 18 && before != before.sorted(), "the register should not start sorted, or the test could not fail")
        try await driver.click(css: "#constraint-register thead th:nth-child(7)")
        let ascending = try await driver.execute("return " + column) as? [Double] ?? []
        #expect(ascending == before.sorted())
        try await driver.click(css: "#constraint-register thead th:nth-child(7)")
        let descending = try await driver.execute("return " + column) as? [Double] ?? []
        #expect(descending == before.sorted(by: >))
        // No console error, no request but the page itself.
        let console = try await driver.log("browser")
        let errors = console.filter { ($0["level"] as? String) == "SEVERE" }.compactMap { $0["message"] as? String }
        #expect(errors.isEmpty, "console errors: \(errors)")
        let requests = try await driver.log("performance").compactMap { entry -> String? in
            guard let message = entry["message"] as? String,
                  let event = try? JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any],
                  let inner = event["message"] as? [String: Any], inner["method"] as? String == "Network.requestWillBeSent",
                  let params = inner["params"] as? [String: Any], let request = params["request"] as? [String: Any] else { return nil }
            return request["url"] as? String
        }
        #expect(requests.contains(page.absoluteString), "the performance log did not record the page load, so it could not record others")
        #expect(requests.allSatisfy { $0 == page.absoluteString }, "requests besides the page: \(requests.filter { $0 != page.absoluteString })")
        // Back to the top for the screenshot, which is the size asked for.
        _ = try await driver.execute("window.scrollTo(0, 0); return true")
        let png = try await driver.screenshot()
        let shot = Self.screenshotDirectory.appendingPathComponent("aws-migration-review.png")
        try png.write(to: shot)
        #expect(png.count > 24 && Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1280 && height == 800, "screenshot is \(width) x \(height)")
    }
}
