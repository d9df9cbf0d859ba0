using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PyPackaging.Commands;

namespace PyPackaging.Core.Tests.Concurrency
{
    /// <summary>
    /// The queue behind -ThrottleLimit: results come back in input order; a slow oldest archive does not idle the other
    /// workers (they go on, up to sixteen archives per worker started and not written); and finished results waiting
    /// their turn never keep more than <see cref="ConcurrentArchiveQueue.BytesHeld"/> alive, however large they are.
    /// </summary>
    public class ConcurrentArchiveQueueTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

        private static void WaitUntil(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!condition())
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("waited too long for " + what);
                Thread.Sleep(5);
            }
        }

        [Fact]
        public void BehindASlowOldestArchiveTheOtherWorkerGoesOnUpToSixteenArchivesPerWorker()
        {
            using var gate = new ManualResetEventSlim(false);
            var queue = new ConcurrentArchiveQueue(2);
            var written = new List<int>();
            var finished = 0;
            queue.Start("slow", _ => { gate.Wait(Patience); return -1; }, _ => written.Add(-1), CancellationToken.None);
            for (var i = 1; i < 32; i++)
            {
                Assert.False(queue.IsFull, $"full after {i} archives");
                var index = i;
                queue.Start("archive" + i, _ => { Interlocked.Increment(ref finished); return index; }, t => written.Add((int)t.Result!), CancellationToken.None, size: _ => 1024);
            }
            // 32 started and none written: 16 per worker, the limit.
            Assert.True(queue.IsFull);
            // The second worker finished all 31 while the first was held by the slow one.
            WaitUntil(() => Volatile.Read(ref finished) == 31, "the other worker to finish the 31 small archives");
            Assert.False(queue.NextIsReady);
            Assert.Empty(written);

            gate.Set();
            while (!queue.IsEmpty) queue.WriteNext((_, _) => { });
            Assert.Equal(-1, written[0]);
            for (var i = 1; i < 32; i++) Assert.Equal(i, written[i]);
            Assert.False(queue.IsFull);
        }

        [Fact]
        public void FinishedResultsWaitingTheirTurnKeepNoMoreThanTheBudgetAlive()
        {
            using var gate = new ManualResetEventSlim(false);
            var queue = new ConcurrentArchiveQueue(2);
            var written = new List<int>();
            var third = ConcurrentArchiveQueue.BytesHeld / 3 + 1;
            queue.Start("slow", _ => { gate.Wait(Patience); return 0; }, _ => written.Add(0), CancellationToken.None, size: _ => 10);
            var done = 0;
            for (var i = 1; i <= 3; i++)
            {
                Assert.False(queue.IsFull, $"full before archive {i} finished");
                var index = i;
                queue.Start("large" + i, _ => { Interlocked.Increment(ref done); return index; }, t => written.Add((int)t.Result!), CancellationToken.None, size: _ => third);
            }
            WaitUntil(() => Volatile.Read(ref done) == 3, "the three large archives");
            // Three finished results of a third of the budget each wait behind the slow one: no fifth archive starts,
            // although only four are queued (the count limit is 32).
            WaitUntil(() => queue.IsFull, "the budget to be reached");

            gate.Set();
            queue.WriteNext((_, _) => { }); // the slow one
            Assert.True(queue.IsFull); // three large ones still wait: still over the budget
            queue.WriteNext((_, _) => { });
            Assert.False(queue.IsFull); // two thirds held: room again
            while (!queue.IsEmpty) queue.WriteNext((_, _) => { });
            Assert.Equal(new[] { 0, 1, 2, 3 }, written);
        }

        [Fact]
        public void AFailedArchiveCountsNothingAndIsStillWrittenInItsPlace()
        {
            var queue = new ConcurrentArchiveQueue(2);
            var outcomes = new List<string>();
            queue.Start("bad", _ => throw new InvalidOperationException("unreadable"), t => outcomes.Add(t.IsFaulted ? "failed" : "ok"), CancellationToken.None,
                size: _ => ConcurrentArchiveQueue.BytesHeld * 2);
            queue.Start("good", _ => 1, t => outcomes.Add(t.IsFaulted ? "failed" : "ok"), CancellationToken.None, size: _ => 1);
            WaitUntil(() => queue.NextIsReady, "the failed archive");
            Assert.False(queue.IsFull);
            while (!queue.IsEmpty) queue.WriteNext((_, _) => { });
            Assert.Equal(new[] { "failed", "ok" }, outcomes);
        }

        [Fact]
        public void AbandoningForgetsWhatWasHeld()
        {
            var queue = new ConcurrentArchiveQueue(1);
            var discarded = new List<object>();
            queue.Start("a", _ => 1, _ => { }, CancellationToken.None, discard: r => discarded.Add(r), size: _ => ConcurrentArchiveQueue.BytesHeld);
            WaitUntil(() => queue.NextIsReady, "the archive");
            Assert.True(queue.IsFull);
            queue.Abandon();
            Assert.False(queue.IsFull);
            Assert.True(queue.IsEmpty);
            Assert.Equal(new object[] { 1 }, discarded);
        }
    }
}
