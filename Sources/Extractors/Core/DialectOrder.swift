/// The one rule that picks a page's dialect. Each dialect's `recognise` says which claim below the
/// page supports (or none, with the reason); the claim highest in this list wins. The list is the
/// whole decision: a dialect's `recognise` never weighs itself against another dialect.
///
/// The order, top to bottom: markers only one producer writes (certain), then page shapes a
/// producer's generator leaves (likely), then hand-written shapes, then weak hints. A new claim is
/// placed by the question "which reading is right when a page has both?" and its reason written here.
///
/// For example: a Widdershins page also has `METHOD /path` signatures in Markdown (the general
/// reader's `handWrittenMarkdown`); `widdershinsCaptions` is higher, so Widdershins reads it.
public enum DialectClaim: Int, CaseIterable, Comparable, Sendable {
    // Certain: markup only the producer writes. Once one is claimed nothing below can win.

    /// An `Operations Summary` table with Method and Endpoint columns: the label Waldur's MkDocs
    /// generator writes above its table. First: a generated reference page says so itself.
    case mkdocsOperationsSummary
    /// `<dl class="http get">`: only Sphinx httpdomain renders signatures with this markup.
    case sphinxHTTPMarkup
    /// `FORMAT: 1A` metadata: only API Blueprint documents start with it.
    case blueprintFormat

    // Likely: shapes a producer's generator leaves.

    /// `{% api-method %}` / `{% swagger %}` blocks: GitBook's template tags, which no other style writes;
    /// below the certain markers only because a page quoting the tags is conceivable.
    case gitbookBlocks
    /// `> Code samples` / `> Example responses` captions or `Status|Meaning` tables beside signatures:
    /// Widdershins' own captions. Above Slate: Widdershins writes Slate Markdown, with more structure.
    case widdershinsCaptions
    /// `Name [/path]` / `Name [METHOD]` headings, or `METHOD /path` headings over `+ Request`/`+ Response`
    /// sections: API Blueprint without its metadata. Above Slate: the bracket syntax is Blueprint's alone.
    case blueprintHeadings
    /// An `HTTP Request` heading over a signature: Slate's template. Above the Sphinx field lists: a
    /// Slate page's parameter captions look like httpdomain's labels.
    case slateRequestHeadings
    /// httpdomain signatures with two or more field-list labels only httpdomain writes (`Query Parameters:`,
    /// `Status Codes:`): a Markdown or text copy of a Sphinx page. Above the hand-written Markdown reading
    /// of the same signatures; below Slate and Widdershins, whose markers are more specific.
    case sphinxFieldLists

    // Hand-written: the general reader.

    /// A Markdown page with signatures or a method|endpoint table: Markdown is written by hand (Sphinx
    /// and MkDocs references reach us as HTML or text), so it is the general reader's even when it also
    /// has a Sphinx-like caption (two or more httpdomain field lists are `sphinxFieldLists`, above).
    case handWrittenMarkdown
    /// An HTML page with two or more signatures in headings (Aglio's `<h4>` with a method badge and a
    /// URI): read by its sections, before the Sphinx reading that finds the same signatures in example lines.
    case headedHTML
    /// httpdomain signatures with one field-list or example header (`**Example Request**:`): a
    /// Sphinx text rendering, unless a page shape above says otherwise.
    case sphinxMarkers
    /// A Method|Endpoint table without the `Operations Summary` label: a hint of the MkDocs reference
    /// layout; hand-written pages have such tables too, and the claims above read them better.
    case mkdocsUnlabelledTable

    // Weak: read only when nothing above applies.

    /// Signatures or method|endpoint rows on an HTML or text page with nothing else to go by.
    case anySignature
    /// httpdomain field lists without any signature: the Sphinx reader explains what it looked for.
    case sphinxFieldListsOnly

    public static func < (a: DialectClaim, b: DialectClaim) -> Bool { a.rawValue < b.rawValue }

    /// The dialect (its `name`) that makes this claim.
    public var dialect: String {
        switch self {
        case .mkdocsOperationsSummary, .mkdocsUnlabelledTable: return "mkdocs-reference"
        case .sphinxHTTPMarkup, .sphinxFieldLists, .sphinxMarkers, .sphinxFieldListsOnly: return "sphinx-httpdomain"
        case .blueprintFormat, .blueprintHeadings: return "api-blueprint"
        case .gitbookBlocks: return "gitbook"
        case .widdershinsCaptions: return "widdershins"
        case .slateRequestHeadings: return "slate"
        case .handWrittenMarkdown, .headedHTML, .anySignature: return "generic"
        }
    }

    /// The highest claim a dialect can make; nil for a dialect this list does not name.
    static func highest(of dialect: String) -> DialectClaim? {
        allCases.first { $0.dialect == dialect }
    }
}

/// What a dialect's `recognise` says about a page: the claim the page supports, or nil (it cannot
/// read the page), with the reason either way (shown by `-v`).
public struct Recognition: Sendable, Equatable {
    public var claim: DialectClaim?
    public var reason: String

    public init(_ claim: DialectClaim?, _ reason: String) {
        self.claim = claim
        self.reason = reason
    }

    /// Not this dialect's page.
    public static func no(_ reason: String = "") -> Recognition { Recognition(nil, reason) }
}
