import APIModel

extension ContextBuilder {
    /// The round trip of `op`'s `…All` method (see `PagingTestContext`), when `op` pages and the client
    /// has that method. Next links are followed only on paths without parameters (the fixture's link is the
    /// list's own path).
    ///
    /// For example: a `page`/`page_size` list answering `[User]` is served `[u, u]`, `[u, u]`, `[u]`.
    func pagingTest(_ op: APIModel.Operation, signature: OperationSignature, samplesName: String, caseName: String) -> [PagingTestContext] {
        guard let plan = PaginationPlan(op, signature: signature, schemas: schemas), !operationNames.contains(op.swiftName + "All") else { return [] }
        if plan.kind == .nextLink, op.path.contains("{") { return [] }
        let sample = "\(samplesName).\(op.swiftName)Output"
        // The required arguments and the page size: the filters are checked by the plain list's round trip,
        // and each one passed here is one more sample property read to compile in every paging test.
        let arguments = signature.arguments.filter { $0.swiftName != plan.cursorArgument && ($0.required || $0.swiftName == plan.sizeArgument) }.map { arg in
            arg.swiftName == plan.sizeArgument ? "\(arg.swiftName): 2" : "\(arg.swiftName): \(samplesName).\(op.swiftName)Input.\(Naming.escaped(arg.swiftName))"
        }
        // A cursor that is the last item's id, with no `has_more`, ends only on an empty page: a fourth one.
        let endsOnEmptyPage = plan.lastItemIDProperty != nil && plan.hasMoreProperty == nil
        let pages = [(2, 1), (2, 2), (1, 3)] + (endsOnEmptyPage ? [(0, 4)] : [])
        let outputs = pages.map { count, number -> String in
            let last = number == pages.count
            // Cursors that are the last item's id need items with ids of their own.
            let ids = plan.lastItemIDProperty.map { ", ids: \\.\(Naming.escaped($0)), page: \(number)" } ?? ""
            guard let items = plan.itemsProperty else {
                return ".\(caseName)(PagingSample.items(\(sample), \(count)\(ids)))"
            }
            var changes = ["$0.\(Naming.escaped(items)) = PagingSample.items(\(sample).\(Naming.escaped(items))\(plan.itemsOptional ? " ?? []" : ""), \(count)\(ids))"]
            if let next = plan.nextProperty {
                let value: String
                switch plan.kind {
                case .cursor: value = last ? (plan.nextOptional ? "nil" : "\"\"") : SwiftText.stringLiteral("cursor-\(number)")
                case .nextLink:
                    let link = SwiftText.stringLiteral(op.path + "?page=\(number + 1)")
                    value = last ? "nil" : (plan.nextIsURL ? "RoundTripSample.url(\(link))" : link)
                case .pageNumber, .offset:
                    value = last ? "nil" : (plan.nextIsURL ? "RoundTripSample.url" : "\"next\"")
                }
                changes.append("$0.\(Naming.escaped(next)) = \(value)")
            }
            if let more = plan.hasMoreProperty { changes.append("$0.\(Naming.escaped(more)) = \(!last)") }
            return ".\(caseName)(PagingSample.page(\(sample)) { \(changes.joined(separator: "; ")) })"
        }
        return [PagingTestContext(name: op.swiftName + "All", listName: op.swiftName, typeName: Self.typeName(op),
                                  callArguments: arguments.joined(separator: ", "), pageOutputs: outputs,
                                  pagesDescription: endsOnEmptyPage ? "Three pages (2, 2 and 1 items) and the empty page that ends them"
                                      : "Three pages (2, 2 and 1 items)")]
    }
}
