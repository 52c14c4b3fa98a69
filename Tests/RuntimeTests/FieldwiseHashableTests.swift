import Docs2SwiftRuntime
import Foundation
import Testing

/// `FieldwiseHashable` gives generated models what synthesized `Equatable` and `Hashable` give.
@Suite struct FieldwiseHashableTests {
    /// As the generator writes a model: the properties listed once, in `visitFields`.
    struct Visited: FieldwiseHashable {
        var id: UUID?
        var name: String
        var tags: [String]?
        var score: Double?
        func visitFields<V: FieldPairVisitor>(pairedWith other: Visited, _ visitor: inout V) {
            visitor.optionalUUID(self.id, other.id)
            visitor.requiredString(self.name, other.name)
            visitor.visit(self.tags, other.tags)
            visitor.optionalDouble(self.score, other.score)
        }
    }

    /// The same properties with the conformances the compiler synthesizes.
    struct Synthesized: Hashable {
        var id: UUID?
        var name: String
        var tags: [String]?
        var score: Double?
    }

    static let id = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!
    static let samples: [(UUID?, String, [String]?, Double?)] = [
        (id, "a", ["x"], 1.5), (id, "a", ["x"], nil), (nil, "a", ["x"], 1.5), (id, "b", ["x"], 1.5),
        (id, "a", [], 1.5), (id, "a", nil, 1.5), (nil, "", nil, nil), (id, "a", ["x", "y"], .nan),
    ]

    @Test func equalityMatchesSynthesizedEquality() {
        for l in Self.samples {
            for r in Self.samples {
                let visited = Visited(id: l.0, name: l.1, tags: l.2, score: l.3) == Visited(id: r.0, name: r.1, tags: r.2, score: r.3)
                let synthesized = Synthesized(id: l.0, name: l.1, tags: l.2, score: l.3) == Synthesized(id: r.0, name: r.1, tags: r.2, score: r.3)
                #expect(visited == synthesized, "\(l) == \(r)")
            }
        }
    }

    @Test func hashingFeedsTheHasherWhatSynthesizedHashingFeeds() {
        // The same values combined in the same order give the same hash in one process.
        for s in Self.samples {
            #expect(Visited(id: s.0, name: s.1, tags: s.2, score: s.3).hashValue == Synthesized(id: s.0, name: s.1, tags: s.2, score: s.3).hashValue)
        }
        let set = Set(Self.samples.map { Visited(id: $0.0, name: $0.1, tags: $0.2, score: $0.3) })
        #expect(set.count == Self.samples.count, "every sample differs from the others")
        #expect(set.contains(Visited(id: Self.id, name: "a", tags: ["x"], score: 1.5)))
    }

    /// A visitor that implements `visit` alone sees the typed calls as `visit` with the property's own type.
    struct TypeRecorder: FieldPairVisitor {
        var types: [String] = []
        mutating func visit<T: Hashable>(_ a: T, _ b: T) { types.append("\(T.self)") }
    }

    @Test func typedVisitsAreVisitsOfTheirPropertyType() {
        var recorder = TypeRecorder()
        let v = Visited(id: nil, name: "a", tags: nil, score: 1)
        v.visitFields(pairedWith: v, &recorder)
        #expect(recorder.types == ["Optional<UUID>", "String", "Optional<Array<String>>", "Optional<Double>"])
    }

    @Test func theEqualityVisitorStaysUnequalAfterTheFirstDifference() {
        var visitor = EqualityVisitor()
        visitor.visit(1, 2)
        #expect(!visitor.equal)
        visitor.visit("a", "a")
        #expect(!visitor.equal, "a later equal pair does not make the values equal again")
    }
}
