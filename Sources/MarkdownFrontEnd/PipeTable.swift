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
        let bytes = line.utf8Bytes
        // Cells are byte ranges of the row, cut at unescaped pipes outside code spans.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(16)
        var start = 0
        var i = 0
        var codeTicks = 0  // length of the backtick run that opened the current code span
        var sawPipe = false
        var escapedPipe = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
                if bytes[i + 1] == UInt8(ascii: "|") { escapedPipe = true; i += 2; continue }
                if codeTicks == 0 { i += 2; continue }
            }
            if b == UInt8(ascii: "`") {
                let run = InlineScanner.runLength(bytes, at: i)
                if codeTicks == 0 {
                    // Opens a code span only if a closing run of the same length follows.
                    if !hostile, InlineScanner.closingRun(bytes, from: i + run, length: run) != nil { codeTicks = run }
                } else if run == codeTicks {
                    codeTicks = 0
                }
                i += run
                continue
            }
            if b == UInt8(ascii: "|"), codeTicks == 0 {
                if sawPipe || i > start { ranges.append(start..<i) }
                sawPipe = true
                start = i + 1
            }
            i += 1
        }
        let base = line.utf8.startIndex
        func cell(_ r: Range<Int>) -> Substring {
            // Trimmed on the bytes, then cut once.
            var lower = r.lowerBound, upper = r.upperBound
            while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0D { upper -= 1 }
            let text = line[line.utf8.index(base, offsetBy: lower)..<line.utf8.index(base, offsetBy: upper)]
            // `\|` becomes `|` in the cell, as GFM does (also inside code spans).
            guard escapedPipe, text.utf8.contains(UInt8(ascii: "|")) else { return text }
            var out: [UInt8] = []
            var j = lower
            while j < upper {
                if bytes[j] == UInt8(ascii: "\\"), j + 1 < upper, bytes[j + 1] == UInt8(ascii: "|") { out.append(UInt8(ascii: "|")); j += 2; continue }
                out.append(bytes[j]); j += 1
            }
            return Substring(decoding: out, as: UTF8.self)
        }
        var cells = ranges.map(cell)
        let tail = cell(start..<bytes.count)
        if !tail.isEmpty { cells.append(tail) }
        return cells
    }
}

extension Substring {
    /// The UTF-8 bytes, copied in one go when the text is contiguous (it is for native strings).
    var utf8Bytes: [UInt8] {
        utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(utf8)
    }

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
