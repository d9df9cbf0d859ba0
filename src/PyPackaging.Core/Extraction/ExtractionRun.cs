using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;

namespace PyPackaging.Extraction
{
    /// <summary>
    /// One all-or-nothing extraction: the scan (<see cref="SdistScan"/>) stages each member the policy admits
    /// (<see cref="ExtractionPolicy"/>) into a <see cref="StagingArea"/>, the checks judge the whole snapshot, then
    /// <see cref="Decide"/> refuses everything or takes back what was refused, links are written last
    /// (<see cref="LinkWriter"/>) and the staged result moves into place.
    /// </summary>
    internal sealed class ExtractionRun : IMemberHook
    {
        private readonly ExtractionOptions _options;
        private readonly string _archivePath;
        private readonly string _archiveName;
        private readonly string _destination;
        private readonly Stream _stream;
        private readonly CancellationToken _ct;
        private readonly Action<ArchiveStatistics>? _progress;
        private readonly byte[] _buffer;
        private readonly ExtractionResult _result;
        private readonly StagingArea _staging;

        private readonly List<MemberPlan> _plans = new List<MemberPlan>();
        private readonly List<ArchiveMember> _members = new List<ArchiveMember>();

        /// <summary>About how much memory the staged run keeps alive until it is placed: its inspection's (see <see cref="SdistInspection.ApproximateBytes"/>).</summary>
        public long ApproximateBytes => _inspection?.ApproximateBytes ?? _members.Count * 1024L;
        private ExtractionPolicy? _policy;
        private StagedFileWriter? _writer;
        private SdistInspection? _inspection;
        private string? _currentMember;
        private bool _refusedAll;
        private bool _staged;

        public ExtractionRun(ExtractionOptions options, string archivePath, string destination, Stream stream, CancellationToken ct, Action<ArchiveStatistics>? progress)
        {
            _options = options;
            _archivePath = archivePath;
            _archiveName = Path.GetFileName(archivePath);
            _destination = destination;
            _stream = stream;
            _ct = ct;
            _progress = progress;
            _buffer = new byte[Math.Max(4096, options.BufferSize)];
            _result = new ExtractionResult(archivePath, destination);
            _staging = new StagingArea(options, destination);
        }

        public ExtractionResult Execute()
        {
            Stage();
            return Place();
        }

        /// <summary>
        /// Everything up to the move into place: the pass into the staging directory, the checks, the decision, links
        /// and directory times. Writes nothing outside the staging directory (and the destination's missing
        /// ancestors), so several archives can be staged at once; on failure the staging directory is already gone.
        /// </summary>
        public void Stage()
        {
            try
            {
                _staging.Prepare();
                _policy = new ExtractionPolicy(_options, _members, _staging.CaseInsensitive,
                    top => _staging.CheckTarget(Path.Combine(_destination, top)));
                // With a second processor, staged files are created on a thread of their own (StagedFileWriter).
                if (Environment.ProcessorCount > 1) _writer = new StagedFileWriter();
                _inspection = SdistScan.Run(_stream, _archivePath, _options.Limits, new FindingCollector(), this, _ct, _progress);
                _writer?.Flush(); // every admitted file is on disk before the decision takes any back
                var decision = Decide(_inspection.Snapshot, _inspection.Findings);
                if (decision != null) throw decision;
                WriteLinks(_inspection.Snapshot.Links);
                _staging.ApplyDirectoryTimes();
                _staged = true;
            }
            catch (Exception ex) when (IsExpectedFailure(ex))
            {
                if (_writer?.FailedMember is string failed) _currentMember = failed;
                RecordFailure(ex);
            }
            finally
            {
                _writer?.Stop(); // before any clean-up: the writer must no longer touch the staging area
                _writer = null;
                if (!_staged) _staging.Cleanup();
            }
        }

        /// <summary>
        /// Moves a staged result into place (the targets are checked again here, so runs placed one after another in
        /// input order see each other's targets exactly as runs made one after another) and builds the output.
        /// </summary>
        public ExtractionResult Place()
        {
            if (_staged)
            {
                _staged = false;
                var moved = false;
                try
                {
                    _result.Targets = _staging.PlaceTargets(_policy!.TopLevelNames, _ct);
                    _result.ReplacedTargets = _staging.ReplacedTargets;
                    moved = true;
                }
                catch (Exception ex) when (IsExpectedFailure(ex))
                {
                    RecordFailure(ex);
                }
                finally
                {
                    if (!moved) _staging.Cleanup();
                }
            }
            ExtractionEntries.Fill(_result, _plans, _inspection?.Entries, _staging.FinalPath, _destination, _refusedAll);
            return _result;
        }

        /// <summary>Removes a staged result that will not be placed (the pipeline stopped before its turn).</summary>
        public void Discard()
        {
            if (!_staged) return;
            _staged = false;
            _staging.Cleanup();
        }

        /// <summary>A refusal or an I/O failure goes into the result; anything else (cancellation, a defect) propagates.</summary>
        private static bool IsExpectedFailure(Exception ex) =>
            ex is ExtractionAbort || ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException;

