/// The OpenAPI 3.1 description of the API (`Resources/openapi.json`, checked in), served at `/api/openapi.json`.
///
/// The file is compiled into the binary (SwiftPM's `embedInCode`): a resource bundle would have to be installed
/// beside the executable, and without it the server stopped with a fatal error on the first request for it.
public enum OpenAPIDocument {
    /// The document's bytes.
    public static let bytes: [UInt8] = PackageResources.openapi_json
}
