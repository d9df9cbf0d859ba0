using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PyPackaging.Building.Project;
using PyPackaging.Building.Vcs;
using PyPackaging.Standards;

namespace PyPackaging.Building.Versions
{
    /// <summary>A dynamic version computed natively, or why it could not be.</summary>
    public sealed class DynamicVersionResult
    {
        /// <summary>The version in PEP 440 normal form (what the backend writes), or null on a problem.</summary>
        public string? Version { get; internal set; }

        /// <summary>flit's summary from the module docstring, when <c>description</c> is dynamic too.</summary>
        public string? Summary { get; internal set; }

        /// <summary>Where the version came from, one sentence for -Verbose.</summary>
        public string Source { get; internal set; } = string.Empty;

        /// <summary>The generated version file's path in the sdist, relative to its top directory; null when none.</summary>
        public string? VersionFilePath { get; internal set; }

        /// <summary>The generated version file's bytes (UTF-8).</summary>
        public byte[]? VersionFileContent { get; internal set; }

        /// <summary><see cref="DynamicVersionResolver.NotSupportedId"/> or <see cref="DynamicVersionResolver.UnresolvedId"/>; null on success.</summary>
        public string? ProblemId { get; internal set; }

        public string? Problem { get; internal set; }
    }

    /// <summary>
    /// Computes a <c>dynamic = ["version"]</c> the way the project's backend would, without running Python: flit_core's
    /// static <c>__version__</c>, hatchling's regex source, pdm-backend's file source, and git versions with
    /// setuptools-scm's default scheme (hatch-vcs, setuptools-scm, pdm-backend scm). The configuration is
    /// <see cref="DynamicVersionConfig"/>; git is asked through <see cref="GitRepository"/>.
    /// </summary>
    public static class DynamicVersionResolver
    {
        /// <summary>The backend computes this version in a way the native build does not reproduce (runs code, a custom scheme).</summary>
        public const string NotSupportedId = "DynamicVersionNotSupported";

        /// <summary>The configuration is understood but the version cannot be found (no git, no repository, no match, a bad file).</summary>
        public const string UnresolvedId = "DynamicVersionUnresolved";

        /// <summary>hatchling's DEFAULT_PATTERN for the regex source.</summary>
        public const string HatchDefaultPattern = @"(?i)^(__version__|VERSION) *= *(['""])v?(?P<version>.+?)\2";

        /// <summary>pdm-backend's pattern for <c>source = "file"</c>.</summary>
        public const string PdmFilePattern = @"^__version__\s*=\s*[""'](.+?)[""']\s*(?:#.*)?$";

