using System.Collections.Generic;

using PyPackaging.Rules;

namespace PyPackaging.Archives
{
    /// <summary>
    /// The readers' outlet: they hand it typed <see cref="FramingIssue"/>s, it turns each into a finding through
    /// <see cref="FramingMessages"/>. It also holds the outcome of the read (stopped, completed, why), which every part
    /// of a reader consults, and issues that wait for the member they belong to (found in extension headers before it).
    /// </summary>
    internal sealed class FramingReport
    {
        private readonly FindingCollector _findings;
        private readonly List<FramingIssue> _pending = new List<FramingIssue>();

        public FramingReport(FindingCollector findings)
        {
            _findings = findings;
        }

        /// <summary>Reading stopped: nothing after this point can be trusted or is worth reading.</summary>
        public bool Stopped { get; private set; }

        /// <summary>No further member will be produced.</summary>
        public bool Done { get; set; }

        /// <summary>The archive was read to its end and its end was clean.</summary>
        public bool Completed { get; set; }

        public string? StopReason { get; set; }

        public void Report(FramingIssue issue)
        {
            var (rule, message) = FramingMessages.Describe(issue);
            _findings.Report(rule, issue.MemberIndex, message);
        }

        /// <summary>Keeps an issue until the member it belongs to is known (<see cref="FlushPending"/>).</summary>
        public void Defer(FramingIssue issue) => _pending.Add(issue);

        public void FlushPending(int memberIndex)
        {
            foreach (var issue in _pending)
            {
                issue.MemberIndex = memberIndex;
                Report(issue);
            }
            _pending.Clear();
        }

        public void ClearPending() => _pending.Clear();

        /// <summary>Reports the issue and stops reading with the kind's stop reason.</summary>
        public void Stop(FramingIssue issue)
        {
            Report(issue);
            StopOnly(FramingMessages.StopReasonOf(issue.Kind));
        }

        public void StopOnly(string reason)
        {
            if (Stopped) return;
            Stopped = true;
            Done = true;
            Completed = false;
            StopReason = reason;
        }
    }
}
