import MCP

/// The tools of `paragraf mcp`, each with its JSON schema. Every answer is one text content holding the JSON that
/// the corresponding command prints with `--format json` (sorted keys, `schemaVersion`).
public enum ParagrafTools {
    /// The tools' names, in the order listed.
    public static let names = all.map(\.name)

    /// Every tool.
    public static let all: [Tool] = [
        tool(
            "search",
            "Full-text search of the provisions of the corpus, ranked, each hit with its context (the JSON of `paragraf search QUERY --format json`). By default only the versions in force today are searched.",
            properties: [
                "query": string(
                    "The query: words that must all occur, \"a phrase\", word* (prefix), OR between terms, -word to exclude. E.g. tandregulering."
                ),
                "at": date("Search the versions in force on this day (YYYY-MM-DD) instead of today."),
                "all_versions": .object(["type": "boolean", "description": "Search every version, in force or not."]),
                "type": string("Only this document type: BEK, LBK, LOV …"),
                "work": string("Only this work (an id from list_versions, e.g. tandpleje)."),
                "limit": limit,
            ], required: ["query"]),
        tool(
            "get_provision",
            "The text and structure of a provision at a version or on a date (the JSON of `paragraf show --work WORK VERSION CITATION --format json`). Without version and at: the version in force today.",
            properties: [
                "citation": string(
                    "The provision as a jurist writes it (\"§ 17, stk. 3\", \"§ 4, stk. 2, nr. 1\") or its node id (p17/stk3)."),
                "work": work,
                "version": version,
                "at": date("The day whose version is read (YYYY-MM-DD), e.g. 2003-12-31 → the version in force then."),
            ], required: ["citation"]),
        tool(
            "resolve_citation",
            "Reads a citation as written in a regulation (\"jf. dog § 17, stk. 3\", \"stk. 3\" with from) and resolves it in one version: each target's node and text, or why it does not resolve (the JSON of `paragraf resolve VERSION CITATION --format json`).",
            properties: [
                "citation": string("The citation text, lead words included, e.g. \"jf. § 17, stk. 3\"."),
                "version": version,
                "work": work,
                "from": string("The provision the citation stands in, for a relative citation (\"stk. 3\"), e.g. \"§ 1, stk. 2\"."),
            ], required: ["citation"]),
        tool(
            "cited_by",
            "Every provision of the corpus citing a provision of an act or work, across documents (the JSON of `paragraf cited-by TARGET --format json`).",
            properties: [
                "target": string(
                    "The provision cited with its act, e.g. \"sundhedsloven § 135\" or \"§ 17 i bekendtgørelse om tandpleje\".")
            ], required: ["target"]),
        tool(
            "history",
            "One provision through every version of its work that has text, followed across renumbering, with the words changed at each step (the JSON of `paragraf history CITATION --in VERSION --format json`).",
            properties: [
                "citation": string("The provision as numbered in `version`, e.g. \"§ 17\"."),
                "version": string("The version the citation is read in (default: the newest with text)."),
                "work": work,
            ], required: ["citation"]),
        tool(
            "compare_versions",
            "The classified changes between two versions of a work: summary counts, metadata, amounts, terms, duties and citations changed (the JSON schema of `paragraf diff OLD NEW --format json`, with the alignment table and the per-section diffs left out; `paragraf serve` has them at /api/works/WORK/compare/OLD/NEW).",
            properties: [
                "old": string("The older version, e.g. 2003."),
                "new": string("The newer version, e.g. 2020."),
                "work": work,
            ], required: ["old", "new"]),
        tool(
            "check_citations",
            "The citations of the whole corpus that do not resolve, grouped by document (the JSON of `paragraf check --all --format json`).",
            properties: [
                "type": string("Only documents of this type: BEK, LBK, LOV …"),
                "limit": limit,
            ], required: []),
        tool(
            "list_versions",
            "The works of the corpus with their versions: in-force intervals, which have text, what repealed them, the amending instruments (the JSON of `paragraf versions --format json`).",
            properties: [
                "work": string("Only this work (an id or title words, e.g. tandpleje); all works without it.")
            ], required: []),
    ]

    // MARK: Schema pieces

    static let work = string(
        "The work: an id from list_versions (e.g. tandpleje) or title words; may be left out when the corpus has one work.")
    static let version = string("A version of the work: its name (2003, 1077/2020) as list_versions gives it.")
    static let limit: Value = .object([
        "type": "integer", "minimum": 1, "maximum": .int(MCPToolAnswers.maxResults),
        "description": .string("At most this many results (default 20, at most \(MCPToolAnswers.maxResults))."),
    ])

    static func string(_ description: String) -> Value { .object(["type": "string", "description": .string(description)]) }

    static func date(_ description: String) -> Value {
        .object(["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": .string(description)])
    }

    static func tool(_ name: String, _ description: String, properties: [String: Value], required: [String]) -> Tool {
        Tool(
            name: name, description: description,
            inputSchema: .object([
                "type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) }),
                "additionalProperties": false,
            ]),
            annotations: .init(readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false))
    }
}
