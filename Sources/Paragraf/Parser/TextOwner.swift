/// Whose text the bytes after the last accepted marker are.
enum TextOwner {
    case front
    case stk
    case item
    case litra
    case annex
    case signature
    case loose
}
