import Hummingbird
import Logging
import NIOCore
import ParagrafStore
import ServiceLifecycle

/// Hands every request to the site: the site reads the method and target itself (``RequestReader``), so that
/// what the network sends is checked in one place, which the tests and the fuzzer reach without a socket.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let site: ParagrafSite

    func respond(to request: Request, context: Context) async throws -> Response {
        let answer = site.respond(method: request.method.rawValue, target: request.uri.description)
        var headers: HTTPFields = [
            .contentType: answer.contentType,
            .init("X-Content-Type-Options")!: "nosniff",
            .init("Content-Security-Policy")!:
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
            .init("Referrer-Policy")!: "no-referrer",
        ]
        if let location = answer.location { headers[.location] = location }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
