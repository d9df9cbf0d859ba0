using System;
using System.Collections.Generic;
using System.Linq;

namespace PyPackaging.Building.Project
{
    /// <summary>How serious a <see cref="ProjectProblem"/> is.</summary>
    public enum ProjectProblemSeverity
    {
        /// <summary>The project cannot be built natively until it is fixed.</summary>
        Error,

        /// <summary>The build goes on, but the input is deprecated, dubious or partly ignored.</summary>
        Warning,
    }

    /// <summary>One problem found in pyproject.toml: severity, key path (<c>project.dependencies[2]</c>), offending value and message.</summary>
    public sealed class ProjectProblem
    {
        public ProjectProblem(ProjectProblemSeverity severity, string keyPath, string? value, string message, int line = 0, int column = 0)
        {
            Severity = severity;
            KeyPath = keyPath ?? string.Empty;
            Value = value;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Line = line;
            Column = column;
        }

        public ProjectProblemSeverity Severity { get; }

        /// <summary>Dotted key path with array indexes, e.g. <c>project.authors[0].email</c>; empty for file-level problems.</summary>
        public string KeyPath { get; }

        /// <summary>The offending value, rendered as text (strings as written), or null when there is none.</summary>
        public string? Value { get; }

        public string Message { get; }

        /// <summary>1-based line of a TOML syntax error; 0 when unknown.</summary>
        public int Line { get; }

        /// <summary>1-based column of a TOML syntax error; 0 when unknown.</summary>
        public int Column { get; }

        public override string ToString() => Severity + ": " + Message;
    }

    /// <summary>An author or maintainer: at least one of name and email.</summary>
    public sealed class ProjectContact
    {
        public ProjectContact(string? name, string? email)
        {
            Name = name;
            Email = email;
        }

        public string? Name { get; }

        public string? Email { get; }
    }

    /// <summary>The readme: its text (read as UTF-8) and Description-Content-Type.</summary>
    public sealed class ProjectReadme
    {
        public ProjectReadme(string text, string contentType, string? file)
        {
            Text = text;
            ContentType = contentType;
            File = file;
        }

        public string Text { get; }

        public string ContentType { get; }

        /// <summary>'/'-separated path relative to the project, when the readme came from a file.</summary>
        public string? File { get; }
    }

    /// <summary>The validated <c>[build-system]</c> table.</summary>
    public sealed class BuildSystemInfo
    {
        public BuildSystemInfo(IReadOnlyList<string> requires, string? buildBackend, IReadOnlyList<string> backendPath)
        {
            Requires = requires;
            BuildBackend = buildBackend;
            BackendPath = backendPath;
        }

        public IReadOnlyList<string> Requires { get; }

        /// <summary><c>module(:object)</c>, or null when absent (legacy setuptools).</summary>
        public string? BuildBackend { get; }

        public IReadOnlyList<string> BackendPath { get; }
    }

    /// <summary>The build backend a <see cref="BackendFileRules"/> table belongs to.</summary>
    public enum BuildBackendKind
    {
        Hatch,
        Uv,
        Flit,
        Pdm,
    }

    /// <summary>
    /// File include/exclude patterns read (not applied) from a backend's configuration, for the selection layer:
    /// <c>[tool.hatch.build.targets.sdist]</c> include/exclude/only-include, <c>[tool.uv.build-backend]</c>
    /// source-include/source-exclude, <c>[tool.flit.sdist]</c> include/exclude, <c>[tool.pdm.build]</c>
    /// includes/excludes/source-includes. The pattern syntax is the backend's own.
    /// </summary>
    public sealed class BackendFileRules
    {
        public BackendFileRules(BuildBackendKind backend, string tablePath, IReadOnlyList<string> include, IReadOnlyList<string> exclude,
            IReadOnlyList<string> onlyInclude, IReadOnlyList<string> sourceInclude, IReadOnlyList<string> sourceExclude)
        {
            Backend = backend;
            TablePath = tablePath;
            Include = include;
            Exclude = exclude;
            OnlyInclude = onlyInclude;
            SourceInclude = sourceInclude;
            SourceExclude = sourceExclude;
        }

        public BuildBackendKind Backend { get; }

        /// <summary>The table the rules came from, e.g. <c>tool.hatch.build.targets.sdist</c>.</summary>
        public string TablePath { get; }

