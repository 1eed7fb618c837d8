// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "NNLab",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NNCore", targets: ["NNCore"]),
        .library(name: "NNFiles", targets: ["NNFiles"]),
        .library(name: "NNRuns", targets: ["NNRuns"]),
        .library(name: "Plot", targets: ["Plot", "PlotCairo"]),
        .library(name: "NNRecording", targets: ["NNRecording"]),
        .library(name: "NNData", targets: ["NNData"]),
        .library(name: "NNStatistics", targets: ["NNStatistics"]),
        .executable(name: "nnlab", targets: ["nnlab"]),
        .executable(name: "nnlab-bench", targets: ["nnlab-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // MARK: - Training core (knows nothing of plotting or reports)

        /// Hand-written matrix kernels (GEMM) with a fixed summation order.
        .target(name: "CKernels"),
        .target(name: "NNCore", dependencies: ["CKernels"]),

        // MARK: - Files (a leaf: located errors, JSON/YAML readers, file ownership, the memory budget)

        /// renameat2 (atomic folder swaps) and an async-signal-safe interrupt pipe.
        .target(name: "CSystem"),
        .target(name: "NNFiles", dependencies: ["CSystem", .product(name: "Yams", package: "Yams")]),

        // MARK: - Recording

        /// Records a training run (history, sampled weights, decision grids, events) as plain values.
        .target(name: "NNRecording", dependencies: ["NNCore", "NNStatistics"]),
        // MARK: - Data sets (built-in sets, file loaders, preprocessing)

        /// zlib: inflate for the embedded digits and gzip MNIST files, deflate for PlotCairo's PNGs, CRC-32 (ZIPFoundation names its own module CZlib).
        .systemLibrary(name: "CZlibShim"),
        /// HDF5 (Debian's libhdf5-dev): Keras's `.h5` model files and the weights inside `.keras` archives.
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        /// Embedded in code (not `Bundle.module`) so a copied `nnlab` binary still has them.
        .target(
            name: "NNData",
            dependencies: ["NNCore", "NNFiles", "CZlibShim", "CHDF5", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Resources/digits.rst", "Resources/iris.rst"],
            resources: [.embedInCode("Resources/digits.csv.gz"), .embedInCode("Resources/iris.csv")]
        ),

        // MARK: - Run files (model, data, optimizer and run files above the data layer)

        .target(name: "NNRuns", dependencies: ["NNCore", "NNData", "NNFiles"]),

        // MARK: - Figures (know nothing of training)

        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .target(name: "Plot", dependencies: ["NNStatistics"]),
        .target(name: "PlotCairo", dependencies: ["Plot", "CCairo", "CZlibShim"]),
        /// One figure of each kind with synthetic data (`nnlab gallery`, the plotting benchmarks): the
        /// renderer draws what it is given and invents no data.
        .target(name: "PlotGallery", dependencies: ["Plot", "PlotCairo"]),

        // MARK: - Language (a leaf: the report's words in each language)

        /// English phrases in the code, translated as whole sentences by each language's catalogue.
        .target(name: "NNLanguage"),

        // MARK: - Statistics

        /// Summaries, intervals and paired tests over variants × seeds (pure functions, no dependencies).
        .target(name: "NNStatistics", dependencies: ["NNLanguage"]),

        // MARK: - Report (composes plain values from the modules above into HTML)

        /// Figure specs built from networks, histories and records (no Cairo, no files).
        .target(name: "NNFigures", dependencies: ["NNCore", "NNRecording", "Plot", "NNLanguage"]),
        /// The report's templates and stylesheet, embedded so a copied binary still works.
        .target(name: "ReportTemplates", path: "templates", sources: ["ReportTemplates.swift"],
                resources: [.embedInCode("report.mustache"), .embedInCode("section.mustache"), .embedInCode("style.css")]),
        .target(name: "NNReport", dependencies: [
            "NNCore", "NNFiles", "NNRuns", "NNData", "NNRecording", "NNStatistics", "NNFigures", "NNLanguage", "Plot", "PlotCairo", "ReportTemplates",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),

        // MARK: - Command line

        .target(name: "NNLabCLI", dependencies: [
            "NNCore", "NNFiles", "NNRuns", "NNData", "Plot", "PlotCairo", "PlotGallery", "NNReport", "NNLanguage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "nnlab", dependencies: ["NNLabCLI"]),
        .executableTarget(name: "nnlab-bench", dependencies: ["NNCore", "NNData", "Plot", "PlotCairo", "PlotGallery", "CAllocationCounter"]),
        /// Counts heap allocations inside the benchmark executable only.
        .target(name: "CAllocationCounter"),

        // MARK: - Tests

        .target(name: "TestSupport", dependencies: ["NNCore"], path: "Tests/TestSupport"),
        .testTarget(name: "NNCoreTests", dependencies: ["NNCore", "NNFiles", "NNRuns", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "PlotCairo", "PlotGallery"], resources: [.copy("References")]),
        .testTarget(name: "NNRecordingTests", dependencies: ["NNRecording", "NNCore", "NNFiles", "NNRuns", "TestSupport"]),
        .testTarget(name: "NNDataTests", dependencies: ["NNData", "NNCore", "NNFiles", "NNRuns", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNLabCLITests", dependencies: ["NNLabCLI", "NNCore", "NNData", "NNFiles", "NNRuns", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "NNStatisticsTests", dependencies: ["NNStatistics"]),
        .testTarget(name: "NNReportTests", dependencies: ["NNReport", "NNFigures", "NNRecording", "NNCore", "NNFiles", "NNRuns", "NNLanguage", "Plot", "PlotCairo", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
