using System;
using System.Collections.Generic;
using PyPackaging.Archives;
using PyPackaging.Paths;

namespace PyPackaging.Extraction
{
    /// <summary>One member of the archive on its way out: where it goes, whether it was written, why it was not.</summary>
    internal sealed class MemberPlan
    {
        public MemberPlan(ArchiveMember member) => Member = member;

        public ArchiveMember Member { get; }

        /// <summary>The member's parsed archive path (set when the policy judges it).</summary>
        public MemberPath? Path { get; set; }

        /// <summary>Relative output path joined with '/' (after stripping); null when the member cannot be placed.</summary>
        public string? Key { get; set; }

        /// <summary>Relative output path with this OS's separator; empty for the destination root itself.</summary>
        public string? Relative { get; set; }

        public bool Written { get; set; }

        public List<ExtractionProblem>? Problems { get; set; }

        public string? SkipReason { get; set; }

        public bool Unsafe => Problems != null;

        /// <summary>Refuses the member for a reason the extraction policy found.</summary>
        public void Refuse(RefusalKind kind, string message) => Add(new ExtractionProblem(Member.Index, Member.Path, kind.Code(), message));

        public void Add(ExtractionProblem problem) => (Problems ??= new List<ExtractionProblem>()).Add(problem);
    }

    /// <summary>A failure that ends the run: cleanup happens, then the result describes it.</summary>
    internal sealed class ExtractionAbort : Exception
    {
        public ExtractionAbort(ExtractionFailure failure, string message, Exception? inner = null) : base(message, inner)
        {
            Failure = failure;
        }

        public ExtractionFailure Failure { get; }
    }
}
