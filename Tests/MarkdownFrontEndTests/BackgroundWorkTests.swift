import DocTree
import Foundation
import Testing

/// The helpers that take work off the main thread (`BackgroundJob`, `InOrderJob`, `Disposal`) and the
/// cache writer (`CacheFile`): results in order, errors passed on, files replaced whole.
@Suite struct BackgroundWorkTests {
    struct Failure: Error {}

    @Test func aBackgroundJobGivesItsResultToEveryCallAndPassesItsErrorOn() throws {
        let job = BackgroundJob(yielding: true) { (1...1000).reduce(0, +) }
        #expect(try job.result() == 500_500)
        #expect(try job.result() == 500_500)
        let failing = BackgroundJob { () throws -> Int in throw Failure() }
        #expect(throws: Failure.self) { try failing.result() }
        #expect(throws: Failure.self) { try failing.result() }
    }

    /// The order values were made in, from the thread that makes them.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [Int] = []
        func add(_ i: Int) { lock.withLock { made.append(i) } }
        var order: [Int] { lock.withLock { made } }
    }

    @Test func anInOrderJobGivesEachValueOnceItIsMade() {
        let recorder = Recorder()
        let job = InOrderJob(200) { i -> Int in
            recorder.add(i)
            if i % 50 == 0 { Thread.sleep(forTimeInterval: 0.001) }
            return i * i
        }
        // Asked out of order and before they are made: each waits for its own value.
        #expect(job[150] == 22_500)
        #expect((0..<200).map { job[$0] } == (0..<200).map { $0 * $0 })
        #expect(recorder.order == Array(0..<200))
    }

    /// Signals when it is freed, and whether that was on the thread that made it.
    final class Tracked: @unchecked Sendable {
        let freed: DispatchSemaphore
        let maker = pthread_self()
        let onMaker: UnsafeMutablePointer<Bool>
        init(_ freed: DispatchSemaphore, _ onMaker: UnsafeMutablePointer<Bool>) { self.freed = freed; self.onMaker = onMaker }
        deinit {
            if pthread_equal(pthread_self(), maker) != 0 { onMaker.pointee = true }
            freed.signal()
        }
    }

    @Test func disposedValuesAreFreedOnAnotherThread() {
        let freed = DispatchSemaphore(value: 0)
        let onMaker = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        defer { onMaker.deallocate() }
        onMaker.pointee = false
        Disposal.inBackground([Tracked(freed, onMaker), Tracked(freed, onMaker)])
        #expect(freed.wait(timeout: .now() + 10) == .success)
        #expect(freed.wait(timeout: .now() + 10) == .success)
        #expect(onMaker.pointee == false)
    }

    @Test func aCacheFileIsReplacedWholeAndAFailedWriteLeavesTheOldOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-cachefile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("state").path
        #expect(CacheFile.write(Data("first\n".utf8), to: path))
        #expect(CacheFile.write(Data("second, longer\n".utf8), to: path))
        #expect(FileManager.default.contents(atPath: path) == Data("second, longer\n".utf8))
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["state"])
        // A folder that does not exist: false, nothing written.
        #expect(!CacheFile.write(Data("x".utf8), to: dir.appendingPathComponent("missing/state").path))
        #expect(FileManager.default.contents(atPath: path) == Data("second, longer\n".utf8))
    }
}
