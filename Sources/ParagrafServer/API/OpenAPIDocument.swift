import Foundation

/// The OpenAPI 3.1 description of the API (`Resources/openapi.json`, checked in), served at `/api/openapi.json`.
public enum OpenAPIDocument {
    /// The document's bytes.
    public static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return Array("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"missing\", \"version\": \"0\"}, \"paths\": {}}\n".utf8) }
        return [UInt8](data)
    }()
}