        private void RecordFailure(Exception ex)
        {
            if (ex is ExtractionAbort abort)
            {
                _result.Failure = abort.Failure;
                _result.FailureMessage = abort.Message;
                _result.Exception = abort.InnerException;
                return;
            }
            _result.Failure = ExtractionFailure.WriteFailed;
            _result.FailureMessage = $"Expanding '{_archiveName}' failed while writing{CurrentMemberText()}: {ex.Message} Nothing was left in '{_destination}'.";
            _result.Exception = ex;
        }

        private string CurrentMemberText() => _currentMember == null ? string.Empty : $" '{MemberPath.Display(_currentMember)}'";

        // ----- the pass: one member at a time -----

        /// <summary>The scan's hook: judges the member, writes what the policy admits, keeps the payloads the checks read.</summary>
        CapturedContent? IMemberHook.OnMember(ArchiveMember member, ISdistArchiveReader reader)
        {
            _members.Add(member);
            var plan = new MemberPlan(member);
            _plans.Add(plan);
            _currentMember = member.Path;
            var admitted = _policy!.Admit(plan);
            CapturedContent? kept = null;
            switch (member.Type)
            {
                case PySdistEntryType.Directory when admitted:
                    _staging.AddDirectory(plan.Key!, plan.Relative!, member.ModifiedTime, plan.Path!.Components.Count);
                    plan.Written = true;
                    break;
                case PySdistEntryType.File:
                    var capture = CapturePolicy.BytesToCapture(member.Path);
                    if (admitted) kept = WriteFile(plan, reader.OpenData(), capture);
                    else if (capture > 0) kept = CapturePolicy.Capture(reader.OpenData(), member.Size, capture);
                    break;
                // Links are written at the end, once the whole graph is known and checked.
            }
            _currentMember = null;
            return kept;
        }

        private static bool IsExecutable(ArchiveMember member) => member.Mode is int m && (m & 0x40) != 0;

        /// <summary>Streams the payload to its staged file, keeping its first <paramref name="capture"/> bytes for the checks.</summary>
        private CapturedContent? WriteFile(MemberPlan plan, Stream data, int capture)
        {
            var member = plan.Member;
            var handOver = _writer != null && StagedFileWriter.TakesWhole(member.Size);
            if (_writer != null && !handOver) _writer.Flush(); // a large file is streamed here, after the files before it
            _staging.EnsureParent(plan.Key!);
            var target = _staging.StagedPath(plan.Relative!);
            if (handOver) return HandOver(plan, target, data, capture);
            byte[]? captured = capture > 0 ? new byte[(int)Math.Min(member.Size, capture)] : null;
            var capturedCount = 0;
            using (var output = StagingArea.CreateFile(target, IsExecutable(member)))
            {
                plan.Written = true;
                int read;
                while ((read = data.Read(_buffer, 0, _buffer.Length)) > 0)
                {
                    if (captured != null && capturedCount < captured.Length)
                    {
                        var take = Math.Min(read, captured.Length - capturedCount);
                        Buffer.BlockCopy(_buffer, 0, captured, capturedCount, take);
                        capturedCount += take;
                    }
                    output.Write(_buffer, 0, read);
                }
            }
            StagingArea.SetFileTime(target, member.ModifiedTime);
            if (captured == null) return null;
            if (capturedCount < captured.Length) Array.Resize(ref captured, capturedCount);
            return new CapturedContent(captured, truncated: member.Size > capturedCount);
        }

        /// <summary>Reads the payload whole and hands it to the writer thread, keeping its first <paramref name="capture"/> bytes.</summary>
        private CapturedContent? HandOver(MemberPlan plan, string target, Stream data, int capture)
        {
            var member = plan.Member;
            _writer!.ThrowIfFailed(); // not worth reading the payload when the archive has already failed
            var buffer = StagedFileWriter.Rent(member.Size);
            var count = 0;
            try
            {
                int read;
                while (count < member.Size && (read = data.Read(buffer, count, (int)member.Size - count)) > 0) count += read;
            }
            catch
            {
                StagedFileWriter.Return(buffer);
                throw;
            }
            CapturedContent? kept = null;
            if (capture > 0)
            {
                var captured = new byte[Math.Min(count, capture)];
                Buffer.BlockCopy(buffer, 0, captured, 0, captured.Length);
                kept = new CapturedContent(captured, truncated: member.Size > captured.Length);
            }
            plan.Written = true;
            _writer.Enqueue(target, buffer, count, IsExecutable(member), member.ModifiedTime, member.Path);
            return kept;
        }

        // ----- the decision -----

