import ParagrafStore

extension SearchRequest {
    /// The store's search options for this request: the same for the search page and `/api/search`.
    /// (Here, not in `Routing/`: the request reader is fuzzed without the store.)
    var searchOptions: SearchOptions {
        var options = SearchOptions()
        options.date = date
        options.allVersions = allVersions
        options.types = types
        options.work = work
        options.limit = limit
        return options
    }
}