        /// <summary>hatch <c>include</c>, flit <c>include</c>, pdm <c>includes</c>.</summary>
        public IReadOnlyList<string> Include { get; }

        /// <summary>hatch <c>exclude</c>, flit <c>exclude</c>, pdm <c>excludes</c>.</summary>
        public IReadOnlyList<string> Exclude { get; }

        /// <summary>hatch <c>only-include</c>.</summary>
        public IReadOnlyList<string> OnlyInclude { get; }

        /// <summary>uv <c>source-include</c>, pdm <c>source-includes</c>.</summary>
        public IReadOnlyList<string> SourceInclude { get; }

        /// <summary>uv <c>source-exclude</c>.</summary>
        public IReadOnlyList<string> SourceExclude { get; }
    }

    /// <summary>
    /// The outcome of reading pyproject.toml: the validated, canonical metadata a native build needs (for PKG-INFO and
    /// the file name) plus every problem found. Values are filled in as far as they are valid even when there are errors;
    /// build only when <see cref="HasErrors"/> is false.
    /// </summary>
    public sealed class ProjectMetadata
    {
        internal ProjectMetadata()
        {
        }

        public IReadOnlyList<ProjectProblem> Problems { get; internal set; } = Array.Empty<ProjectProblem>();

        public bool HasErrors => Problems.Any(p => p.Severity == ProjectProblemSeverity.Error);

        /// <summary>True when a <c>[project]</c> table exists.</summary>
        public bool HasProjectTable { get; internal set; }

        /// <summary>
        /// Fields listed in <c>project.dynamic</c>. The native build computes "version" (and flit's "description") with
        /// <see cref="Versions.DynamicVersionResolver"/>; any other dynamic field is a problem.
        /// </summary>
        public IReadOnlyList<string> Dynamic { get; internal set; } = Array.Empty<string>();

        /// <summary>The name as written (Name in PKG-INFO).</summary>
        public string? Name { get; internal set; }

        /// <summary>PEP 503 normalised name (<c>demo-pkg</c>).</summary>
        public string? NormalizedName { get; internal set; }

        /// <summary>Escaped name for the file name and top directory (<c>demo_pkg</c>).</summary>
        public string? EscapedName { get; internal set; }

        /// <summary>PEP 440 normal form (<c>str(Version)</c>).</summary>
        public string? Version { get; internal set; }

        /// <summary><c>{escaped name}-{version}</c>: the archive's top directory and the file name stem; null until both are valid.</summary>
        public string? DistributionStem => EscapedName != null && Version != null ? EscapedName + "-" + Version : null;

        /// <summary><c>{stem}.tar.gz</c>.</summary>
        public string? SdistFileName => DistributionStem != null ? DistributionStem + ".tar.gz" : null;

        public string? Summary { get; internal set; }

        public ProjectReadme? Readme { get; internal set; }

        /// <summary>The requires-python specifier set, normalised.</summary>
        public string? RequiresPython { get; internal set; }

        /// <summary>The SPDX license expression in canonical case.</summary>
        public string? LicenseExpression { get; internal set; }

        /// <summary>Legacy license text (from <c>license = {text}</c> or the content of <c>license = {file}</c>).</summary>
        public string? LicenseText { get; internal set; }

        /// <summary>License files, '/'-separated and relative to the project, sorted ordinally, without duplicates.</summary>
        public IReadOnlyList<string> LicenseFiles { get; internal set; } = Array.Empty<string>();

        public IReadOnlyList<ProjectContact> Authors { get; internal set; } = Array.Empty<ProjectContact>();

        public IReadOnlyList<ProjectContact> Maintainers { get; internal set; } = Array.Empty<ProjectContact>();

        /// <summary>Author header: names of the authors given without an email, joined with ", "; null when none.</summary>
        public string? AuthorField => ContactFields.Names(Authors);

        /// <summary>Author-email header: <c>Name &lt;addr&gt;</c> or <c>addr</c>, joined with ", "; null when none.</summary>
        public string? AuthorEmailField => ContactFields.Emails(Authors);

        public string? MaintainerField => ContactFields.Names(Maintainers);

        public string? MaintainerEmailField => ContactFields.Emails(Maintainers);

        public IReadOnlyList<string> Keywords { get; internal set; } = Array.Empty<string>();

