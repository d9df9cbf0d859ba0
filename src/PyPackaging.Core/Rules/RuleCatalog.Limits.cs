using PyPackaging;

namespace PyPackaging.Rules
{
    // Limits rules: resource caps from ArchiveLimits (and fixed caps for extension headers).
    // Reported by the archive readers. Ids are stable.
    public static partial class RuleCatalog
    {
        private const string LimitsSpec = "extraction-safety.md §6 (Resource limits); PEP 721 hints";

        public static readonly PySdistRule LimitMemberCount = new PySdistRule(
            "LimitMemberCount", PySdistRuleCategory.Limits, PySdistSeverity.Error,
            "The archive holds more members than the limit allows (ArchiveLimits.MaxMembers). Reading stops.",
            "Do not unpack this archive. If it is legitimate, raise the member limit explicitly.", LimitsSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "Expand-PySdistSafely and Test-PySdist (resource limits); no installer needs more",
            SeverityReason = "Reading further would exhaust memory, disk or time, or behave differently across systems: unpacking is unsafe.",
        };

        public static readonly PySdistRule LimitMemberSize = new PySdistRule(
            "LimitMemberSize", PySdistRuleCategory.Limits, PySdistSeverity.Error,
            "A member declares a payload larger than the limit (ArchiveLimits.MaxMemberSize). Reading stops.",
            "Do not unpack this archive. If it is legitimate, raise the member size limit explicitly.", LimitsSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "Expand-PySdistSafely and Test-PySdist (resource limits); no installer needs more",
            SeverityReason = "Reading further would exhaust memory, disk or time, or behave differently across systems: unpacking is unsafe.",
        };

        public static readonly PySdistRule LimitTotalSize = new PySdistRule(
            "LimitTotalSize", PySdistRuleCategory.Limits, PySdistSeverity.Error,
            "The uncompressed archive is larger than the limit (ArchiveLimits.MaxTotalSize). Reading stops.",
            "Do not unpack this archive. If it is legitimate, raise the total size limit explicitly.", LimitsSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "Expand-PySdistSafely and Test-PySdist (resource limits); no installer needs more",
            SeverityReason = "Reading further would exhaust memory, disk or time, or behave differently across systems: unpacking is unsafe.",
        };

        public static readonly PySdistRule LimitCompressionRatio = new PySdistRule(
            "LimitCompressionRatio", PySdistRuleCategory.Limits, PySdistSeverity.Error,
            "The archive inflates far more than real source code does (uncompressed/compressed bytes above ArchiveLimits.MaxCompressionRatio once ArchiveLimits.CompressionRatioFloor bytes are inflated): a decompression bomb. Reading stops.",
            "Do not unpack this archive. If it is legitimate, raise the compression ratio limit explicitly.", LimitsSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "Expand-PySdistSafely and Test-PySdist (resource limits); no installer needs more; PyPI refuses zip files above a ratio of 50",
            SeverityReason = "Reading further would exhaust memory, disk or time, or behave differently across systems: unpacking is unsafe.",
        };

        public static readonly PySdistRule LimitPathLength = new PySdistRule(
            "LimitPathLength", PySdistRuleCategory.Limits, PySdistSeverity.Error,
            "A member path or link target is longer than the limit (ArchiveLimits.MaxPathLength characters). Extraction would fail or behave differently across systems.",
            "Shorten the path in the project, rebuild the sdist with a standard tool, and do not unpack this archive as is.", LimitsSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "Expand-PySdistSafely and Test-PySdist (resource limits); no installer needs more",
            SeverityReason = "Reading further would exhaust memory, disk or time, or behave differently across systems: unpacking is unsafe.",
        };

        public static readonly PySdistRule LimitPathDepth = new PySdistRule(
            "LimitPathDepth", PySdistRuleCategory.Limits, PySdistSeverity.Error,
            "A member path has more components than the limit (ArchiveLimits.MaxPathDepth).",
            "Flatten the directory layout in the project, rebuild the sdist with a standard tool, and do not unpack this archive as is.", LimitsSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "Expand-PySdistSafely and Test-PySdist (resource limits); no installer needs more",
            SeverityReason = "Reading further would exhaust memory, disk or time, or behave differently across systems: unpacking is unsafe.",
        };

        public static readonly PySdistRule LimitExtensionHeaderSize = new PySdistRule(
            "LimitExtensionHeaderSize", PySdistRuleCategory.Limits, PySdistSeverity.Error,
            "An extension header is oversized: a pax header above 1 MiB or a GNU long name or link above 64 KiB. No real sdist needs one. Reading stops.",
            "Do not unpack this archive. Rebuild the sdist with a standard tool.", LimitsSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "Expand-PySdistSafely and Test-PySdist (resource limits); no installer needs more; uv's tar-codec caps extension headers",
            SeverityReason = "Reading further would exhaust memory, disk or time, or behave differently across systems: unpacking is unsafe.",
        };
    }
}
