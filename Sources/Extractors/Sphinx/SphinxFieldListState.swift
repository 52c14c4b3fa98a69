import APIModel

extension SphinxPageReader {
    /// The state of the field list being read: its kind, where it ends and what each line of it is.
    ///
    /// For example: after `   Request JSON Object:` (text builder), `      * **perms** (*object*) --` is an
    /// item, `        * "files" (*string*) - …` a nested field `perms.files`, and `   Status Codes:` ends it.
    struct SectionState {
        var kind: SphinxSections.Kind?
        /// An unknown field list: its items are skipped (after one warning).
        var ignoring = false
        /// Whether this list's items are bulleted (text builder); then unbulleted lines continue the last item.
        var bulleted: Bool?
        /// HTML: the field list's definition (`<dd>`) the items are in; a line outside it ends the list.
        var definition: Int?
        /// Text: the header's indentation; once items are seen deeper, a line no deeper ends the list.
        var headerIndent = 0
        /// The first item's list depth (HTML) or indentation (text): deeper items are nested fields.
        var itemLevel: Int?
        /// The name of the last item at the list's own level (the parent of nested items).
        var parent: String?

        init(kind: SphinxSections.Kind? = nil, ignoring: Bool = false, header: SourceLine? = nil) {
            self.kind = kind
            self.ignoring = ignoring
            if let header {
                definition = header.termClasses != nil ? header.termDefinition : nil
                headerIndent = header.indent
            }
        }

        /// Whether `line` is past the end of this field list: outside its HTML definition, or (text
        /// builder) back at or left of the header once the items were indented under it.
        func ends(at line: SourceLine) -> Bool {
            guard kind != nil || ignoring else { return false }
            if let definition { return !line.definitions.contains(definition) }
            if let level = itemLevel, level > headerIndent { return line.indent <= headerIndent }
            return false
        }

        /// What a line of this list is: a new item, a nested item (a field of the last item), or a
        /// continuation of the last item's description.
        enum Role { case item, nested, continuation }
        mutating func role(of line: SourceLine, bulleted: Bool) -> Role {
            if definition != nil {
                // HTML: `<ul>` items; a list of one field is a bare paragraph.
                guard let level = itemLevel else { itemLevel = line.listDepth; return .item }
                if line.startsItem, line.listDepth == level { return .item }
                if line.startsItem, line.listDepth > level { return .nested }
                return .continuation
            }
            guard let level = itemLevel else {
                itemLevel = line.indent
                self.bulleted = bulleted
                return .item
            }
            if level > headerIndent {
                // Text builder: items indented under the header; a single field has no bullet.
                if bulleted, line.indent == level { return .item }
                if bulleted, line.indent > level { return .nested }
                return .continuation
            }
            // A browser copy (no indentation): bulleted lists continue on unbulleted lines.
            if self.bulleted == true, !bulleted { return .continuation }
            return .item
        }
    }
}
