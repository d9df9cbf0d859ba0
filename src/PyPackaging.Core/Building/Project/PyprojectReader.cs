using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PyPackaging.Standards;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace PyPackaging.Building.Project
{
    /// <summary>
    /// Reads and validates pyproject.toml for a native sdist build: <c>[build-system]</c>, every key of <c>[project]</c>
    /// as the pyproject.toml specification defines it, and the backend include/exclude tables. Never throws for bad
    /// input: every problem is collected (all at once) in <see cref="ProjectMetadata.Problems"/>.
    /// </summary>
    public static class PyprojectReader
    {
        /// <summary>The keys the pyproject.toml specification defines in <c>[project]</c>.</summary>
        public static readonly IReadOnlyList<string> ProjectKeys = new[]
        {
            "name", "version", "description", "readme", "requires-python", "license", "license-files", "authors",
            "maintainers", "keywords", "classifiers", "urls", "scripts", "gui-scripts", "entry-points", "dependencies",
            "optional-dependencies", "import-names", "import-namespaces", "dynamic",
        };

        /// <summary>Reads <c>pyproject.toml</c> in <paramref name="projectDirectory"/>.</summary>
        public static ProjectMetadata Read(string projectDirectory)
        {
            if (projectDirectory == null) throw new ArgumentNullException(nameof(projectDirectory));
            string path = Path.Combine(projectDirectory, "pyproject.toml");
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                var m = new ProjectMetadata();
                m.Problems = new[] { new ProjectProblem(ProjectProblemSeverity.Error, string.Empty, null, "Cannot read pyproject.toml in '" + projectDirectory + "': " + ex.Message) };
                return m;
            }
            return Parse(bytes, projectDirectory);
        }

        /// <summary>Validates pyproject.toml given as UTF-8 bytes; files it names are looked up in <paramref name="projectDirectory"/>.</summary>
        public static ProjectMetadata Parse(byte[] bytes, string projectDirectory)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes, offset, bytes.Length - offset);
            }
            catch (DecoderFallbackException)
            {
                var m = new ProjectMetadata();
                m.Problems = new[] { new ProjectProblem(ProjectProblemSeverity.Error, string.Empty, null, "pyproject.toml is not valid UTF-8; TOML files must be UTF-8.") };
                return m;
            }
            return Parse(text, projectDirectory);
        }

        /// <summary>Validates pyproject.toml text; files it names are looked up in <paramref name="projectDirectory"/>.</summary>
        public static ProjectMetadata Parse(string tomlText, string projectDirectory)
        {
            if (tomlText == null) throw new ArgumentNullException(nameof(tomlText));
            if (projectDirectory == null) throw new ArgumentNullException(nameof(projectDirectory));
            var v = new Validator(Path.GetFullPath(projectDirectory));
            v.Run(tomlText);
            return v.Result;
        }

        private sealed class Validator
        {
            private static readonly Regex BackendRef = new Regex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(:[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)?\z", RegexOptions.CultureInvariant);
            private static readonly Regex EntryPointRef = new Regex(@"^\s*[\w-[0-9]]\w*(\s*\.\s*[\w-[0-9]]\w*)*(\s*:\s*[\w-[0-9]]\w*(\s*\.\s*[\w-[0-9]]\w*)*)?\s*\z", RegexOptions.CultureInvariant);
            private static readonly Regex EntryPointExtras = new Regex(@"\s*\[[^\]]*\]\s*\z", RegexOptions.CultureInvariant);
            private static readonly Regex EntryPointGroup = new Regex(@"^\w+(\.\w+)*\z", RegexOptions.CultureInvariant);
            private static readonly Regex EntryPointNameRecommended = new Regex(@"^[\w.-]+\z", RegexOptions.CultureInvariant);
            private static readonly Regex Identifier = new Regex(@"^[\w-[0-9]]\w*\z", RegexOptions.CultureInvariant);

            private static readonly HashSet<string> PythonKeywords = new HashSet<string>(StringComparer.Ordinal)
            {
                "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
                "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
                "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
            };

            private readonly string _root;
            private readonly List<ProjectProblem> _problems = new List<ProjectProblem>();
            private List<string>? _treeFiles;
            private List<string>? _treeLinks;

            public Validator(string root)
            {
                _root = root;
            }

            public ProjectMetadata Result { get; } = new ProjectMetadata();

            public void Run(string text)
            {
                try
                {
                    RunCore(text);
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    // Bad input is never an exception for the caller; an unexpected failure is reported as a problem.
                    Error(string.Empty, null, "pyproject.toml could not be processed: " + ex.GetType().Name + ": " + ex.Message);
                }
                Result.Problems = _problems.ToList();
            }

            private void RunCore(string text)
            {
                var document = SyntaxParser.Parse(text, "pyproject.toml", true);
                if (document.HasErrors)
                {
                    foreach (var d in document.Diagnostics)
                    {
                        if (d.Kind != Tomlyn.Syntax.DiagnosticMessageKind.Error) continue;
                        int line = d.Span.Start.Line + 1, column = d.Span.Start.Column + 1;
                        _problems.Add(new ProjectProblem(ProjectProblemSeverity.Error, string.Empty, null,
                            "pyproject.toml is not valid TOML: line " + line.ToString(CultureInfo.InvariantCulture) + ", column "
                            + column.ToString(CultureInfo.InvariantCulture) + ": " + d.Message, line, column));
                    }
                    return;
                }
                TomlTable root;
                try
                {
                    root = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
                }
                catch (TomlException ex)
                {
                    _problems.Add(new ProjectProblem(ProjectProblemSeverity.Error, string.Empty, null, "pyproject.toml is not valid TOML: " + ex.Message, ex.Line ?? 0, ex.Column ?? 0));
                    return;
                }

                foreach (var kv in root)
                {
                    if (kv.Key != "build-system" && kv.Key != "project" && kv.Key != "tool" && kv.Key != "dependency-groups")
                    {
                        Warn(kv.Key, null, "The top-level table \"" + kv.Key + "\" is not defined by the pyproject.toml specification (only build-system, project, tool and dependency-groups are); tool settings belong under [tool].");
                    }
                }

                if (root.TryGetValue("build-system", out var bs)) BuildSystem(bs);
                if (root.TryGetValue("tool", out var tool) && tool is TomlTable toolTable) BackendTables(toolTable);

                if (!root.TryGetValue("project", out var projectValue))
                {
                    Error("project", null, "Section \"project\" missing in pyproject.toml: without static [project] metadata a native build cannot compute the metadata, and delegating to the project's PEP 517 build backend is not supported yet.");
                    return;
                }
                if (!(projectValue is TomlTable project))
                {
                    TypeError("project", projectValue, "table");
                    return;
                }
                Result.HasProjectTable = true;
                Project(project);
            }

            // ---------------------------------------------------------------- [build-system]

            private void BuildSystem(object value)
            {
                if (!(value is TomlTable t))
                {
                    TypeError("build-system", value, "table");
                    return;
                }
                var requires = new List<string>();
                if (!t.TryGetValue("requires", out var req))
                {
                    Error("build-system.requires", null, "Field \"build-system.requires\" is missing; it is mandatory when [build-system] exists (for example requires = [\"hatchling\"]).");
                }
                else
                {
                    var items = StringArray("build-system.requires", req);
                    for (int i = 0; i < items.Count; i++)
                    {
                        if (items[i] == null) continue;
                        string path = "build-system.requires[" + Index(i) + "]";
                        if (Pep508Requirement.TryParse(items[i], out var r, out var err)) requires.Add(r!.ToString());
                        else Error(path, items[i], "Field \"" + path + "\" is an invalid PEP 508 requirement string '" + items[i] + "': " + err);
                    }
                }
                string? backend = null;
                if (t.TryGetValue("build-backend", out var be))
                {
                    backend = String("build-system.build-backend", be);
                    if (backend != null && !BackendRef.IsMatch(backend))
                    {
                        Error("build-system.build-backend", backend, "Field \"build-system.build-backend\" must be 'module' or 'module:object', each part a dotted Python identifier (got '" + backend + "').");
                        backend = null;
                    }
                }
                var backendPath = new List<string>();
                if (t.TryGetValue("backend-path", out var bp))
                {
                    var items = StringArray("build-system.backend-path", bp);
                    for (int i = 0; i < items.Count; i++)
                    {
                        if (items[i] == null) continue;
                        string path = "build-system.backend-path[" + Index(i) + "]";
                        string? reason = CheckInsideTree(items[i]!, allowDot: true);
                        if (reason != null) Error(path, items[i], "Field \"" + path + "\" '" + items[i] + "' " + reason + ".");
                        else backendPath.Add(items[i]!);
                    }
                }
                foreach (var kv in t)
                {
                    if (kv.Key != "requires" && kv.Key != "build-backend" && kv.Key != "backend-path")
                    {
                        Warn("build-system." + kv.Key, null, "Field \"build-system\" contains the unknown key \"" + kv.Key + "\", which is ignored.");
                    }
                }
                Result.BuildSystem = new BuildSystemInfo(requires, backend, backendPath);
            }

            // ---------------------------------------------------------------- [tool.*] backend file rules

            private void BackendTables(TomlTable tool)
            {
                var rules = new List<BackendFileRules>();
                var hatch = Descend(tool, "hatch", "build", "targets", "sdist");
                if (hatch != null) rules.Add(Rules(BuildBackendKind.Hatch, "tool.hatch.build.targets.sdist", hatch, "include", "exclude", "only-include", null, null));
                var uv = Descend(tool, "uv", "build-backend");
                if (uv != null) rules.Add(Rules(BuildBackendKind.Uv, "tool.uv.build-backend", uv, null, null, null, "source-include", "source-exclude"));
                var flit = Descend(tool, "flit", "sdist");
                if (flit != null) rules.Add(Rules(BuildBackendKind.Flit, "tool.flit.sdist", flit, "include", "exclude", null, null, null));
                var pdm = Descend(tool, "pdm", "build");
                if (pdm != null) rules.Add(Rules(BuildBackendKind.Pdm, "tool.pdm.build", pdm, "includes", "excludes", null, "source-includes", null));
                Result.BackendFileRules = rules;
            }

            private static TomlTable? Descend(TomlTable table, params string[] keys)
            {
                TomlTable current = table;
                foreach (var k in keys)
                {
                    if (!current.TryGetValue(k, out var next) || !(next is TomlTable nt)) return null;
                    current = nt;
                }
                return current;
            }

            private BackendFileRules Rules(BuildBackendKind kind, string tablePath, TomlTable t, string? include, string? exclude, string? onlyInclude, string? sourceInclude, string? sourceExclude)
            {
                var known = new[] { include, exclude, onlyInclude, sourceInclude, sourceExclude }.Where(k => k != null).ToList();
                foreach (var kv in t)
                {
                    if (!known.Contains(kv.Key))
                    {
                        Warn(tablePath + "." + kv.Key, null, "\"" + tablePath + "." + kv.Key + "\" is not understood by the native build and is ignored (only " + string.Join(", ", known) + " are read).");
                    }
                }
                IReadOnlyList<string> Get(string? key)
                {
                    if (key == null || !t.TryGetValue(key, out var value)) return Array.Empty<string>();
                    return StringArray(tablePath + "." + key, value).Where(s => s != null).Select(s => s!).ToList();
                }
                return new BackendFileRules(kind, tablePath, Get(include), Get(exclude), Get(onlyInclude), Get(sourceInclude), Get(sourceExclude));
            }

            // ---------------------------------------------------------------- [project]

            private void Project(TomlTable p)
            {
                foreach (var kv in p)
                {
                    if (!ProjectKeys.Contains(kv.Key))
                    {
                        Error("project." + kv.Key, null, "Extra keys present in \"project\": '" + kv.Key + "'; the pyproject.toml specification defines no such key (tool settings belong under [tool]).");
                    }
                }

                var dynamic = Dynamic(p);
                Name(p, dynamic);
                Version(p, dynamic);
                if (p.TryGetValue("description", out var d)) Description(d);
                if (p.TryGetValue("readme", out var r)) Readme(r);
                if (p.TryGetValue("requires-python", out var rp)) RequiresPython(rp);
                bool legacyLicense = false;
                if (p.TryGetValue("license", out var lic)) legacyLicense = License(lic);
                if (p.TryGetValue("license-files", out var lf)) LicenseFiles(lf, legacyLicense);
                if (p.TryGetValue("authors", out var au)) Result.Authors = Contacts("project.authors", au);
                if (p.TryGetValue("maintainers", out var ma)) Result.Maintainers = Contacts("project.maintainers", ma);
                if (p.TryGetValue("keywords", out var kw)) Keywords(kw);
                if (p.TryGetValue("classifiers", out var cl)) Classifiers(cl);
                if (Result.LicenseExpression != null)
                {
                    for (int i = 0; i < Result.Classifiers.Count; i++)
                    {
                        string c = Result.Classifiers[i];
                        if (!c.StartsWith("License ::", StringComparison.Ordinal)) continue;
                        string path = "project.classifiers[" + Index(ClassifierIndex(cl!, c)) + "]";
                        Error(path, c, "Setting \"project.license\" to an SPDX license expression is not compatible with 'License ::' classifiers (got '" + c + "'); remove the classifier, the expression replaces it.");
                    }
                }
                if (p.TryGetValue("urls", out var urls)) Urls(urls);
                if (p.TryGetValue("scripts", out var sc)) Result.Scripts = EntryPointTable("project.scripts", sc);
                if (p.TryGetValue("gui-scripts", out var gs)) Result.GuiScripts = EntryPointTable("project.gui-scripts", gs);
                if (p.TryGetValue("entry-points", out var ep)) EntryPoints(ep);
                if (p.TryGetValue("dependencies", out var deps)) Result.Dependencies = Requirements("project.dependencies", deps);
                if (p.TryGetValue("optional-dependencies", out var od)) OptionalDependencies(od);
                ImportNames(p);
                BuildRequiresDist();
            }

            private static int ClassifierIndex(object array, string value)
            {
                var arr = (TomlArray)array;
                for (int i = 0; i < arr.Count; i++)
                {
                    if (arr[i] is string s && s == value) return i;
                }
                return 0;
            }

            private HashSet<string> Dynamic(TomlTable p)
            {
                var set = new HashSet<string>(StringComparer.Ordinal);
                if (!p.TryGetValue("dynamic", out var value)) return set;
                var items = StringArray("project.dynamic", value);
                var list = new List<string>();
                for (int i = 0; i < items.Count; i++)
                {
                    string? item = items[i];
                    if (item == null) continue;
                    string path = "project.dynamic[" + Index(i) + "]";
                    if (item == "name")
                    {
                        Error(path, item, "Field \"project.name\" is listed in \"project.dynamic\"; the name must always be static.");
                    }
                    else if (!ProjectKeys.Contains(item) || item == "dynamic")
                    {
                        Error(path, item, "Field \"" + path + "\" expected one of " + string.Join(", ", ProjectKeys.Where(k => k != "name" && k != "dynamic")) + " (got '" + item + "').");
                        continue;
                    }
                    if (!set.Add(item))
                    {
                        Warn(path, item, "\"" + item + "\" is listed twice in \"project.dynamic\".");
                        continue;
                    }
                    list.Add(item);
                    if (item != "name" && p.ContainsKey(item))
                    {
                        Error("project." + item, item, "Field \"project." + item + "\" is both given a static value and listed in \"project.dynamic\"; a field must be one or the other.");
                    }
                }
                Result.Dynamic = list;
                var computable = list.Where(k => k != "name").ToList();
                if (computable.Count > 0)
                {
                    Error("project.dynamic", string.Join(", ", computable),
                        "\"project.dynamic\" lists " + string.Join(", ", computable.Select(k => "'" + k + "'")) + ": a native build uses static metadata only and cannot compute dynamic fields; building such a project requires delegating to its PEP 517 build backend, which is not supported yet.");
                }
                return set;
            }

            private void Name(TomlTable p, HashSet<string> dynamic)
            {
                if (!p.TryGetValue("name", out var value))
                {
                    Error("project.name", null, "Field \"project.name\" missing; every project must have a static name.");
                    return;
                }
                string? name = String("project.name", value);
                if (name == null) return;
                if (!ProjectName.IsValid(name))
                {
                    Error("project.name", name, "Invalid project name '" + name + "'. A valid name consists only of ASCII letters and numbers, period, underscore and hyphen. It must start and end with a letter or number");
                    return;
                }
                Result.Name = name;
                Result.NormalizedName = ProjectName.Normalize(name);
                Result.EscapedName = ProjectName.EscapeForFileName(name);
            }

            private void Version(TomlTable p, HashSet<string> dynamic)
            {
                if (!p.TryGetValue("version", out var value))
                {
                    if (!dynamic.Contains("version")) Error("project.version", null, "Field \"project.version\" missing and 'version' not specified in \"project.dynamic\"");
                    return;
                }
                string? text = String("project.version", value);
                if (text == null) return;
                if (!Pep440Version.TryParse(text, out var version, out var err))
                {
                    Error("project.version", text, "Field \"project.version\" is an invalid PEP 440 version string (got '" + text + "'): " + err);
                    return;
                }
                string normal = version!.ToString();
                Result.Version = normal;
                if (normal.IndexOf('+') >= 0)
                {
                    Warn("project.version", text, "Version '" + normal + "' has a local version label; PyPI rejects uploads with local versions.");
                }
            }

            private void Description(object value)
            {
                string? text = String("project.description", value);
                if (text == null) return;
                if (text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0)
                {
                    Error("project.description", text, "Field \"project.description\" must be a single line (it becomes the Summary header).");
                    return;
                }
                if (text.Length > 512)
                {
                    Warn("project.description", text, "Field \"project.description\" is " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters long; PyPI rejects summaries longer than 512 characters.");
                }
                Result.Summary = text;
            }

            private void Readme(object value)
            {
                if (value is string file)
                {
                    string? contentType = ContentTypeFromExtension(file);
                    if (contentType == null)
                    {
                        Error("project.readme", file, "Could not infer content type for readme file '" + file + "': use a .md, .rst or .txt file, or the table form with an explicit content-type.");
                        return;
                    }
                    string? text = ReadProjectFile("project.readme", file, "Readme");
                    if (text != null) Result.Readme = new ProjectReadme(text, contentType, Normalize(file));
                    return;
                }
                if (!(value is TomlTable t))
                {
                    Error("project.readme", Render(value), "Field \"project.readme\" does not match any of: table | str (got " + TypeName(value) + ")");
                    return;
                }
                var unexpected = t.Keys.Where(k => k != "file" && k != "text" && k != "content-type" && k != "charset").ToList();
                if (unexpected.Count > 0)
                {
                    Error("project.readme", null, "Field \"project.readme\" contains unexpected keys: " + string.Join(", ", unexpected.Select(k => "\"" + k + "\"")));
                }
                bool hasFile = t.TryGetValue("file", out var f), hasText = t.TryGetValue("text", out var tx);
                string? contentTypeValue = null;
                if (!t.TryGetValue("content-type", out var ct))
                {
                    Error("project.readme.content-type", null, "Field \"project.readme\" is missing required key \"content-type\"");
                }
                else
                {
                    contentTypeValue = String("project.readme.content-type", ct);
                    if (contentTypeValue != null)
                    {
                        string? err = CoreMetadataValidator.CheckContentType(contentTypeValue);
                        if (err != null)
                        {
                            Error("project.readme.content-type", contentTypeValue, "Field \"project.readme.content-type\" is not supported: " + err);
                            contentTypeValue = null;
                        }
                    }
                }
                if (t.TryGetValue("charset", out var cs))
                {
                    string? charset = String("project.readme.charset", cs);
                    if (charset != null && !string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase))
                    {
                        Error("project.readme.charset", charset, "Field \"project.readme.charset\" must be UTF-8 (got '" + charset + "'); core metadata only allows UTF-8 descriptions.");
                    }
                }
                if (hasFile == hasText)
                {
                    Error("project.readme", null, "Field \"project.readme\" must have exactly one of \"file\" or \"text\" keys");
                    return;
                }
                string? body = null, fileName = null;
                if (hasFile)
                {
                    fileName = String("project.readme.file", f!);
                    if (fileName != null) body = ReadProjectFile("project.readme.file", fileName, "Readme");
                }
                else
                {
                    body = String("project.readme.text", tx!);
                }
                if (body != null && contentTypeValue != null) Result.Readme = new ProjectReadme(body, contentTypeValue, fileName == null ? null : Normalize(fileName));
            }

            private static string? ContentTypeFromExtension(string file)
            {
                string ext = Path.GetExtension(file).ToLowerInvariant();
                switch (ext)
                {
                    case ".md": return "text/markdown";
                    case ".rst": return "text/x-rst";
                    case ".txt": return "text/plain";
                    default: return null;
                }
            }

            private void RequiresPython(object value)
            {
                string? text = String("project.requires-python", value);
                if (text == null) return;
                if (!VersionSpecifierSet.TryParse(text, out var set, out var err))
                {
                    Error("project.requires-python", text, "Field \"project.requires-python\" is an invalid Python version specifier string (got '" + text + "'): " + err);
                    return;
                }
                Result.RequiresPython = set!.ToString();
            }

            /// <summary>Returns true for the legacy table form.</summary>
            private bool License(object value)
            {
                if (value is string expr)
                {
                    if (!SpdxExpression.TryCanonicalize(expr, out var canonical, out var err))
                    {
                        Error("project.license", expr, "Field \"project.license\" is not a valid SPDX license expression (got '" + expr + "'): " + err);
                        return false;
                    }
                    foreach (var id in SpdxExpression.FindDeprecatedIds(canonical))
                    {
                        Warn("project.license", expr, "Field \"project.license\" uses the deprecated SPDX identifier '" + id + "'; use its replacement from the SPDX license list.");
                    }
                    Result.LicenseExpression = canonical;
                    return false;
                }
                if (!(value is TomlTable t))
                {
                    Error("project.license", Render(value), "Field \"project.license\" does not match any of: LicenseTable | str (got " + TypeName(value) + ")");
                    return false;
                }
                Warn("project.license", null, "The table form of \"project.license\" ({file = ...} / {text = ...}) is deprecated by PEP 639; use an SPDX license expression string and \"project.license-files\".");
                var unexpected = t.Keys.Where(k => k != "file" && k != "text").ToList();
                if (unexpected.Count > 0)
                {
                    Error("project.license", null, "Field \"project.license\" contains unexpected keys: " + string.Join(", ", unexpected.Select(k => "\"" + k + "\"")));
                }
                bool hasFile = t.TryGetValue("file", out var f), hasText = t.TryGetValue("text", out var tx);
                if (hasFile == hasText)
                {
                    Error("project.license", null, "Field \"project.license\" must have exactly one of \"text\" or \"file\" keys");
                    return true;
                }
                if (hasText)
                {
                    Result.LicenseText = String("project.license.text", tx!);
                    return true;
                }
                string? file = String("project.license.file", f!);
                if (file == null) return true;
                string? content = ReadProjectFile("project.license.file", file, "License");
                if (content != null)
                {
                    Result.LicenseText = content;
                    Result.LicenseFiles = new[] { Normalize(file) };
                }
                return true;
            }

            private void LicenseFiles(object value, bool legacyLicense)
            {
                if (legacyLicense)
                {
                    Error("project.license-files", null, "\"project.license-files\" must not be used when \"project.license\" is not a SPDX license expression");
                    return;
                }
                var patterns = StringArray("project.license-files", value);
                var matched = new SortedSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < patterns.Count; i++)
                {
                    string? pattern = patterns[i];
                    if (pattern == null) continue;
                    string path = "project.license-files[" + Index(i) + "]";
                    if (!LicenseGlob.TryParse(pattern, out var glob, out var err))
                    {
                        Error(path, pattern, "'" + pattern + "' is an invalid \"project.license-files\" glob: " + err);
                        continue;
                    }
                    EnsureTree();
                    var hits = _treeFiles!.Where(glob!.IsMatch).ToList();
                    foreach (var link in _treeLinks!.Where(glob.IsMatch))
                    {
                        Error(path, link, "License file '" + link + "' (matched by '" + pattern + "') is a symbolic link; an sdist carries no links, so copy the file instead.");
                    }
                    if (hits.Count == 0)
                    {
                        Error(path, pattern, "Every pattern in \"project.license-files\" must match at least one file: '" + pattern + "' did not match any");
                        continue;
                    }
                    foreach (var h in hits)
                    {
                        if (matched.Add(h)) CheckUtf8File(path, h);
                    }
                }
                Result.LicenseFiles = matched.ToList();
            }

            private void CheckUtf8File(string keyPath, string relative)
            {
                string full = Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));
                try
                {
                    var info = new FileInfo(full);
                    if (info.Length > 16 * 1024 * 1024) return;
                    new UTF8Encoding(false, true).GetString(File.ReadAllBytes(full));
                }
                catch (DecoderFallbackException)
                {
                    Error(keyPath, relative, "License file '" + relative + "' must be UTF-8 encoded.");
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    Error(keyPath, relative, "License file '" + relative + "' cannot be read: " + ex.Message);
                }
            }

            private IReadOnlyList<ProjectContact> Contacts(string key, object value)
            {
                var result = new List<ProjectContact>();
                IList<object?> entries;
                if (value is TomlArray arr) entries = arr.ToList();
                else if (value is TomlTableArray tarr) entries = tarr.Cast<object?>().ToList();
                else
                {
                    TypeError(key, value, "array of tables");
                    return result;
                }
                for (int i = 0; i < entries.Count; i++)
                {
                    string path = key + "[" + Index(i) + "]";
                    if (!(entries[i] is TomlTable t))
                    {
                        TypeError(path, entries[i], "table");
                        continue;
                    }
                    var unexpected = t.Keys.Where(k => k != "name" && k != "email").ToList();
                    if (unexpected.Count > 0)
                    {
                        Error(path, null, "Field \"" + path + "\" contains unexpected keys: " + string.Join(", ", unexpected.Select(k => "\"" + k + "\"")));
                    }
                    string? name = null, email = null;
                    bool ok = true;
                    if (t.TryGetValue("name", out var n))
                    {
                        name = String(path + ".name", n);
                        if (name != null && name.IndexOf(',') >= 0)
                        {
                            Error(path + ".name", name, "Field \"" + path + ".name\" must not contain commas (got '" + name + "'): names are joined with commas in the Author/Maintainer headers.");
                            ok = false;
                        }
                        else if (name != null && (name.IndexOf('\n') >= 0 || name.IndexOf('\r') >= 0 || name.IndexOf('<') >= 0 || name.IndexOf('>') >= 0))
                        {
                            Error(path + ".name", name, "Field \"" + path + ".name\" is not a valid display name (got '" + name + "'): no line breaks or angle brackets.");
                            ok = false;
                        }
                    }
                    if (t.TryGetValue("email", out var e))
                    {
                        email = String(path + ".email", e);
                        if (email != null && !IsValidEmail(email))
                        {
                            Error(path + ".email", email, "Field \"" + path + ".email\" is not a valid email address (got '" + email + "').");
                            ok = false;
                        }
                    }
                    if (!t.ContainsKey("name") && !t.ContainsKey("email"))
                    {
                        Error(path, null, "Field \"" + path + "\" must have at least one of \"name\" or \"email\" keys");
                        continue;
                    }
                    if (ok && (name != null || email != null)) result.Add(new ProjectContact(name, email));
                }
                return result;
            }

            internal static bool IsValidEmail(string email)
            {
                int at = email.LastIndexOf('@');
                if (at <= 0 || at == email.Length - 1) return false;
                string local = email.Substring(0, at), domain = email.Substring(at + 1);
                foreach (char c in email)
                {
                    if (c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == ',' || c == '(' || c == ')' || c == '[' || c == ']' || c == '\\' || c == '"' || c == ';' || c == ':') return false;
                }
                if (local.IndexOf('@') >= 0) return false;
                if (local.StartsWith(".", StringComparison.Ordinal) || local.EndsWith(".", StringComparison.Ordinal) || local.Contains("..")) return false;
                if (domain.StartsWith(".", StringComparison.Ordinal) || domain.EndsWith(".", StringComparison.Ordinal) || domain.Contains("..") || domain.StartsWith("-", StringComparison.Ordinal)) return false;
                return true;
            }

            private void Keywords(object value)
            {
                var items = StringArray("project.keywords", value);
                var list = new List<string>();
                for (int i = 0; i < items.Count; i++)
                {
                    if (items[i] == null) continue;
                    if (items[i]!.IndexOf('\n') >= 0 || items[i]!.IndexOf('\r') >= 0)
                    {
                        Error("project.keywords[" + Index(i) + "]", items[i], "Field \"project.keywords[" + Index(i) + "]\" must be a single line (got '" + items[i] + "').");
                        continue;
                    }
                    if (items[i]!.IndexOf(',') >= 0)
                    {
                        Warn("project.keywords[" + Index(i) + "]", items[i], "Keyword '" + items[i] + "' contains a comma; keywords are joined with commas in the Keywords header, so it will read as several keywords.");
                    }
                    list.Add(items[i]!);
                }
                Result.Keywords = list;
            }

            private void Classifiers(object value)
            {
                var items = StringArray("project.classifiers", value);
                var list = new List<string>();
                for (int i = 0; i < items.Count; i++)
                {
                    string? c = items[i];
                    if (c == null) continue;
                    string path = "project.classifiers[" + Index(i) + "]";
                    if (c.IndexOf('\n') >= 0 || c.IndexOf('\r') >= 0)
                    {
                        Error(path, c, "Field \"" + path + "\" must be a single line (got '" + c + "').");
                        continue;
                    }
                    list.Add(c);
                }
                Result.Classifiers = list;
            }

            private void Urls(object value)
            {
                if (!(value is TomlTable t))
                {
                    TypeError("project.urls", value, "table");
                    return;
                }
                var list = new List<KeyValuePair<string, string>>();
                foreach (var kv in t)
                {
                    string path = "project.urls." + kv.Key;
                    string? url = String(path, kv.Value);
                    if (url == null) continue;
                    bool ok = true;
                    if (kv.Key.Length > 32)
                    {
                        Error(path, kv.Key, "\"project.urls\" names cannot be more than 32 characters long (got '" + kv.Key + "')");
                        ok = false;
                    }
                    if (kv.Key.Length == 0 || kv.Key.IndexOf(',') >= 0 || kv.Key.IndexOf('\n') >= 0 || kv.Key.IndexOf('\r') >= 0)
                    {
                        Error(path, kv.Key, "\"project.urls\" label '" + kv.Key + "' must be non-empty, on one line and without commas (it is written as 'label, url').");
                        ok = false;
                    }
                    if (!CoreMetadataValidator.IsValidWebUrl(url))
                    {
                        Error(path, url, "Field \"" + path + "\" is not a valid http(s) URL (got '" + url + "'); PyPI rejects the upload.");
                        ok = false;
                    }
                    if (ok) list.Add(new KeyValuePair<string, string>(kv.Key, url));
                }
                Result.Urls = list;
            }

            private IReadOnlyDictionary<string, string> EntryPointTable(string key, object value)
            {
                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                if (!(value is TomlTable t))
                {
                    TypeError(key, value, "table");
                    return result;
                }
                foreach (var kv in t)
                {
                    string path = key + "." + kv.Key;
                    if (kv.Value is TomlTable)
                    {
                        Error(path, null, "Field \"" + path + "\" is a table; entry points cannot be nested (expected 'name = \"module:object\"').");
                        continue;
                    }
                    string? reference = String(path, kv.Value);
                    if (reference == null) continue;
                    string name = kv.Key;
                    if (name.Length == 0 || name.IndexOf('=') >= 0 || name[0] == '[' || name.Trim() != name)
                    {
                        Error(path, name, "Entry point name '" + name + "' in \"" + key + "\" is invalid: it must not contain '=', start with '[' or have leading or trailing whitespace.");
                        continue;
                    }
                    if (!EntryPointNameRecommended.IsMatch(name))
                    {
                        Warn(path, name, "Entry point name '" + name + "' in \"" + key + "\" should consist only of letters, digits, '_', '-' and '.'.");
                    }
                    string refText = reference;
                    if (EntryPointExtras.IsMatch(refText))
                    {
                        Warn(path, reference, "Entry point '" + name + "' uses the deprecated '[extras]' suffix ('" + reference + "').");
                        refText = EntryPointExtras.Replace(refText, string.Empty);
                    }
                    if (!EntryPointRef.IsMatch(refText))
                    {
                        Error(path, reference, "Field \"" + path + "\" is not a valid entry point reference (got '" + reference + "'); expected 'package.module' or 'package.module:object.attribute'.");
                        continue;
                    }
                    result[name] = reference;
                }
                return result;
            }

            private void EntryPoints(object value)
            {
                if (!(value is TomlTable t))
                {
                    TypeError("project.entry-points", value, "table");
                    return;
                }
                var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
                foreach (var kv in t)
                {
                    string path = "project.entry-points." + kv.Key;
                    if (kv.Key == "console_scripts" || kv.Key == "gui_scripts")
                    {
                        string replacement = kv.Key == "console_scripts" ? "project.scripts" : "project.gui-scripts";
                        Error(path, kv.Key, "Field \"project.entry-points\" must not contain the group '" + kv.Key + "'; use \"" + replacement + "\" instead.");
                        continue;
                    }
                    if (!EntryPointGroup.IsMatch(kv.Key))
                    {
                        Error(path, kv.Key, "Field \"project.entry-points\" has an invalid key, expecting a key containing only alphanumeric, underscore, or dot characters (got '" + kv.Key + "')");
                        continue;
                    }
                    if (!(kv.Value is TomlTable))
                    {
                        TypeError(path, kv.Value, "table");
                        continue;
                    }
                    result[kv.Key] = EntryPointTable(path, kv.Value);
                }
                Result.EntryPoints = result;
            }

            private IReadOnlyList<string> Requirements(string key, object value)
            {
                var items = StringArray(key, value);
                var list = new List<string>();
                for (int i = 0; i < items.Count; i++)
                {
                    string? text = items[i];
                    if (text == null) continue;
                    string path = key + "[" + Index(i) + "]";
                    if (!Pep508Requirement.TryParse(text, out var req, out var err))
                    {
                        Error(path, text, "Field \"" + path + "\" is an invalid PEP 508 requirement string '" + text + "': " + err);
                        continue;
                    }
                    if (req!.Url != null)
                    {
                        Warn(path, text, "Requirement '" + text + "' is a direct URL reference; PyPI rejects uploads whose dependencies use 'name @ url'.");
                    }
                    var notes = req.SpecNotes;
                    if (notes.Count > 0)
                    {
                        Warn(path, text, "Requirement '" + text + "' is accepted by packaging, PyPI and installers, but not as the dependency-specifiers spec asks publishers to write it: " + string.Join("; ", notes) + ".");
                    }
                    list.Add(req.ToString());
                }
                return list;
            }

            private void OptionalDependencies(object value)
            {
                if (!(value is TomlTable t))
                {
                    TypeError("project.optional-dependencies", value, "table");
                    return;
                }
                var result = new List<KeyValuePair<string, IReadOnlyList<string>>>();
                var seen = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var kv in t)
                {
                    string path = "project.optional-dependencies." + kv.Key;
                    if (!ProjectName.IsValid(kv.Key))
                    {
                        Error(path, kv.Key, "Field \"project.optional-dependencies\" has an invalid extra name '" + kv.Key + "': it must consist of ASCII letters, digits, '.', '_' and '-', and start and end with a letter or digit.");
                        continue;
                    }
                    string normal = ProjectName.NormalizeExtra(kv.Key);
                    if (seen.TryGetValue(normal, out var earlier))
                    {
                        Error(path, kv.Key, "Extras '" + earlier + "' and '" + kv.Key + "' in \"project.optional-dependencies\" are the same extra after normalisation ('" + normal + "').");
                        continue;
                    }
                    seen[normal] = kv.Key;
                    result.Add(new KeyValuePair<string, IReadOnlyList<string>>(normal, Requirements(path, kv.Value)));
                }
                Result.OptionalDependencies = result;
            }

            private void ImportNames(TomlTable p)
            {
                List<(string Name, string Path)>? names = null, namespaces = null;
                if (p.TryGetValue("import-names", out var n)) names = ImportList("project.import-names", n);
                if (p.TryGetValue("import-namespaces", out var ns))
                {
                    namespaces = ImportList("project.import-namespaces", ns);
                    if (ns is TomlArray arr && arr.Count == 0)
                    {
                        Error("project.import-namespaces", null, "Field \"project.import-namespaces\" must not be an empty array; omit the key instead.");
                    }
                }
                Result.ImportNames = names?.Select(x => x.Path).ToList();
                Result.ImportNamespaces = namespaces?.Select(x => x.Path).ToList();
                if (names == null && namespaces == null) return;
                var nameSet = new HashSet<string>((names ?? new List<(string, string)>()).Select(x => x.Name), StringComparer.Ordinal);
                var nsSet = new HashSet<string>((namespaces ?? new List<(string, string)>()).Select(x => x.Name), StringComparer.Ordinal);
                var overlap = nameSet.Intersect(nsSet).OrderBy(x => x, StringComparer.Ordinal).ToList();
                if (overlap.Count > 0)
                {
                    Error("project.import-names", string.Join(", ", overlap), "\"project.import-names\" overlaps with 'project.import-namespaces': " + string.Join(", ", overlap.Select(x => "'" + x + "'")));
                }
                var all = new HashSet<string>(nameSet.Concat(nsSet), StringComparer.Ordinal);
                var missing = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var full in all)
                {
                    int dot = full.LastIndexOf('.');
                    while (dot > 0)
                    {
                        string parent = full.Substring(0, dot);
                        if (!all.Contains(parent)) missing.Add(parent);
                        dot = parent.LastIndexOf('.');
                    }
                }
                foreach (var m in missing)
                {
                    Error("project.import-namespaces", m, "\"project.import-namespaces\" is missing '" + m + "', but submodules are present elsewhere");
                }
            }

            private List<(string Name, string Path)> ImportList(string key, object value)
            {
                var items = StringArray(key, value);
                var result = new List<(string, string)>();
                for (int i = 0; i < items.Count; i++)
                {
                    string? item = items[i];
                    if (item == null) continue;
                    string path = key + "[" + Index(i) + "]";
                    string namePart = item;
                    string normalised;
                    int semi = item.IndexOf(';');
                    if (semi >= 0)
                    {
                        namePart = item.Substring(0, semi).Trim();
                        string qualifier = item.Substring(semi + 1).Trim();
                        if (qualifier != "private")
                        {
                            Error(path, item, "Field \"" + path + "\" has an unknown qualifier '" + qualifier + "' (only '; private' is allowed).");
                            continue;
                        }
                        normalised = namePart + "; private";
                    }
                    else
                    {
                        namePart = item.Trim();
                        normalised = namePart;
                    }
                    string shortKey = key.Substring("project.".Length);
                    bool ok = true;
                    foreach (var part in namePart.Split('.'))
                    {
                        if (PythonKeywords.Contains(part))
                        {
                            Error(path, item, "\"" + shortKey + "\" contains a Python keyword, which is not a valid import name, got '" + item + "'");
                            ok = false;
                            break;
                        }
                        if (!Identifier.IsMatch(part))
                        {
                            Error(path, item, "\"" + shortKey + "\" contains '" + item + "', which is not a valid identifier");
                            ok = false;
                            break;
                        }
                    }
                    if (ok) result.Add((namePart, normalised));
                }
                return result;
            }

            private void BuildRequiresDist()
            {
                var list = new List<string>(Result.Dependencies);
                foreach (var extra in Result.OptionalDependencies)
                {
                    foreach (var text in extra.Value)
                    {
                        if (Pep508Requirement.TryParse(text, out var req, out _)) list.Add(WithExtraMarker(req!, extra.Key));
                    }
                }
                Result.RequiresDist = list;
            }

            /// <summary><c>dep; marker and extra == "x"</c>, with an <c>or</c> marker wrapped in parentheses.</summary>
            internal static string WithExtraMarker(Pep508Requirement req, string extra)
            {
                var sb = new StringBuilder(req.Name);
                if (req.Extras.Count > 0) sb.Append('[').Append(string.Join(",", req.Extras)).Append(']');
                if (req.Url != null) sb.Append(" @ ").Append(req.Url).Append(' ');
                else sb.Append(req.Specifier);
                sb.Append("; ");
                if (req.Marker != null)
                {
                    string marker = req.Marker.ToString();
                    bool wrap = req.Marker.Root is MarkerBoolean b && b.Operator == "or";
                    sb.Append(wrap ? "(" + marker + ")" : marker).Append(" and ");
                }
                sb.Append("extra == \"").Append(extra).Append('"');
                return sb.ToString();
            }

            // ---------------------------------------------------------------- files

            private void EnsureTree()
            {
                if (_treeFiles != null) return;
                if (Directory.Exists(_root))
                {
                    _treeFiles = LicenseGlob.EnumerateFiles(_root, out var links);
                    _treeLinks = links;
                }
                else
                {
                    _treeFiles = new List<string>();
                    _treeLinks = new List<string>();
                }
            }

            /// <summary>Null when the relative path stays inside the project; else the reason.</summary>
            private string? CheckInsideTree(string relative, bool allowDot = false)
            {
                if (relative.Length == 0) return "is empty";
                if (Path.IsPathRooted(relative) || relative.StartsWith("/", StringComparison.Ordinal) || relative.StartsWith("\\", StringComparison.Ordinal) || (relative.Length >= 2 && relative[1] == ':'))
                {
                    return "must be a path relative to the project directory";
                }
                string full = Path.GetFullPath(Path.Combine(_root, relative));
                string rootWithSep = _root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? _root : _root + Path.DirectorySeparatorChar;
                bool inside = full.StartsWith(rootWithSep, StringComparison.Ordinal) || (allowDot && string.Equals(full.TrimEnd(Path.DirectorySeparatorChar), _root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal));
                return inside ? null : "must stay inside the project directory";
            }

            /// <summary>Reads a UTF-8 text file named relative to the project; null (with a problem) when that fails.</summary>
            private string? ReadProjectFile(string key, string relative, string what)
            {
                string? reason = CheckInsideTree(relative);
                if (reason != null)
                {
                    Error(key, relative, what + " file '" + relative + "' " + reason + ".");
                    return null;
                }
                string full = Path.GetFullPath(Path.Combine(_root, relative));
                if (!File.Exists(full))
                {
                    Error(key, relative, what + " file not found ('" + relative + "')");
                    return null;
                }
                if ((File.GetAttributes(full) & FileAttributes.ReparsePoint) != 0)
                {
                    Error(key, relative, what + " file '" + relative + "' is a symbolic link; an sdist carries no links, so use the file itself.");
                    return null;
                }
                try
                {
                    byte[] bytes = File.ReadAllBytes(full);
                    int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                    return new UTF8Encoding(false, true).GetString(bytes, offset, bytes.Length - offset);
                }
                catch (DecoderFallbackException)
                {
                    Error(key, relative, what + " file '" + relative + "' must be UTF-8 encoded.");
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    Error(key, relative, what + " file '" + relative + "' cannot be read: " + ex.Message);
                }
                return null;
            }

            private static string Normalize(string relative)
            {
                var parts = relative.Replace('\\', '/').Split('/').Where(s => s.Length > 0 && s != ".");
                return string.Join("/", parts);
            }

            // ---------------------------------------------------------------- typed access and problems

            private string? String(string path, object? value)
            {
                if (value is string s) return s;
                TypeError(path, value, "string");
                return null;
            }

            /// <summary>The items of an array of strings; null entries for items of the wrong type (reported).</summary>
            private List<string?> StringArray(string path, object? value)
            {
                var result = new List<string?>();
                if (!(value is TomlArray arr))
                {
                    TypeError(path, value, "array");
                    return result;
                }
                for (int i = 0; i < arr.Count; i++)
                {
                    result.Add(String(path + "[" + Index(i) + "]", arr[i]));
                }
                return result;
            }

            private void TypeError(string path, object? value, string expected)
            {
                Error(path, Render(value), "Field \"" + path + "\" has an invalid type, expecting " + expected + " (got " + TypeName(value) + ")");
            }

            internal static string TypeName(object? value)
            {
                switch (value)
                {
                    case null: return "nothing";
                    case string _: return "string";
                    case bool _: return "bool";
                    case long _: return "int";
                    case int _: return "int";
                    case double _: return "float";
                    case TomlTable _: return "table";
                    case TomlArray _: return "array";
                    case TomlTableArray _: return "array of tables";
                    case TomlDateTime _: return "datetime";
                    default: return value.GetType().Name;
                }
            }

            private static string? Render(object? value)
            {
                switch (value)
                {
                    case null: return null;
                    case string s: return s;
                    case bool b: return b ? "true" : "false";
                    case long l: return l.ToString(CultureInfo.InvariantCulture);
                    case double d: return d.ToString("R", CultureInfo.InvariantCulture);
                    case TomlDateTime dt: return dt.ToString();
                    default: return TypeName(value);
                }
            }

            private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

            private void Error(string path, string? value, string message) =>
                _problems.Add(new ProjectProblem(ProjectProblemSeverity.Error, path, value, message));

            private void Warn(string path, string? value, string message) =>
                _problems.Add(new ProjectProblem(ProjectProblemSeverity.Warning, path, value, message));
        }
    }
}