        /// <summary>
        /// Merges what the checks found (every finding of a rule that <see cref="PySdistRule.BlocksExtraction"/>) with
        /// what the policy refused during the pass; refuses the whole archive for an archive-scope rule or an unreadable
        /// archive, refuses it for unsafe members unless -SkipUnsafe, else takes back what was written for unsafe members.
        /// </summary>
        private ExtractionAbort? Decide(SdistSnapshot snapshot, FindingCollector findings)
        {
            var problems = FindingProblems(findings, out var archiveWide, out var limits);
            if (!snapshot.Completed)
            {
                archiveWide = true;
                if (problems.Count == 0 || snapshot.StopReason != null)
                {
                    problems.Add(new ExtractionProblem(-1, _archiveName, "ArchiveIncomplete", snapshot.StopReason ?? "the archive could not be read to its end."));
                }
            }
            problems = WithPolicyRefusals(problems);
            _result.Problems = problems;

            if (archiveWide)
            {
                var failure = limits ? ExtractionFailure.LimitsExceeded : ExtractionFailure.InvalidArchive;
                _refusedAll = true;
                // Say what is actually wrong: a container PyPackaging does not unpack (bzip2, xz, an empty file) is neither
                // corrupt nor ambiguous; only findings of the framing rules justify "corrupt, truncated or ambiguously framed".
                var framing = problems.Any(p => p.Code != "ArchiveIncomplete");
                var what = limits ? "it exceeds a resource limit"
                    : framing ? "it is corrupt, truncated or ambiguously framed"
                    : snapshot.StopReason != null ? snapshot.StopReason.TrimEnd('.') : "it could not be read to its end";
                return new ExtractionAbort(failure, Explain($"Refused to expand '{_archiveName}': {what}.", problems));
            }
            var unsafeCount = _plans.Count(p => p.Unsafe);
            if (unsafeCount > 0 && !_options.SkipUnsafe)
            {
                _refusedAll = true;
                return new ExtractionAbort(ExtractionFailure.UnsafeMembers,
                    Explain($"Refused to expand '{_archiveName}': {unsafeCount} unsafe member{(unsafeCount == 1 ? string.Empty : "s")}. Use -SkipUnsafe to extract the rest.", problems));
            }

            // -SkipUnsafe: take back whatever was written for members found unsafe only after the pass.
            foreach (var plan in _plans)
            {
                if (!plan.Unsafe || !plan.Written) continue;
                if (plan.Member.Type == PySdistEntryType.File) File.Delete(_staging.StagedPath(plan.Relative!));
                plan.Written = false;
            }
            return null;
        }

        /// <summary>One problem per blocking finding, also attached to its member; whether any refuses the whole archive.</summary>
        private List<ExtractionProblem> FindingProblems(FindingCollector findings, out bool archiveWide, out bool limits)
        {
            var problems = new List<ExtractionProblem>();
            archiveWide = false;
            limits = false;
            foreach (var f in findings.Findings)
            {
                if (!f.Rule.BlocksExtraction) continue;
                var inRange = f.MemberIndex >= 0 && f.MemberIndex < _plans.Count;
                var path = inRange ? _members[f.MemberIndex].Path : _archiveName;
                var problem = new ExtractionProblem(inRange ? f.MemberIndex : -1, path, f.Rule.Id, f.Message);
                problems.Add(problem);
                if (inRange) _plans[f.MemberIndex].Add(problem);
                if (!inRange || f.Rule.Scope == PySdistRuleScope.Archive)
                {
                    archiveWide = true;
                    if (f.Rule.Category == PySdistRuleCategory.Limits) limits = true;
                }
            }
            return problems;
        }

        /// <summary>
        /// Adds what the policy refused during the pass that no blocking finding reported under the same rule (names this
        /// OS cannot hold, case collisions, -StripTopLevel), in a stable order: by member, archive-level problems first.
        /// </summary>
        private List<ExtractionProblem> WithPolicyRefusals(List<ExtractionProblem> problems)
        {
            var reported = new HashSet<(int, string)>();
            foreach (var p in problems) reported.Add((p.MemberIndex, p.Code));
            foreach (var plan in _plans)
            {
                if (plan.Problems == null) continue;
                foreach (var p in plan.Problems)
                {
                    if (reported.Add((p.MemberIndex, p.Code))) problems.Add(p);
                }
            }
            return problems.Select((p, i) => (p, i)).OrderBy(x => x.p.MemberIndex).ThenBy(x => x.i).Select(x => x.p).ToList();
        }

        private string Explain(string headline, List<ExtractionProblem> problems)
        {
            var text = new StringBuilder(headline);
            text.Append(" Nothing was written to '").Append(_destination).Append("'.");
            foreach (var p in problems)
            {
                text.AppendLine();
                text.Append("  ").Append(p.MemberIndex >= 0 ? MemberPath.Display(p.Path) : "(archive) " + p.Path)
                    .Append(": ").Append(p.Code).Append(": ").Append(p.Message);
            }
            return text.ToString();
        }

        // ----- after the decision -----

        private void WriteLinks(LinkGraph graph)
        {
            var writer = new LinkWriter(_options.LinkMode, _plans, _staging, graph); // the graph the checks already built
            foreach (var plan in _plans)
            {
                var type = plan.Member.Type;
                if (type != PySdistEntryType.SymbolicLink && type != PySdistEntryType.HardLink) continue;
                if (plan.Unsafe || plan.Key == null || plan.Key.Length == 0) continue;
                _ct.ThrowIfCancellationRequested();
                _currentMember = plan.Member.Path;
                writer.Write(plan);
            }
            _currentMember = null;
        }
    }
}
