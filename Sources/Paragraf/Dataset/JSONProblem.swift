/// What went wrong reading JSON: a message and the byte offset it applies to.
struct JSONProblem: Sendable, Equatable {
    var offset: Int
    var message: String
}
