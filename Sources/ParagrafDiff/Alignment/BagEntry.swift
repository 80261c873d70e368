/// One key of a unit's bag and how many of the unit's tokens have it.
struct BagEntry: Equatable {
    var key: Int
    var count: Int
}
