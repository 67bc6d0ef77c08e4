import LedeCore

/// What a cell means on screen; the terminal adapter turns roles into colours or, on a
/// monochrome terminal, into bold/underline/reverse.
public enum StyleRole: UInt8, Sendable, CaseIterable {
    case normal, dim, title, standfirst, quote, term, person, org, place, selected, status, legend
    /// A mention of the party chosen in the parties overlay.
    case chosen
    /// A search match.
    case match

    /// One letter per role, for golden frames' style rows.
    public var code: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .title: "T"
        case .standfirst: "s"
        case .quote: "q"
        case .term: "t"
        case .person: "P"
        case .org: "O"
        case .place: "L"
        case .selected: "#"
        case .status: "="
        case .legend: "l"
        case .chosen: "C"
        case .match: "m"
        }
    }
}

/// One terminal cell: a grapheme cluster (or nothing, for the right half of a wide one).
public struct Cell: Sendable, Equatable {
    public var text: String
    /// Columns the cluster takes: 1 or 2, and 0 for the cell a wide cluster covers.
    public var width: UInt8
    public var style: StyleRole

    public static let blank = Cell(text: " ", width: 1, style: .normal)
}

/// A grid of printable cells that views draw into. Only the terminal adapter turns a
/// canvas into terminal calls; tests read it as text.
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes text from column x of row y, clipped at `limit` (exclusive). Unsafe scalars
    /// become placeholders; a wide cluster that would not fit is not drawn. Returns the
    /// column after the last cell written.
    @discardableResult
    public mutating func put(_ text: Substring, x: Int, y: Int, style: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(limit ?? width, width)
        var col = x
        let utf8 = text.utf8
        var i = text.startIndex
        while i < text.endIndex {
            // Printable ASCII not followed by a mark that would join it: a cell of its own,
            // known from the byte (most of any English page).
            let b = utf8[i]
            let next = utf8.index(after: i)
            if b >= 0x20, b < 0x7F, next == text.endIndex || utf8[next] < 0x80 {
                if col + 1 > end { break }
                if col >= 0 { cells[y * width + col] = Cell(text: String(Character(Unicode.Scalar(b))), width: 1, style: style) }
                col += 1
                i = next
                continue
            }
            let cluster = text[i]
            i = text.index(after: i)
            var shown = String(cluster)
            if cluster.unicodeScalars.contains(where: Sanitizer.isUnsafe) {
                shown = String(Sanitizer.placeholder(for: cluster.unicodeScalars.first(where: Sanitizer.isUnsafe)!))
            } else if cluster.unicodeScalars.count > 1 {
                shown = Self.unambiguous(cluster)
            }
            if shown == "\t" { shown = " " }
            let w = DisplayWidth.of(cluster)
            if w == 0 { continue }
            if col + w > end { break }
            if col >= 0 {
                if w == 2, shown.unicodeScalars.allSatisfy(\.isASCII), shown.utf8.count == 2 {
                    // A flag as its two letters, a cell each.
                    let letters = Array(shown)
                    cells[y * width + col] = Cell(text: String(letters[0]), width: 1, style: style)
                    cells[y * width + col + 1] = Cell(text: String(letters[1]), width: 1, style: style)
                } else {
                    cells[y * width + col] = Cell(text: shown, width: UInt8(w), style: style)
                    if w == 2 { cells[y * width + col + 1] = Cell(text: "", width: 0, style: style) }
                }
            }
            col += w
        }
        return col
    }

    /// What is drawn for a cluster that terminals draw in different widths, so that the
    /// layout and every terminal agree on the columns: a flag (two regional indicators) is
    /// its two letters ("JP"); an emoji sequence joined by ZWJ (a family, "woman
    /// technologist") is its first emoji, since a terminal that does not join them draws
    /// each one. Other clusters are drawn as they are.
    static func unambiguous(_ cluster: Character) -> String {
        let scalars = Array(cluster.unicodeScalars)
        if scalars.count == 2, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }) {
            return String(scalars.map { Character(Unicode.Scalar(UInt8($0.value - 0x1F1E6) + 0x41)) })
        }
        guard let joiner = scalars.firstIndex(where: { $0.value == 0x200D }) else { return String(cluster) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<joiner])
        return String(out)
    }

    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: StyleRole, limit: Int? = nil) -> Int {
        put(text[...], x: x, y: y, style: style, limit: limit)
    }

    /// Writes text as `put` does, but text cut at `limit` ends in "…", so a row that goes
    /// on is seen to.
    @discardableResult
    public mutating func putClipped(_ text: String, x: Int, y: Int, style: StyleRole, limit: Int) -> Int {
        let end = min(limit, width)
        guard DisplayWidth.of(text) > end - x, end - x >= 2 else { return put(text, x: x, y: y, style: style, limit: end) }
        let col = put(text, x: x, y: y, style: style, limit: end - 1)
        return put("…", x: col, y: y, style: style, limit: end)
    }

    /// Paints a style over a row's cells (a selection bar).
    public mutating func fill(y: Int, from x0: Int, to x1: Int, style: StyleRole) {
        guard y >= 0, y < height else { return }
        for x in max(0, x0)..<min(width, x1) { cells[y * width + x].style = style }
    }

    /// The row as text: wide clusters once, their covered cells omitted.
    public func text(row y: Int) -> String {
        var s = ""
        for x in 0..<width where self[x, y].width > 0 { s += self[x, y].text }
        return s
    }

    /// The row's style codes, one per column (a wide cluster's code twice).
    public func styles(row y: Int) -> String {
        String((0..<width).map { self[$0, y].style.code })
    }

    /// Text and style rows, for golden-frame tests.
    public var golden: String {
        (0..<height).map { text(row: $0) + "\n" + styles(row: $0) }.joined(separator: "\n")
    }
}
