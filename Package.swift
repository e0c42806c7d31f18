// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "journal",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "journal", targets: ["journal"]),
    .library(name: "JournalKit", targets: ["JournalKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
  ],
  targets: [
    // The C boundaries: system libraries found through pkg-config.
    .systemLibrary(
      name: "Clibgit2", pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]),
    .systemLibrary(
      name: "Ccmark", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]),
    .systemLibrary(
      name: "Clibyaml", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),

    .target(name: "JournalModel", exclude: ["README.md"]),
    .target(name: "JournalRules", dependencies: ["JournalModel"], exclude: ["README.md"]),
    .target(
      name: "JournalParsing", dependencies: ["JournalModel", "JournalRules", "Clibyaml", "Ccmark"],
      exclude: ["README.md"]),
    .target(
      name: "JournalChecks", dependencies: ["JournalModel", "JournalRules", "JournalParsing"],
      exclude: ["README.md"]),
    .target(
      name: "JournalGit", dependencies: ["JournalModel", "Clibgit2"], exclude: ["README.md"],
      // iconv, for commit messages in other encodings, is its own library on macOS.
      linkerSettings: [.linkedLibrary("iconv", .when(platforms: [.macOS]))]),
    .target(
      name: "JournalKit",
      dependencies: [
        "JournalModel", "JournalRules", "JournalParsing", "JournalChecks", "JournalGit",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      exclude: ["README.md"]),
    .target(
      name: "JournalCLI",
      dependencies: [
        "JournalKit", "JournalParsing", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]),
    .executableTarget(name: "journal", dependencies: ["JournalCLI"]),
    .executableTarget(name: "journal-bench", dependencies: ["JournalModel"], path: "Benchmarks/journal-bench"),
    // The floor journal-bench measures the check against: the same parsing by the C libraries alone.
    .executableTarget(name: "journal-floor", dependencies: ["Clibyaml", "Ccmark"], path: "Benchmarks/journal-floor"),
    .executableTarget(
      name: "journal-startup-floor",
      dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Benchmarks/journal-startup-floor"),
    .target(name: "CFuzzer", path: "Fuzz/CFuzzer"),
    .executableTarget(
      name: "journal-fuzz",
      dependencies: [
        "JournalModel", "JournalRules", "JournalParsing", "JournalChecks", "JournalKit", "Ccmark", "CFuzzer",
      ],
      path: "Fuzz/journal-fuzz"),

    .testTarget(
      name: "JournalTests",
      dependencies: [
        "JournalModel", "JournalRules", "JournalParsing", "JournalChecks", "JournalKit", "JournalGit", "journal",
        "journal-bench", "journal-floor",
      ],
      exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
