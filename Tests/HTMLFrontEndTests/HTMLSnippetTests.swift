import DocTree
import HTMLFrontEnd
import Testing

@Suite struct HTMLSnippetTests {
    func parse(_ html: String) -> [Block] {
        HTMLParser().parse(html, file: "p.html", diagnostics: RecordingCollector()).blocks
    }

    @Test func contentOnlyHeadingsWithoutHeaderLinksAndLineNumbers() {
        let blocks = parse("""
        <html><body><header>Site</header><nav><ul><li>Menu</li></ul></nav>
        <article>
        <h1 id="users">Users<a class="headerlink" href="#users">¶</a></h1>
        <p>List <code>users</code> and <a href="#x">more</a>.</p>
        </article><footer>© 2026</footer></body></html>
        """)
        #expect(blocks.count == 2)
        guard case .heading(let h) = blocks[0], case .paragraph(let p) = blocks[1] else { Issue.record("\(blocks)"); return }
        #expect(h.text.plain == "Users")
        #expect(h.line == 3)
        #expect(p.text.codeSpans == ["users"])
        #expect(p.text.links.first?.url == "#x")
    }

    @Test func materialTabsWithLabelsAndCodeWithoutLineNumbers() {
        let blocks = parse("""
        <article><div class="tabbed-set tabbed-alternate"><input id="a" type="radio"/>
        <div class="tabbed-labels"><label for="a">HTTPie</label><label for="b">Responses</label></div>
        <div class="tabbed-content">
        <div class="tabbed-block"><div class="highlight"><table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre>1
        2</pre></div></td><td class="code"><div><pre><code>http <span class="se">\\</span>
          GET</code></pre></div></td></tr></table></div></div>
        <div class="tabbed-block"><p><strong><code>200</code></strong> - </p>
        <table><thead><tr><th>Field</th><th>Type</th></tr></thead><tbody><tr><td><code>uuid</code></td><td>string (uuid)</td></tr></tbody></table></div>
        </div></div></article>
        """)
        guard case .tabs(let set)? = blocks.first else { Issue.record("\(blocks)"); return }
        #expect(set.tabs.map(\.label) == ["HTTPie", "Responses"])
        guard case .code(let code)? = set.tabs[0].blocks.first else { Issue.record("no code"); return }
        #expect(code.text == "http \\\n  GET\n")
        guard case .table(let t)? = set.tabs[1].blocks.last else { Issue.record("no table"); return }
        #expect(t.rows.first?.first?.codeSpans == ["uuid"])
        #expect(t.header.map(\.plain) == ["Field", "Type"])
    }

    @Test func sphinxFieldListsAreDefinitionLists() {
        let blocks = parse("""
        <div role="main"><dl class="field-list"><dt class="field-odd">Status Codes<span class="colon">:</span></dt>
        <dd class="field-odd"><ul><li><p>201 Created – instance created</p></li></ul></dd></dl></div>
        """)
        guard case .definitionList(let dl)? = blocks.first else { Issue.record("\(blocks)"); return }
        #expect(dl.items.first?.term.plain == "Status Codes:")
        guard case .list(let list)? = dl.items.first?.blocks.first, case .paragraph(let p)? = list.items.first?.first else { Issue.record("no item"); return }
        #expect(p.text.plain == "201 Created – instance created")
    }

    @Test func brokenHTMLNeverCrashes() {
        let blocks = parse("<article><h2>Unclosed <p>text <table><tr><td>cell</article><<>>&&")
        #expect(!blocks.isEmpty)
        #expect(parse("").isEmpty)
    }
}
