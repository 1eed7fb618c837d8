// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "NNLab",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NNCore", targets: ["NNCore"]),
        .library(name: "Plot", targets: ["Plot", "PlotCairo"]),
        .library(name: "NNData", targets: ["NNData"]),
        .executable(name: "nnlab", targets: ["nnlab"]),
        .executable(name: "nnlab-bench", targets: ["nnlab-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - Training core (knows nothing of plotting or reports)

        /// Hand-written matrix kernels (GEMM) with a fixed summation order.
        .target(name: "CKernels"),
        .target(name: "NNCore", dependencies: ["CKernels"]),

        // MARK: - Data sets (built-in sets, file loaders, preprocessing)

        /// zlib's inflate, for the embedded digits and gzip-compressed MNIST files.
        .systemLibrary(name: "CZlib"),
        /// Embedded in code (not `Bundle.module`) so a copied `nnlab` binary still has them.
        .target(
            name: "NNData",
            dependencies: ["NNCore", "CZlib"],
            exclude: ["Resources/digits.rst", "Resources/iris.rst"],
            resources: [.embedInCode("Resources/digits.csv.gz"), .embedInCode("Resources/iris.csv")]
        ),

        // MARK: - Figures (know nothing of training)

        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .target(name: "Plot"),
        .target(name: "PlotCairo", dependencies: ["Plot", "CCairo"]),

        // MARK: - Command line

        .target(name: "NNLabCLI", dependencies: [
            "NNCore", "Plot", "PlotCairo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "nnlab", dependencies: ["NNLabCLI"]),
        .executableTarget(name: "nnlab-bench", dependencies: ["NNCore", "Plot", "PlotCairo", "CAllocationCounter"]),
        /// Counts heap allocations inside the benchmark executable only.
        .target(name: "CAllocationCounter"),

        // MARK: - Tests

        .target(name: "TestSupport", dependencies: ["NNCore"], path: "Tests/TestSupport"),
        .testTarget(name: "NNCoreTests", dependencies: ["NNCore", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "PlotCairo"], resources: [.copy("References")]),
        .testTarget(name: "NNDataTests", dependencies: ["NNData", "NNCore", "TestSupport"]),
        .testTarget(name: "NNLabCLITests", dependencies: ["NNLabCLI", "NNCore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
