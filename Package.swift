// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Slipway",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "slipway", targets: ["slipway"]),
        .library(name: "SlipwayEngine", targets: ["SlipwayEngine"]),
        .library(name: "SlipwayCore", targets: ["SlipwayCore"]),
        .library(name: "SlipwayScheduling", targets: ["SlipwayScheduling"]),
        .library(name: "SlipwayReports", targets: ["SlipwayReports"]),
        .library(name: "SlipwayInterchange", targets: ["SlipwayInterchange"]),
        .library(name: "SlipwayRendering", targets: ["SlipwayRendering"]),
        .library(name: "SlipwayReview", targets: ["SlipwayReview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The loader streams libyaml events through Yams' `CYaml` module, which Yams
        // builds but does not publish as a product: pinned to the minor version
        // whose module layout it was written against (6.2.x).
        .package(url: "https://github.com/jpsim/Yams", .upToNextMinor(from: "6.2.2")),
        // `Heap` for the ready sets of the topological sort and the leveling.
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // The engine knows nothing of plans: the index-based network, link types and
        // their rules, the topological order, CPM, leveling, the linear program and
        // PERT sampling.
        .target(name: "SlipwayEngine", dependencies: [.product(name: "HeapModule", package: "swift-collections")]),
        // The declared plan: model, time conventions, YAML loading and diagnostics.
        .target(name: "SlipwayCore", dependencies: ["SlipwayEngine", .product(name: "Yams", package: "Yams")]),
        // Plans on the engine: the plan graph, schedules and their checks; analysis
        // (what-if, slips, recovery, risk) and tracking (progress, baselines, variance).
        .target(name: "SlipwayScheduling", dependencies: ["SlipwayEngine", "SlipwayCore"]),
        // What people and programs read: table, JSON, CSV and Markdown.
        .target(name: "SlipwayReports", dependencies: ["SlipwayEngine", "SlipwayCore", "SlipwayScheduling"]),
        // Other tools' formats: the tracker document, MS Project XML, TaskJuggler, Mermaid, CSV, iCalendar.
        .target(name: "SlipwayInterchange", dependencies: ["SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayReports"]),
        // Graphviz's C library (cgraph + gvc), for diagrams rendered in process.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // Diagrams for reviews: network, constraint map and Gantt as SVG, PNG, PDF and DOT.
        .target(name: "SlipwayRendering", dependencies: ["CGraphviz", "SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayReports"]),
        // The review pack: one page that joins the analyses (scheduling), their words
        // (reports), the diagrams (rendering) and the Mermaid gantt (interchange). A target
        // of its own on top, so that none of those four takes on the others' dependencies
        // (the reports stay free of Graphviz, the diagrams of the interchange formats).
        .target(name: "SlipwayReview", dependencies: [
            "SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayInterchange", "SlipwayRendering",
        ]),
        .executableTarget(
            name: "slipway",
            dependencies: [
                "SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayInterchange", "SlipwayRendering", "SlipwayReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "slipway-bench", dependencies: [
            "SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayRendering", "SlipwayInterchange",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Fuzz targets over every reader of user files (make fuzz); without FUZZING it
        // replays saved inputs.
        .executableTarget(name: "slipway-fuzz", dependencies: [
            "SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayInterchange",
        ]),
        // What several test targets share: the golden-file check. A plain target, since
        // test targets cannot depend on one another; it is in no product.
        .target(name: "SlipwayTestSupport", path: "Tests/SlipwayTestSupport"),
        .testTarget(name: "SlipwayCoreTests", dependencies: ["SlipwayEngine", "SlipwayCore", "SlipwayScheduling"], exclude: ["Fixtures"]),
        .testTarget(name: "SlipwaySchedulingTests", dependencies: ["SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayTestSupport"]),
        .testTarget(name: "SlipwayReportsTests",
                    dependencies: ["SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "SlipwayInterchangeTests",
                    dependencies: ["SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayInterchange", "SlipwayTestSupport"],
                    exclude: ["Golden", "Fixtures"]),
        // Runs the built `slipway` executable as a user does.
        .testTarget(name: "SlipwayCLITests", dependencies: ["slipway", "SlipwayTestSupport"], exclude: ["Golden"]),
        // Golden files are read from the source tree, where `make golden` writes them; only
        // the fixtures are copied as resources.
        .testTarget(name: "SlipwayRenderingTests",
                    dependencies: ["SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayRendering", "SlipwayTestSupport"],
                    exclude: ["Golden"], resources: [.copy("Fixtures")]),
        // The review pack: its HTML parsed as XML, its Markdown golden, and the page in
        // headless Chromium through chromedriver (skipped, visibly, without them).
        .testTarget(name: "SlipwayReviewTests",
                    dependencies: ["SlipwayEngine", "SlipwayCore", "SlipwayScheduling", "SlipwayReview", "SlipwayTestSupport"],
                    exclude: ["Golden"]),
    ]
)
