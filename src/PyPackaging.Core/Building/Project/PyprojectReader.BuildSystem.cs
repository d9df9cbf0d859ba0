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

            private static readonly string[] HatchSelectionKeys = { "include", "exclude", "only-include", "artifacts", "force-include" };

            // Read only (the selection layer applies them): each backend's sdist include/exclude settings and the
            // settings that say where its module lives.
            private void BackendTables(TomlTable tool)
            {
                var rules = new List<BackendFileRules>();
                var hatch = HatchRules(tool);
                if (hatch != null) rules.Add(hatch);
                var uv = Descend(tool, "uv", "build-backend");
                if (uv != null)
                {
                    var r = Rules(BuildBackendKind.Uv, "tool.uv.build-backend", uv, null, null, null, "source-include", "source-exclude",
                        "module-root", "module-name", "data", "default-excludes", "wheel-exclude", "namespace");
                    r.ModuleRoot = OptionalString(uv, "tool.uv.build-backend", "module-root");
                    r.ModuleNames = StringOrStrings(uv, "tool.uv.build-backend", "module-name");
                    if (Descend(uv, "data") is TomlTable data)
                    {
                        r.DataDirectories = data.Select(kv => String("tool.uv.build-backend.data." + kv.Key, kv.Value)).Where(v => v != null).Select(v => v!).ToList();
                    }
                    rules.Add(r);
                }
                var flit = FlitRules(tool);
                if (flit != null) rules.Add(flit);
                var pdm = Descend(tool, "pdm", "build");
                if (pdm != null)
                {
                    var r = Rules(BuildBackendKind.Pdm, "tool.pdm.build", pdm, "includes", "excludes", null, "source-includes", null, "package-dir");
                    r.ModuleRoot = OptionalString(pdm, "tool.pdm.build", "package-dir");
                    rules.Add(r);
                }
                Result.BackendFileRules = rules;
            }

            // hatchling reads each selection key from the sdist target when it is set there, else from [tool.hatch.build].
            private BackendFileRules? HatchRules(TomlTable tool)
            {
                const string TargetPath = "tool.hatch.build.targets.sdist", GlobalPath = "tool.hatch.build";
                var target = Descend(tool, "hatch", "build", "targets", "sdist");
                var global = Descend(tool, "hatch", "build");
                bool globalSelects = global != null && HatchSelectionKeys.Any(global.ContainsKey);
                if (target == null && !globalSelects) return null;
                var origins = new Dictionary<string, string>(StringComparer.Ordinal);
                IReadOnlyList<string> Get(string key)
                {
                    TomlTable? from = target != null && target.ContainsKey(key) ? target : (global != null && global.ContainsKey(key) ? global : null);
                    if (from == null) return Array.Empty<string>();
                    string table = ReferenceEquals(from, target) ? TargetPath : GlobalPath;
                    origins[key] = table;
                    return StringArray(table + "." + key, from[key]).Where(v => v != null).Select(v => v!).ToList();
                }
                if (target != null) WarnUnknownKeys(target, TargetPath, HatchSelectionKeys);
                var r = new BackendFileRules(BuildBackendKind.Hatch, target != null ? TargetPath : GlobalPath, Get("include"), Get("exclude"), Get("only-include"), Array.Empty<string>(), Array.Empty<string>());
                r.Artifacts = Get("artifacts");
                TomlTable? forceFrom = target != null && target.ContainsKey("force-include") ? target : (global != null && global.ContainsKey("force-include") ? global : null);
                if (forceFrom != null)
                {
                    string table = ReferenceEquals(forceFrom, target) ? TargetPath : GlobalPath;
                    origins["force-include"] = table;
                    var map = new Dictionary<string, string>(StringComparer.Ordinal);
                    if (forceFrom["force-include"] is TomlTable fi)
                    {
                        foreach (var kv in fi)
                        {
                            string? to = String(table + ".force-include." + kv.Key, kv.Value);
                            if (to != null) map[kv.Key] = to;
                        }
                    }
                    else
                    {
                        TypeError(table + ".force-include", forceFrom["force-include"], "table");
                    }
                    r.ForceIncludeMap = map;
                }
                r.KeyTables = origins;
                return r;
            }

            private BackendFileRules? FlitRules(TomlTable tool)
            {
                var sdist = Descend(tool, "flit", "sdist");
                var module = Descend(tool, "flit", "module");
                var external = Descend(tool, "flit", "external-data");
                if (sdist == null && module == null && external == null) return null;
                var r = sdist != null
                    ? Rules(BuildBackendKind.Flit, "tool.flit.sdist", sdist, "include", "exclude", null, null, null)
                    : new BackendFileRules(BuildBackendKind.Flit, "tool.flit.sdist", Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());
                var origins = new Dictionary<string, string>(StringComparer.Ordinal);
                string? name = module == null ? null : OptionalString(module, "tool.flit.module", "name");
                if (name != null)
                {
                    r.ModuleNames = new[] { name };
                    origins["name"] = "tool.flit.module";
                }
                string? data = external == null ? null : OptionalString(external, "tool.flit.external-data", "directory");
                if (data != null)
                {
                    r.DataDirectories = new[] { data };
                    origins["directory"] = "tool.flit.external-data";
                }
                r.KeyTables = origins;
                return r;
            }

            private BackendFileRules Rules(BuildBackendKind kind, string tablePath, TomlTable t, string? include, string? exclude, string? onlyInclude, string? sourceInclude, string? sourceExclude, params string[] alsoKnown)
            {
                WarnUnknownKeys(t, tablePath, new[] { include, exclude, onlyInclude, sourceInclude, sourceExclude }.Where(k => k != null).Select(k => k!).Concat(alsoKnown).ToArray());
                IReadOnlyList<string> Get(string? key)
                {
                    if (key == null || !t.TryGetValue(key, out var value)) return Array.Empty<string>();
                    return StringArray(tablePath + "." + key, value).Where(s => s != null).Select(s => s!).ToList();
                }
                return new BackendFileRules(kind, tablePath, Get(include), Get(exclude), Get(onlyInclude), Get(sourceInclude), Get(sourceExclude));
            }

            private void WarnUnknownKeys(TomlTable t, string tablePath, string[] known)
            {
                foreach (var kv in t)
                {
                    if (!known.Contains(kv.Key))
                    {
                        Warn(tablePath + "." + kv.Key, null, "\"" + tablePath + "." + kv.Key + "\" is not understood by the native build and is ignored (only " + string.Join(", ", known) + " are read).");
                    }
                }
            }

            private string? OptionalString(TomlTable t, string tablePath, string key) =>
                t.TryGetValue(key, out var value) ? String(tablePath + "." + key, value) : null;

            private IReadOnlyList<string> StringOrStrings(TomlTable t, string tablePath, string key)
            {
                if (!t.TryGetValue(key, out var value)) return Array.Empty<string>();
                if (value is string one) return new[] { one };
                return StringArray(tablePath + "." + key, value).Where(s => s != null).Select(s => s!).ToList();
            }
        }
    }
}
