// swift-tools-version:6.1
import PackageDescription

// The OpenAPI generator as a tool of its own: `scripts/openapi.sh` runs it to write the
// reporter's API code from `Services/Reporter/openapi.yaml`, and to check that the
// committed code is what the spec gives. Kept out of the main package so that building
// Plafond does not build the generator (OpenAPIKit, Yams) on every clean build.
let package = Package(
    name: "PlafondOpenAPITool",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3")
    ]
)