        public IReadOnlyList<string> Classifiers { get; internal set; } = Array.Empty<string>();

        /// <summary>Project URLs (label, URL) in the order written.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Urls { get; internal set; } = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>Runtime dependencies, canonical PEP 508 strings.</summary>
        public IReadOnlyList<string> Dependencies { get; internal set; } = Array.Empty<string>();

        /// <summary>Optional dependencies by normalised extra name, canonical PEP 508 strings (without the extra marker).</summary>
        public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> OptionalDependencies { get; internal set; } =
            Array.Empty<KeyValuePair<string, IReadOnlyList<string>>>();

        /// <summary>Normalised extra names, in the order written.</summary>
        public IReadOnlyList<string> ProvidesExtra => OptionalDependencies.Select(kv => kv.Key).ToList();

        /// <summary>Every Requires-Dist value: the dependencies, then each extra's with <c>extra == "x"</c> added to the marker.</summary>
        public IReadOnlyList<string> RequiresDist { get; internal set; } = Array.Empty<string>();

        /// <summary>Import names (<c>pkg</c> or <c>pkg; private</c>); null when <c>import-names</c> is absent, empty when it is <c>[]</c>.</summary>
        public IReadOnlyList<string>? ImportNames { get; internal set; }

        /// <summary>Import namespaces; null when absent.</summary>
        public IReadOnlyList<string>? ImportNamespaces { get; internal set; }

        public IReadOnlyDictionary<string, string> Scripts { get; internal set; } = new Dictionary<string, string>();

        public IReadOnlyDictionary<string, string> GuiScripts { get; internal set; } = new Dictionary<string, string>();

        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> EntryPoints { get; internal set; } =
            new Dictionary<string, IReadOnlyDictionary<string, string>>();

        /// <summary>The <c>[tool]</c> table as parsed (the dynamic-version configuration is read from it), or null.</summary>
        internal Tomlyn.Model.TomlTable? ToolTable { get; set; }

        /// <summary>The <c>[build-system]</c> table, or null when absent.</summary>
        public BuildSystemInfo? BuildSystem { get; internal set; }

        /// <summary>Every backend include/exclude table found, in the order hatch, uv, flit, pdm.</summary>
        public IReadOnlyList<BackendFileRules> BackendFileRules { get; internal set; } = Array.Empty<BackendFileRules>();

        /// <summary>The rules of the backend named by <c>build-system.build-backend</c>, if that backend's table exists.</summary>
        public BackendFileRules? ActiveBackendFileRules
        {
            get
            {
                var kind = ProjectBackends.KindOf(BuildSystem?.BuildBackend);
                return kind == null ? null : BackendFileRules.FirstOrDefault(r => r.Backend == kind.Value);
            }
        }
    }

    internal static class ProjectBackends
    {
        public static BuildBackendKind? KindOf(string? backend)
        {
            if (backend == null) return null;
            int colon = backend.IndexOf(':');
            string module = colon >= 0 ? backend.Substring(0, colon) : backend;
            string root = module.Split('.')[0];
            switch (root)
            {
                case "hatchling": return BuildBackendKind.Hatch;
                case "uv_build": return BuildBackendKind.Uv;
                case "flit_core": return BuildBackendKind.Flit;
                case "pdm": return BuildBackendKind.Pdm;
                default: return null;
            }
        }
    }

    internal static class ContactFields
    {
        public static string? Names(IReadOnlyList<ProjectContact> contacts)
        {
            var names = contacts.Where(c => c.Email == null && c.Name != null).Select(c => c.Name!).ToList();
            return names.Count == 0 ? null : string.Join(", ", names);
        }

        public static string? Emails(IReadOnlyList<ProjectContact> contacts)
        {
            var list = contacts.Where(c => c.Email != null).Select(c => c.Name == null ? c.Email! : DisplayName(c.Name) + " <" + c.Email + ">").ToList();
            return list.Count == 0 ? null : string.Join(", ", list);
        }

        /// <summary>An RFC 5322 display name: quoted when it contains specials (commas are rejected earlier).</summary>
        private static string DisplayName(string name)
        {
            const string specials = "()<>[]:;@\\,.\"";
            if (name.IndexOfAny(specials.ToCharArray()) < 0) return name;
            return "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }
    }
}
