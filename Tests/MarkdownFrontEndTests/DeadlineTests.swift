import DocTree
import Foundation
import Testing

/// A page's time budget is processor time of the thread reading it, so a page late in a large corpus on
/// a busy machine is not skipped for the time other pages took.
@Suite struct DeadlineTests {
    @Test func limits() {
        #expect(!Deadline.none.isExpired)
        #expect(Deadline.after(seconds: 0).isExpired)
        #expect(!Deadline.after(seconds: 10).isExpired)
        #expect(!Deadline.after(seconds: .infinity).isExpired)
    }

    /// Processor time, not wall time: waiting (a busy machine, a sleep) does not use up a page's budget.
    @Test func waitingDoesNotUseTheBudget() {
        let d = Deadline.after(seconds: 0.05)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!d.isExpired)
        var x = 0.0
        while !d.isExpired { x += 1 }  // working does
        #expect(x > 0)
    }
}
