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
    public static partial class PyprojectReader
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

        /// <summary>The table at <paramref name="keys"/> below <paramref name="table"/>, or null when a key is missing or not a table.</summary>
        internal static TomlTable? Descend(TomlTable table, params string[] keys)
        {
            TomlTable current = table;
            foreach (var k in keys)
            {
                if (!current.TryGetValue(k, out var next) || !(next is TomlTable nt)) return null;
                current = nt;
            }
            return current;
        }

        /// <summary>
        /// One validation run. Split by field family: this file holds the entry, the TOML parse and the typed access
        /// helpers; BuildSystem, ProjectFields, ReadmeLicense and Dependencies hold the fields.
        /// </summary>
        private sealed partial class Validator
        {
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
                if (root.TryGetValue("tool", out var tool) && tool is TomlTable toolTable)
                {
                    Result.ToolTable = toolTable;
                    BackendTables(toolTable);
                }

                if (!root.TryGetValue("project", out var projectValue))
                {
                    Error("project", null, "Section \"project\" missing in pyproject.toml: without static [project] metadata a native build cannot compute the metadata, so build it with -Backend Project (or Auto), which runs the project's PEP 517 build backend.");
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

            /// <summary>The strings of an array with their key paths (<c>key[i]</c>); wrong types are reported and skipped.</summary>
            private List<(string Path, string Item)> Strings(string key, object? value)
            {
                var items = StringArray(key, value);
                var result = new List<(string Path, string Item)>(items.Count);
                for (int i = 0; i < items.Count; i++)
                {
                    if (items[i] != null) result.Add((key + "[" + Index(i) + "]", items[i]!));
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