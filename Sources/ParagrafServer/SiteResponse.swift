import Foundation
import Paragraf
import ParagrafStore

/// An answer to a request: status, content type and body (and the target of a redirect).
public struct SiteResponse: Sendable {
    /// The HTTP status.
    public var status: Int
    /// The content type, with its charset.
    public var contentType: String
    /// The body.
    public var body: [UInt8]
    /// Where a redirect (303) leads.
    public var location: String?

    /// A response.
    public init(status: Int, contentType: String, body: [UInt8], location: String? = nil) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.location = location
    }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    static func html(_ text: String, status: Int = 200) -> SiteResponse {
        SiteResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(text.utf8))
    }

    static func json(_ bytes: [UInt8], status: Int = 200) -> SiteResponse {
        SiteResponse(status: status, contentType: "application/json; charset=utf-8", body: bytes)
    }
}
