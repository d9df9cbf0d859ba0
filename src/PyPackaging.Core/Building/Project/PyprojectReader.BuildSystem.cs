using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PyPackaging.Standards;
using Tomlyn.Model;

namespace PyPackaging.Building.Project
{
    public static partial class PyprojectReader
    {
        /// <summary>[build-system] and the backend include/exclude tables under [tool].</summary>
        private sealed partial class Validator
        {
            private static readonly Regex BackendRef = new Regex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(:[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)?\z", RegexOptions.CultureInvariant);

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
                    foreach (var (path, item) in Strings("build-system.requires", req))
                    {
                        var r = Pep508Requirement.Parse(item, out var err);
                        if (r != null) requires.Add(r.ToString());
                        else Error(path, item, "Field \"" + path + "\" is an invalid PEP 508 requirement string '" + item + "': " + err!.Located());
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
                    foreach (var (path, item) in Strings("build-system.backend-path", bp))
                    {
                        string? reason = CheckInsideTree(item, allowDot: true);
                        if (reason != null) Error(path, item, "Field \"" + path + "\" '" + item + "' " + reason + ".");
                        else backendPath.Add(item);
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
        }
    }
}
