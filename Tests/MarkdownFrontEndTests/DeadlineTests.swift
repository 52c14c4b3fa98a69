import DocTree
import Foundation
import Testing

/// A page's time budget carried from its front end to its extraction (`Deadline.secondsLeft`): the
/// pipeline restarts the clock for the second phase with what is left, so a page late in a large
/// corpus is not skipped for the time other pages' front ends took.
@Suite struct DeadlineTests {
    @Test func secondsLeft() {
        #expect(Deadline.none.secondsLeft == nil)
        let ten = Deadline.after(seconds: 10)
        let left = try? #require(ten.secondsLeft)
        #expect(left.map { $0 > 9 && $0 <= 10 } == true)
        #expect(Deadline.after(seconds: 0).secondsLeft == 0)
        #expect(Deadline.after(seconds: 0).isExpired)
        // Carried over: a budget restarted with what was left is not expired, and has at most that left.
        let carried = Deadline.after(seconds: left ?? 0)
        #expect(!carried.isExpired)
        #expect((carried.secondsLeft ?? 99) <= 10)
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
