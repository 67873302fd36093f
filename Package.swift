// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Slipway",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "slipway", targets: ["slipway"]),
        .library(name: "SlipwayCore", targets: ["SlipwayCore"]),
        .library(name: "SlipwayScheduling", targets: ["SlipwayScheduling"]),
        .library(name: "SlipwayReports", targets: ["SlipwayReports"]),
        .library(name: "SlipwayInterchange", targets: ["SlipwayInterchange"]),
        .library(name: "SlipwayRendering", targets: ["SlipwayRendering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The declared plan: model, time conventions, YAML loading and diagnostics.
        .target(name: "SlipwayCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Computed schedules: the index-based graph and the critical-path method.
        .target(name: "SlipwayScheduling", dependencies: ["SlipwayCore"]),
        // What people and programs read: table, JSON, CSV and Markdown.
        .target(name: "SlipwayReports", dependencies: ["SlipwayCore", "SlipwayScheduling"]),
        // Other tools' formats: the tracker document, MS Project XML, TaskJuggler, Mermaid, CSV, iCalendar.
        .target(name: "SlipwayInterchange", dependencies: ["SlipwayCore", "SlipwayScheduling", "SlipwayReports"]),
        // Graphviz's C library (cgraph + gvc), for diagrams rendered in process.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // Diagrams for reviews: network, constraint map and Gantt as SVG, PNG, PDF and DOT.
        .target(name: "SlipwayRendering", dependencies: ["CGraphviz", "SlipwayCore", "SlipwayScheduling", "SlipwayReports"]),
        .executableTarget(
            name: "slipway",
            dependencies: [
                "SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayInterchange", "SlipwayRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "slipway-bench", dependencies: [
            "SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayRendering", .product(name: "Yams", package: "Yams"),
        ]),
        // What several test targets share: the golden-file check. A plain target, since
        // test targets cannot depend on one another; it is in no product.
        .target(name: "SlipwayTestSupport", path: "Tests/SlipwayTestSupport"),
        .testTarget(name: "SlipwayCoreTests", dependencies: ["SlipwayCore", "SlipwayScheduling"], exclude: ["Fixtures"]),
        .testTarget(name: "SlipwaySchedulingTests", dependencies: ["SlipwayCore", "SlipwayScheduling"]),
        .testTarget(name: "SlipwayReportsTests",
                    dependencies: ["SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "SlipwayInterchangeTests",
                    dependencies: ["SlipwayCore", "SlipwayScheduling", "SlipwayReports", "SlipwayInterchange", "SlipwayTestSupport"],
                    exclude: ["Golden", "Fixtures"]),
        // Runs the built `slipway` executable as a user does.
        .testTarget(name: "SlipwayCLITests", dependencies: ["slipway", "SlipwayTestSupport"], exclude: ["Golden"]),
        // Golden files are read from the source tree, where `make golden` writes them; only
        // the fixtures are copied as resources.
        .testTarget(name: "SlipwayRenderingTests",
                    dependencies: ["SlipwayCore", "SlipwayScheduling", "SlipwayRendering", "SlipwayTestSupport"],
                    exclude: ["Golden"], resources: [.copy("Fixtures")]),
    ]
)
