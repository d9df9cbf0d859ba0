using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PyPackaging.Inspection;
using PyPackaging.Rules;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace PyPackaging.Checks.Metadata
{
    /// <summary><c>{top}/pyproject.toml</c> must be UTF-8 and valid TOML.</summary>
    public sealed class PyprojectTomlCheck : ArchiveCheck
    {
        private static readonly IReadOnlyList<PySdistRule> AllRules = new[] { RuleCatalog.PyprojectTomlInvalid };

        public override IReadOnlyList<PySdistRule> Rules => AllRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var a = SdistMetadataAnalysis.Get(snapshot);
            if (a.PyprojectMember == null || a.PyprojectBytes == null || a.PyprojectTruncated) return;
            var member = a.PyprojectMember;
            var error = Validate(a.PyprojectBytes);
            if (error != null)
            {
                findings.Report(RuleCatalog.PyprojectTomlInvalid, member.Index,
                    "`" + member.Path + "` is not valid TOML: " + error + ". Build frontends (pip, build, uv) fail before building anything.");
            }
        }

        /// <summary>Null when <paramref name="bytes"/> is UTF-8 TOML; else the first problem, with its line.</summary>
        public static string? Validate(byte[] bytes)
        {
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes, offset, bytes.Length - offset);
            }
            catch (DecoderFallbackException)
            {
                return "the file is not UTF-8 (TOML must be UTF-8)";
            }
            try
            {
                var document = SyntaxParser.Parse(text, "pyproject.toml", true);
                if (!document.HasErrors) return null;
                foreach (var d in document.Diagnostics)
                {
                    if (d.Kind != DiagnosticMessageKind.Error) continue;
                    return "line " + (d.Span.Start.Line + 1).ToString(CultureInfo.InvariantCulture) + ": " + d.Message;
                }
                return "the parser reported an error";
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // A parser failure on hostile input is still a finding, never a crash of the whole inspection.
                return "the TOML parser failed (" + ex.GetType().Name + ": " + ex.Message + ")";
            }
        }
    }
}