        /// <summary>
        /// Resolves the version of <paramref name="metadata"/> (whose <c>project.dynamic</c> lists it).
        /// <paramref name="environment"/> reads environment variables (default: the process's), <paramref name="now"/> is
        /// the clock for a dirty tree's date (default: SOURCE_DATE_EPOCH for setuptools-scm, else the current UTC time).
        /// </summary>
        public static DynamicVersionResult Resolve(ProjectMetadata metadata, string projectDirectory, Func<string, string?>? environment = null,
            DateTimeOffset? now = null, CancellationToken cancellationToken = default)
        {
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            string root = Path.GetFullPath(projectDirectory);
            environment ??= Environment.GetEnvironmentVariable;
            var config = DynamicVersionConfig.Read(metadata, root);
            var result = new DynamicVersionResult();
            if (config.NotNative != null) return Fail(result, NotSupportedId, config.Origin + ": " + config.NotNative);
            try
            {
                switch (config.Kind)
                {
                    case VersionSourceKind.FlitModule: Flit(result, config, metadata, root); break;
                    case VersionSourceKind.HatchRegex: FileRegex(result, config, root, config.Pattern ?? HatchDefaultPattern, "version"); break;
                    case VersionSourceKind.PdmFile: FileRegex(result, config, root, PdmFilePattern, null); break;
                    default: Scm(result, config, metadata, root, environment, now, cancellationToken); break;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException || e is GitException || e is ArgumentException || e is TimeoutException || e is System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return Fail(result, UnresolvedId, config.Origin + ": " + e.Message);
            }
            if (result.ProblemId == null && config.VersionFile != null && result.Version != null) AddVersionFile(result, config, root);
            return result;
        }

        private static DynamicVersionResult Fail(DynamicVersionResult result, string id, string message)
        {
            result.Version = null;
            result.ProblemId = id;
            result.Problem = message;
            return result;
        }

        /// <summary>A version string as the backend normalises it (packaging's Version; flit's normalise_version agrees on valid input).</summary>
        private static bool Normalize(DynamicVersionResult result, string text, string where)
        {
            if (!Pep440Version.TryParse(text.Trim(), out var version, out var error))
            {
                Fail(result, UnresolvedId, where + " gives the version '" + text + "', which is not a valid PEP 440 version: " + error);
                return false;
            }
            result.Version = version!.ToString();
            return true;
        }

        // ------------------------------------------------------------------ flit_core

        private static void Flit(DynamicVersionResult result, DynamicVersionConfig config, ProjectMetadata metadata, string root)
        {
            string file = FlitModuleFile(config.ModuleName!, root, out string? problem);
            if (problem != null)
            {
                Fail(result, UnresolvedId, config.Origin + ": " + problem);
                return;
            }
            string relative = Relative(root, file);
            var facts = PythonModuleScanner.Scan(PythonModuleScanner.Decode(File.ReadAllBytes(file)));
            if (facts.Version == null)
            {
                Fail(result, NotSupportedId, relative + " has no module-level __version__ = \"…\" string assignment; flit_core would import the module to find __version__, and a native build never runs project code. Write __version__ = \"1.2.3\" as a plain string at module level.");
                return;
            }
            if (!Normalize(result, facts.Version, relative)) return;
            result.Source = "version " + result.Version + " from __version__ in " + relative + " (line " + facts.VersionLine.ToString(CultureInfo.InvariantCulture) + ", read statically as flit_core does) via " + config.Origin;
            if (metadata.Dynamic.Contains("description"))
            {
                if (facts.Docstring == null)
                {
                    Fail(result, NotSupportedId, relative + " has no docstring literal; flit_core would import the module to find its __doc__ for the dynamic description.");
                    return;
                }
                string? summary = FlitSummary(facts.Docstring);
                if (summary == null)
                {
                    Fail(result, UnresolvedId, relative + ": flit_core cannot package a module without a docstring, or with an empty one (the dynamic description is its first line). Add a docstring.");
                    return;
                }
                result.Summary = summary;
            }
        }

        /// <summary>The file flit_core reads __version__ from, through flit_core's module lookup (exactly one candidate).</summary>
        private static string FlitModuleFile(string module, string root, out string? problem)
        {
            problem = null;
            var found = FlitModuleLookup.Find(root, module);
            if (found.Count > 1)
            {
                problem = "multiple files or folders could be module " + module + ": " + string.Join(", ", found.Select(f => f.RelativePath));
                return string.Empty;
            }
            if (found.Count == 0)
            {
                problem = "no file or folder found for module " + module + " (flit_core looks for " + module + "/, " + module + ".py, src/" + module + "/ and src/" + module + ".py; set [tool.flit.module] name when the module is named differently)";
                return string.Empty;
            }
            return found[0].SourceFile(root);
        }

        /// <summary>flit's summary: the cleaned docstring's first line (tabs expanded as inspect.cleandoc does, leading space dropped).</summary>
        internal static string? FlitSummary(string docstring)
        {
            var expanded = new StringBuilder(docstring.Length);
            int column = 0;
            foreach (char c in docstring)
            {
                if (c == '\t')
                {
                    int spaces = 8 - (column % 8);
                    expanded.Append(' ', spaces);
                    column += spaces;
                }
                else
                {
                    expanded.Append(c);
                    column = c == '\n' || c == '\r' ? 0 : column + 1;
                }
            }
            string text = expanded.ToString().TrimStart(' ', '\t', '\n', '\r', '\f', '\v');
            if (text.Trim().Length == 0) return null;
            int end = text.IndexOfAny(new[] { '\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029' });
            return end < 0 ? text : text.Substring(0, end);
        }

        // ------------------------------------------------------------------ hatchling regex, pdm file

        private static void FileRegex(DynamicVersionResult result, DynamicVersionConfig config, string root, string pattern, string? group)
        {
            string path = Path.GetFullPath(Path.Combine(root, config.Path!));
            if (!File.Exists(path))
            {
                Fail(result, UnresolvedId, config.Origin + ": file does not exist: " + config.Path);
                return;
            }
            // Both tools read with Python's universal newlines.
            string text = File.ReadAllText(path, new UTF8Encoding(false, true)).Replace("\r\n", "\n").Replace('\r', '\n');
            var regex = PythonRegex.Create(pattern, anchored: false, System.Text.RegularExpressions.RegexOptions.Multiline);
            var match = regex.Match(text);
            if (!match.Success)
            {
                Fail(result, UnresolvedId, config.Origin + ": unable to parse the version from the file: " + config.Path
                    + (config.Kind == VersionSourceKind.PdmFile ? " (pdm-backend expects a line __version__ = \"a.b.c\")" : " (hatchling expects __version__ = \"a.b.c\" or VERSION = \"a.b.c\", or the configured pattern)"));
                return;
            }
            var value = group == null ? match.Groups[1] : match.Groups[group];
            if (!value.Success || (group != null && Array.IndexOf(regex.GetGroupNames(), group) < 0))
            {
                Fail(result, UnresolvedId, config.Origin + ": no group named `version` was defined in the pattern");
                return;
            }
            if (!Normalize(result, value.Value, config.Path!)) return;
            int line = text.Substring(0, match.Index).Count(c => c == '\n') + 1;
            result.Source = "version " + result.Version + " from " + config.Path + " (line " + line.ToString(CultureInfo.InvariantCulture) + ") via " + config.Origin;
        }

        // ------------------------------------------------------------------ VCS

        private static void Scm(DynamicVersionResult result, DynamicVersionConfig config, ProjectMetadata metadata, string root,
            Func<string, string?> environment, DateTimeOffset? now, CancellationToken cancellationToken)
        {
            string scheme = config.Flavor == ScmFlavor.PdmBackend ? "pdm-backend's port of the setuptools-scm default scheme"
                : config.LocalScheme == "node-and-date" ? "setuptools-scm default scheme" : "setuptools-scm guess-next-dev + " + config.LocalScheme;
            var pretend = ScmPretend.Find(config, environment);
            if (pretend != null)
            {
                if (Normalize(result, pretend.Value.Value, pretend.Value.Name)) result.Source = "version " + result.Version + " from " + pretend.Value.Name + " via " + config.Origin;
                return;
            }

            string scmRoot = Path.GetFullPath(Path.Combine(root, config.Root));
            var outcome = GitVersionReader.Read(scmRoot, config, cancellationToken);
            if (outcome.Facts != null)
            {
                var facts = outcome.Facts;
                Pep440Version? tag = ScmVersionScheme.TagToVersion(facts.Tag, config.TagRegex, out string? tagError);
                if (tag == null)
                {
                    if (config.Flavor != ScmFlavor.PdmBackend)
                    {
                        Fail(result, UnresolvedId, config.Origin + ": " + tagError + "; setuptools-scm cannot compute a version from it. Tag a version such as v1.2.0, or set tag_regex.");
                        return;
                    }
                    tag = Pep440Version.ParseOrNull("0.0.0")!; // pdm-backend reads an unmatched tag as 0.0.0
                }
                DateTimeOffset time = now ?? (config.Flavor == ScmFlavor.PdmBackend ? DateTimeOffset.UtcNow : SourceDateEpochOrNow(environment));
                string formatted = ScmVersionScheme.Format(tag, facts, time, config.LocalScheme);
                if (!Normalize(result, formatted, "git")) return;
                string where = (facts.Tag == "0.0" && facts.Distance != null ? "git (no tag" : "git (tag " + facts.Tag)
                    + (facts.Distance != null ? ", " + facts.Distance.Value.ToString(CultureInfo.InvariantCulture) + " commit(s) since" : string.Empty)
                    + (facts.Node != null && facts.Distance != null ? ", " + facts.Node : string.Empty)
                    + (facts.Dirty ? ", dirty" : string.Empty) + ")";
                result.Source = "version " + result.Version + " from " + where + " (" + scheme + ") via " + config.Origin;
                return;
            }
            if (outcome.GitMissing)
            {
                Fail(result, UnresolvedId, config.Origin + ": " + outcome.Reason);
                return;
            }
            Fallback(result, config, root, outcome.Reason);
        }

        /// <summary>setuptools-scm's fallbacks when there is no repository: PKG-INFO (an unpacked sdist), then fallback_version; pdm: fallback_version.</summary>
        private static void Fallback(DynamicVersionResult result, DynamicVersionConfig config, string root, string reason)
        {
            if (config.Flavor != ScmFlavor.PdmBackend)
            {
                string pkgInfo = Path.Combine(Path.GetFullPath(Path.Combine(root, config.Root)), "PKG-INFO");
                if (File.Exists(pkgInfo))
                {
                    foreach (var line in File.ReadLines(pkgInfo))
                    {
                        if (line.Length == 0) break;
                        if (line.StartsWith("Version:", StringComparison.OrdinalIgnoreCase))
                        {
                            if (Normalize(result, line.Substring(8).Trim(), "PKG-INFO")) result.Source = "version " + result.Version + " from PKG-INFO (an unpacked sdist; " + reason + ") via " + config.Origin;
                            return;
                        }
                    }
                }
                if (File.Exists(Path.Combine(root, config.Root, ".git_archival.txt")))
                {
                    Fail(result, NotSupportedId, config.Origin + ": " + reason + "; setuptools-scm would read .git_archival.txt, which the native build does not.");
                    return;
                }
            }
            if (!string.IsNullOrEmpty(config.FallbackVersion))
            {
                if (Normalize(result, config.FallbackVersion!, "fallback_version")) result.Source = "version " + result.Version + " from the configured fallback version (" + reason + ") via " + config.Origin;
                return;
            }
            string remedy = config.Flavor == ScmFlavor.PdmBackend
                ? "Build from a git checkout with its tags, set PDM_BUILD_SCM_VERSION, or configure fallback_version in [tool.pdm.version]."
                : "Build from a git checkout with its tags (not a GitHub tarball or a copy without .git), set SETUPTOOLS_SCM_PRETEND_VERSION, or configure "
                    + (config.Flavor == ScmFlavor.HatchVcs ? "fallback-version in [tool.hatch.version]." : "fallback_version in [tool.setuptools_scm].");
            Fail(result, UnresolvedId, config.Origin + ": the version cannot be computed from git: " + reason + ". " + remedy);
        }

        private static DateTimeOffset SourceDateEpochOrNow(Func<string, string?> environment)
        {
            string? epoch = environment("SOURCE_DATE_EPOCH");
            return epoch != null && long.TryParse(epoch.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : DateTimeOffset.UtcNow;
        }

        private static void AddVersionFile(DynamicVersionResult result, DynamicVersionConfig config, string root)
        {
            string baseDir = config.Flavor == ScmFlavor.SetuptoolsScm ? Path.GetFullPath(Path.Combine(root, config.Root)) : root;
            string full = Path.GetFullPath(Path.Combine(baseDir, config.VersionFile!));
            string relative = Relative(root, full);
            if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
            {
                Fail(result, UnresolvedId, config.Origin + ": the version file " + config.VersionFile + " is outside the project directory, so it cannot be part of the sdist.");
                return;
            }
            try
            {
                result.VersionFileContent = new UTF8Encoding(false).GetBytes(VersionFileWriter.Render(config, result.Version!));
                result.VersionFilePath = relative;
            }
            catch (FormatException e)
            {
                Fail(result, UnresolvedId, config.Origin + ": " + e.Message);
            }
        }

        private static string Relative(string root, string path)
        {
            string r = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string rel = path.StartsWith(r, StringComparison.Ordinal) ? path.Substring(r.Length) : MakeRelative(root, path);
            return rel.Replace('\\', '/');
        }

        private static string MakeRelative(string root, string path)
        {
            var from = new Uri(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar);
            return Uri.UnescapeDataString(from.MakeRelativeUri(new Uri(path)).ToString());
        }
    }
}
