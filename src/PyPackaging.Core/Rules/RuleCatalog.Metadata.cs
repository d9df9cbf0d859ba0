namespace PyPackaging.Rules
{
    // Metadata rules (PKG-INFO content), plus the Structure rules that depend on PKG-INFO, the file name and
    // pyproject.toml content. Add rules as public static readonly PySdistRule fields; ids are stable.
    public static partial class RuleCatalog
    {
        private const string MetadataRulesCoreMetadataUrl = "https://packaging.python.org/en/latest/specifications/core-metadata/";
        private const string MetadataRulesSdistFormatUrl = "https://packaging.python.org/en/latest/specifications/source-distribution-format/";

        // ---- Structure: file name, PKG-INFO vs. file name, pyproject.toml syntax, license files -------------------

        public static readonly PySdistRule SdistFileNameNotNormalized = new PySdistRule(
            "SdistFileNameNotNormalized", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "The archive file name must be `{escaped_name}-{version}.tar.gz`: the name lowercased with runs of `-`, `_` and `.` replaced by `_`, and the version in PEP 440 normal form (trailing zeros kept).",
            "Rename the file (better: rebuild it with a PEP 625-conforming backend) so that it reads exactly as suggested.",
            MetadataRulesSdistFormatUrl + " ; PEP 625")
        {
            Consumer = "PyPI's upload check ('Filename ... is invalid, should be ...')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoMetadataVersionTooOld = new PySdistRule(
            "PkgInfoMetadataVersionTooOld", PySdistRuleCategory.Structure, PySdistSeverity.Warning,
            "The PKG-INFO of an sdist with pyproject.toml (the current format) should declare Metadata-Version 2.2 or later, so that consumers can trust its static fields (PEP 643). Consumers still read older versions.",
            "Rebuild the sdist with a current build backend; it will write Metadata-Version 2.2 or later.",
            MetadataRulesSdistFormatUrl + " ; PEP 643")
        {
            Consumer = "tools that read static metadata from sdists (PEP 643)",
            SeverityReason = "The sdist specification asks for 2.2 or later, but every consumer still reads older versions: a Warning.",
        };

        public static readonly PySdistRule PkgInfoLegacyMetadataVersion = new PySdistRule(
            "PkgInfoLegacyMetadataVersion", PySdistRuleCategory.Structure, PySdistSeverity.Information,
            "A legacy sdist (no pyproject.toml) declares a Metadata-Version older than 2.2, as setuptools wrote before 2021. Every field counts as dynamic, so tools build the sdist to learn its metadata; PyPI, pip and uv accept it.",
            "Nothing to do for an existing release. For a new one, add a pyproject.toml and build with a current backend, which writes Metadata-Version 2.2 or later.",
            MetadataRulesSdistFormatUrl + " ; PEP 643")
        {
            Consumer = "nobody refuses it; tools build the sdist to learn its metadata",
            SeverityReason = "A fact about a legacy sdist, which the sdist specification leaves alone: Information.",
        };

        public static readonly PySdistRule PkgInfoNameMismatch = new PySdistRule(
            "PkgInfoNameMismatch", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "The Name in PKG-INFO must be the project named by the archive file name (compared after PEP 503 normalisation).",
            "Rebuild the sdist so that the file name and PKG-INFO come from the same project metadata.",
            MetadataRulesSdistFormatUrl + " ; PEP 625")
        {
            Consumer = "PyPI's upload check ('Start filename for ... with ...')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoVersionMismatch = new PySdistRule(
            "PkgInfoVersionMismatch", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "The Version in PKG-INFO must be the version in the archive file name (compared as PEP 440 versions).",
            "Rebuild the sdist so that the file name and PKG-INFO carry the same version.",
            MetadataRulesSdistFormatUrl + " ; PEP 625")
        {
            Consumer = "PyPI's upload check ('Filename ... is invalid, should be ...')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PyprojectTomlInvalid = new PySdistRule(
            "PyprojectTomlInvalid", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "pyproject.toml must be valid UTF-8 TOML; build frontends fail before anything is built.",
            "Fix the TOML syntax error at the reported line (validate it with a TOML parser) and rebuild the sdist.",
            "https://packaging.python.org/en/latest/specifications/pyproject-toml/ ; https://toml.io/en/v1.0.0")
        {
            Consumer = "build frontends (pip, uv, python -m build) fail to parse it",
            SeverityReason = "Installers fail to build the sdist.",
        };

        public static readonly PySdistRule LicenseFileMissing = new PySdistRule(
            "LicenseFileMissing", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "With Metadata-Version 2.4 or later, every License-File listed in PKG-INFO must be present in the archive at `{top}/{path}`.",
            "Include the license file in the sdist (check `license-files` in pyproject.toml), or remove the License-File entry.",
            MetadataRulesSdistFormatUrl + " ; PEP 639")
        {
            Consumer = "PyPI's upload check ('License-File ... does not exist in distribution file')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        // ---- Metadata: one rule per CoreMetadataValidator problem kind --------------------------------------------

        public static readonly PySdistRule PkgInfoNotUtf8 = new PySdistRule(
            "PkgInfoNotUtf8", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "PKG-INFO must be encoded as UTF-8.",
            "Rewrite PKG-INFO as UTF-8 (rebuild the sdist with a current backend).",
            MetadataRulesCoreMetadataUrl)
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoMalformedHeader = new PySdistRule(
            "PkgInfoMalformedHeader", PySdistRuleCategory.Metadata, PySdistSeverity.Warning,
            "A line of the PKG-INFO header block is neither a `Key: value` header nor a continuation line starting with whitespace. Python's email parser (used by packaging, twine, PyPI and pip) ends the headers at that line and reads the rest as the description, so the headers after it are lost.",
            "Fix the line (indent continuation lines, separate the description from the headers with an empty line) or rebuild the sdist.",
            MetadataRulesCoreMetadataUrl)
        {
            Consumer = "Python's email parser (packaging, twine, PyPI, pip): it ends the headers at that line",
            SeverityReason = "The metadata is still read, but the headers after the line are lost: consumers tolerate it, so it is a Warning.",
        };

        public static readonly PySdistRule PkgInfoRequiredFieldMissing = new PySdistRule(
            "PkgInfoRequiredFieldMissing", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "PKG-INFO must contain Metadata-Version, Name and Version.",
            "Rebuild the sdist so that PKG-INFO carries the missing field.",
            MetadataRulesCoreMetadataUrl)
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoFieldRepeated = new PySdistRule(
            "PkgInfoFieldRepeated", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "A single-use core metadata field appears more than once (or the description is given both as a header and as the body).",
            "Keep one occurrence of the field.",
            MetadataRulesCoreMetadataUrl)
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoMetadataVersionInvalid = new PySdistRule(
            "PkgInfoMetadataVersionInvalid", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Metadata-Version must be one of 1.0, 1.1, 1.2, 2.1 to 2.6; consumers must refuse a newer major version.",
            "Rebuild the sdist with a backend that writes a defined Metadata-Version (2.2 or later).",
            MetadataRulesCoreMetadataUrl + "#metadata-version")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoMetadataVersionNewer = new PySdistRule(
            "PkgInfoMetadataVersionNewer", PySdistRuleCategory.Metadata, PySdistSeverity.Warning,
            "Metadata-Version is a newer minor version than this tool knows; fields added by it are not checked.",
            "Check that PyPI and your installers support this Metadata-Version, or emit an older one.",
            MetadataRulesCoreMetadataUrl + "#metadata-version")
        {
            Consumer = "tools that know only older metadata versions",
            SeverityReason = "The spec says consumers should warn on a newer minor version: a Warning.",
        };

        public static readonly PySdistRule PkgInfoInvalidName = new PySdistRule(
            "PkgInfoInvalidName", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Name must consist of ASCII letters, digits, `.`, `_` and `-`, and start and end with a letter or digit.",
            "Change `[project].name` to a valid name and rebuild.",
            MetadataRulesCoreMetadataUrl + "#name")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoInvalidVersion = new PySdistRule(
            "PkgInfoInvalidVersion", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Version must be a valid PEP 440 version.",
            "Change the version to a PEP 440 version (e.g. `1.0.0`, `1.0rc1`, `1.0.post1`) and rebuild.",
            "https://packaging.python.org/en/latest/specifications/version-specifiers/")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift); pip and uv",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoLocalVersion = new PySdistRule(
            "PkgInfoLocalVersion", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Version has a local version label (`+...`); PyPI does not accept local versions.",
            "Drop the `+local` part of the version before publishing.",
            "https://packaging.python.org/en/latest/specifications/version-specifiers/#local-version-identifiers")
        {
            Consumer = "PyPI's upload check ('The use of local versions ... is not allowed')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoSummaryMultiline = new PySdistRule(
            "PkgInfoSummaryMultiline", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Summary must be a single line.",
            "Shorten `[project].description` to one line; put longer text in the readme.",
            MetadataRulesCoreMetadataUrl + "#summary")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoSummaryTooLong = new PySdistRule(
            "PkgInfoSummaryTooLong", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Summary must be at most 512 characters; PyPI rejects longer ones.",
            "Shorten `[project].description` to 512 characters or fewer.",
            MetadataRulesCoreMetadataUrl + "#summary")
        {
            Consumer = "PyPI's upload check ('summary ... must be 512 characters or less')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoInvalidDescriptionContentType = new PySdistRule(
            "PkgInfoInvalidDescriptionContentType", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Description-Content-Type must be text/plain, text/x-rst or text/markdown, with charset UTF-8 only and Markdown variant GFM or CommonMark; packaging.metadata and PyPI refuse other values. The value `UNKNOWN` (written by old setuptools) is dropped by PyPI before validation and is not reported.",
            "Use a `.md` or `.rst` readme, or set `content-type` in the `[project].readme` table to a supported value.",
            MetadataRulesCoreMetadataUrl + "#description-content-type")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it. PyPI drops the value UNKNOWN before validating, so UNKNOWN is not reported.",
        };

        public static readonly PySdistRule PkgInfoInvalidRequirement = new PySdistRule(
            "PkgInfoInvalidRequirement", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Requires-Dist, Provides-Dist and Obsoletes-Dist must be dependency specifiers that packaging parses (PyPI, pip and uv use it). Where the spec is stricter than packaging (legacy marker spellings, string comparisons with version operators, `extra` with other operators, host-less URLs), packaging decides the severity and PkgInfoRequirementNotStrict reports the difference as a Warning.",
            "Fix the dependency string in `[project].dependencies` / `optional-dependencies` and rebuild.",
            "https://packaging.python.org/en/latest/specifications/dependency-specifiers/")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift); pip and uv",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoRequirementNotStrict = new PySdistRule(
            "PkgInfoRequirementNotStrict", PySdistRuleCategory.Metadata, PySdistSeverity.Warning,
            "A Requires-Dist, Provides-Dist or Obsoletes-Dist value that packaging (and so PyPI, pip and uv) accepts, but that the dependency-specifiers spec asks publishers not to write: legacy marker spellings (os.name, sys.platform, python_implementation), ordered or ~= comparisons on string variables (a plain string comparison), `extra` with operators other than == and !=, the lock-file variables `extras` and `dependency_groups`, version comparisons with something that is not a version, a direct reference that is not an absolute URL.",
            "Write the requirement as the spec shows it (e.g. `os_name == \"nt\"`, `extra == \"test\"`, `python_version >= \"3.9\"`) in `[project].dependencies` and rebuild.",
            "https://packaging.python.org/en/latest/specifications/dependency-specifiers/")
        {
            Consumer = "nobody refuses it: packaging's parser, which PyPI, pip and uv run, accepts it",
            SeverityReason = "The spec asks publishers to be strict, but consumers tolerate it: a Warning.",
        };

        public static readonly PySdistRule PkgInfoDirectUrlDependency = new PySdistRule(
            "PkgInfoDirectUrlDependency", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "A dependency uses a direct URL reference (`name @ url`); PyPI rejects such uploads.",
            "Depend on a released version from an index instead of a URL before publishing.",
            "https://packaging.python.org/en/latest/specifications/dependency-specifiers/")
        {
            Consumer = "PyPI's upload check ('Can't have direct dependency')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoInvalidRequiresPython = new PySdistRule(
            "PkgInfoInvalidRequiresPython", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Requires-Python must be a PEP 440 version specifier set, such as `>=3.9`.",
            "Fix `[project].requires-python` (e.g. write `>=3.9`, not `3.9`).",
            MetadataRulesCoreMetadataUrl + "#requires-python")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift); pip and uv",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoInvalidProvidesExtra = new PySdistRule(
            "PkgInfoInvalidProvidesExtra", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Provides-Extra must be a valid name, normalised (lowercase, `-` separators) from Metadata-Version 2.3, and unique after normalisation.",
            "Rename the extra in `[project].optional-dependencies` to its normalised form.",
            MetadataRulesCoreMetadataUrl + "#provides-extra-multiple-use")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoLicenseWithExpression = new PySdistRule(
            "PkgInfoLicenseWithExpression", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "License and License-Expression must not both be present; PyPI rejects the upload.",
            "Remove the legacy License field and keep License-Expression.",
            MetadataRulesCoreMetadataUrl + "#license-expression ; PEP 639")
        {
            Consumer = "PyPI's upload check",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoInvalidLicenseExpression = new PySdistRule(
            "PkgInfoInvalidLicenseExpression", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "License-Expression must be a valid SPDX license expression built from known SPDX ids or LicenseRef- ids.",
            "Fix `[project].license` (see https://spdx.org/licenses/ for valid identifiers).",
            "https://packaging.python.org/en/latest/specifications/license-expression/")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoLicenseExpressionNotCanonical = new PySdistRule(
            "PkgInfoLicenseExpressionNotCanonical", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "License-Expression must be case-normalised (reference case for ids, upper-case AND/OR/WITH); PyPI rejects non-normalised expressions.",
            "Write the expression exactly in the suggested canonical form.",
            "https://packaging.python.org/en/latest/specifications/license-expression/")
        {
            Consumer = "PyPI's upload check",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoDeprecatedLicenseId = new PySdistRule(
            "PkgInfoDeprecatedLicenseId", PySdistRuleCategory.Metadata, PySdistSeverity.Warning,
            "License-Expression uses a deprecated SPDX identifier.",
            "Replace the deprecated identifier with its current form (e.g. `GPL-2.0` -> `GPL-2.0-only` or `GPL-2.0-or-later`).",
            "https://spdx.org/licenses/ ; PEP 639")
        {
            Consumer = "tools that warn about deprecated SPDX ids",
            SeverityReason = "Accepted everywhere: a Warning.",
        };

        public static readonly PySdistRule PkgInfoInvalidLicenseFile = new PySdistRule(
            "PkgInfoInvalidLicenseFile", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "License-File must be a relative, `/`-separated path without `..`, globs, backslashes or drive letters.",
            "Fix `[project].license-files` so that it lists files inside the project.",
            MetadataRulesCoreMetadataUrl + "#license-file-multiple-use")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoInvalidProjectUrl = new PySdistRule(
            "PkgInfoInvalidProjectUrl", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Project-URL must be `label, URL` with a label of at most 32 characters and an http(s) URL; Home-page and Download-URL must be http(s) URLs.",
            "Fix the entry in `[project].urls`.",
            MetadataRulesCoreMetadataUrl + "#project-url-multiple-use")
        {
            Consumer = "PyPI's upload check ('... is not a valid url', label length)",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoFieldTooNew = new PySdistRule(
            "PkgInfoFieldTooNew", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "A field is used that was introduced in a later Metadata-Version than the one declared; packaging.metadata (validate=True) refuses it, and so does PyPI. Reported once per field. Fields whose value is `UNKNOWN` are not counted: PyPI drops them before validation.",
            "Declare a Metadata-Version at least as new as the field (rebuild with a current backend).",
            MetadataRulesCoreMetadataUrl)
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it. ('{field} introduced in metadata version {x}, not {y}')",
        };

        public static readonly PySdistRule PkgInfoInvalidDynamic = new PySdistRule(
            "PkgInfoInvalidDynamic", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Dynamic must name a core metadata field other than Name, Version and Metadata-Version.",
            "Remove the entry from Dynamic (Name and Version must be static in an sdist).",
            MetadataRulesCoreMetadataUrl + "#dynamic-multiple-use ; PEP 643")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoInvalidImportName = new PySdistRule(
            "PkgInfoInvalidImportName", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Import-Name and Import-Namespace must be dotted Python identifiers (no keywords), optionally followed by `; private`; a name must not be both.",
            "Fix `[project].import-names` / `import-namespaces`.",
            MetadataRulesCoreMetadataUrl + "#import-name-multiple-use ; PEP 794")
        {
            Consumer = "PyPI's upload check (packaging.metadata validation, warehouse forklift)",
            SeverityReason = "packaging.metadata (validate=True), which PyPI's upload check and twine run, refuses it.",
        };

        public static readonly PySdistRule PkgInfoLicenseClassifierWithExpression = new PySdistRule(
            "PkgInfoLicenseClassifierWithExpression", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "`License ::` classifiers must not be used together with License-Expression (PEP 639); PyPI rejects such uploads.",
            "Remove the `License ::` classifiers from `[project].classifiers`; License-Expression says it all.",
            "https://peps.python.org/pep-0639/#deprecate-license-classifiers")
        {
            Consumer = "PyPI's upload check",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoDescriptionContentTypeMissing = new PySdistRule(
            "PkgInfoDescriptionContentTypeMissing", PySdistRuleCategory.Metadata, PySdistSeverity.Warning,
            "A description without Description-Content-Type is rendered as reStructuredText by PyPI.",
            "Use a `.md` or `.rst` readme (the content type is then inferred) or set `content-type` in `[project].readme`.",
            MetadataRulesCoreMetadataUrl + "#description-content-type")
        {
            Consumer = "PyPI's renderer and twine check (a warning there)",
            SeverityReason = "PyPI accepts it and renders the description as reStructuredText: a Warning.",
        };

        public static readonly PySdistRule PkgInfoInvalidEmail = new PySdistRule(
            "PkgInfoInvalidEmail", PySdistRuleCategory.Metadata, PySdistSeverity.Error,
            "Author-email and Maintainer-email must be comma-separated RFC 822 addresses (`Name <local@domain>` or `local@domain`).",
            "Fix the `email` of the entry in `[project].authors` / `maintainers`.",
            MetadataRulesCoreMetadataUrl + "#author-email")
        {
            Consumer = "PyPI's upload check ('... is not a valid email address')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoLegacyLicenseFile = new PySdistRule(
            "PkgInfoLegacyLicenseFile", PySdistRuleCategory.Metadata, PySdistSeverity.Warning,
            "License-File appears with a Metadata-Version older than 2.4 (as older setuptools wrote it); it has no defined meaning there and tools drop it.",
            "Rebuild with a current backend, which writes Metadata-Version 2.4 with License-Expression and License-File.",
            MetadataRulesCoreMetadataUrl + "#license-file-multiple-use")
        {
            Consumer = "twine (drops License-File below Metadata-Version 2.4)",
            SeverityReason = "Tolerated: twine drops the field before uploading, so it is a Warning.",
        };

        public static readonly PySdistRule PkgInfoUnknownField = new PySdistRule(
            "PkgInfoUnknownField", PySdistRuleCategory.Metadata, PySdistSeverity.Warning,
            "PKG-INFO contains a header that is not a core metadata field.",
            "Remove the header, or check its spelling against the core metadata specification.",
            MetadataRulesCoreMetadataUrl)
        {
            Consumer = "twine check ('unrecognized or malformed field')",
            SeverityReason = "PyPI ignores unknown fields: a Warning.",
        };
    }
}
