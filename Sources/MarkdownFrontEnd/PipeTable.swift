import DocTree

/// Recognises GitHub-style pipe tables in paragraph source lines (cmark has no table extension).
///
/// For example: `| \`a\\|b\` | x |` splits into the cells `` `a|b` `` and `x`: a pipe escaped
/// with a backslash, or inside a code span, does not split.
enum PipeTable {
    /// Parses `lines` (the paragraph's source lines, `firstLine` being the line number of the first)
    /// as a table, or returns nil if they are not one.
    static func parse(_ lines: [Substring], firstLine: Int) -> Table? {
        guard lines.count >= 2 else { return nil }
        let trimmed = lines.map { $0.trimmingSpaces }
        guard trimmed[0].utf8.contains(UInt8(ascii: "|")), isDelimiterRow(trimmed[1]) else { return nil }
        let header = splitRow(trimmed[0]).map(InlineScanner.scan)
        let columnCount = splitRow(trimmed[1]).count
        guard header.count == columnCount else { return nil }
        var rows: [[InlineText]] = []
        var rowLines: [Int] = []
        for (i, line) in trimmed.enumerated().dropFirst(2) {
            if line.isEmpty { continue }
            var cells = splitRow(line).map(InlineScanner.scan)
            if cells.count < header.count { cells += Array(repeating: InlineText([]), count: header.count - cells.count) }
            if cells.count > header.count { cells = Array(cells.prefix(header.count)) }
            rows.append(cells)
            rowLines.append(firstLine + i)
        }
        return Table(header: header, rows: rows, rowLines: rowLines, line: firstLine)
    }

    /// `|---|:--:|` and `--- | ---` style rows.
    static func isDelimiterRow(_ line: Substring) -> Bool {
        let cells = splitRow(line)
        guard !cells.isEmpty else { return false }
        for cell in cells {
            let c = cell.trimmingSpaces
            guard !c.isEmpty else { return false }
            for ch in c.utf8 where ch != UInt8(ascii: "-") && ch != UInt8(ascii: ":") { return false }
            guard c.utf8.contains(UInt8(ascii: "-")) else { return false }
        }
        return true
    }

    /// Splits a row on unescaped pipes outside code spans; `\|` becomes `|` in the cell (as GFM does,
    /// also inside code spans). Leading and trailing pipes are optional.
    static func splitRow(_ line: Substring) -> [Substring] {
        // A hostile row with thousands of unmatched backticks: no code spans, so the split stays linear.
        let hostile = line.utf8.count > InlineScanner.maxMarkupLength
        var cells: [Substring] = []
        var current: [UInt8] = []
        let bytes = Array(line.utf8)
        var i = 0
        var codeTicks = 0  // length of the backtick run that opened the current code span
        var sawAny = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "|") {
                current.append(UInt8(ascii: "|")); i += 2; continue
            }
            if b == UInt8(ascii: "\\"), i + 1 < bytes.count, codeTicks == 0 {
                current.append(b); current.append(bytes[i + 1]); i += 2; continue
            }
            if b == UInt8(ascii: "`") {
                var run = 0
                while i + run < bytes.count, bytes[i + run] == UInt8(ascii: "`") { run += 1 }
                if codeTicks == 0 {
                    // Opens a code span only if a closing run of the same length follows.
                    if !hostile, hasClosingRun(bytes, from: i + run, length: run) { codeTicks = run }
                } else if run == codeTicks {
                    codeTicks = 0
                }
                current.append(contentsOf: bytes[i..<(i + run)])
                i += run
                continue
            }
            if b == UInt8(ascii: "|"), codeTicks == 0 {
                if sawAny || !current.isEmpty { cells.append(Substring(decoding: current, as: UTF8.self)) }
                sawAny = true
                current = []
                i += 1
                continue
            }
            current.append(b)
            i += 1
        }
        let tail = Substring(decoding: current, as: UTF8.self)
        if !tail.trimmingSpaces.isEmpty { cells.append(tail) }
        return cells.map { $0.trimmingSpaces }
    }

    private static func hasClosingRun(_ bytes: [UInt8], from start: Int, length: Int) -> Bool {
        var i = start
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "`") {
                var run = 0
                while i + run < bytes.count, bytes[i + run] == UInt8(ascii: "`") { run += 1 }
                if run == length { return true }
                i += run
            } else {
                i += 1
            }
        }
        return false
    }
}

extension Substring {
    /// Without leading spaces and tabs, and trailing spaces, tabs and carriage returns (all ASCII, so
    /// the cut is on the UTF-8 bytes).
    var trimmingSpaces: Substring {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { bytes.formIndex(after: &start) }
        while start < end {
            let last = bytes.index(before: end)
            guard bytes[last] == 0x20 || bytes[last] == 0x09 || bytes[last] == 0x0D else { break }
            end = last
        }
        return self[start..<end]
    }
}
