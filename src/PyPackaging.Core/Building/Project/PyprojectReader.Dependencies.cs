using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PyPackaging.Standards;
using Tomlyn.Model;

namespace PyPackaging.Building.Project
{
    public static partial class PyprojectReader
    {
        /// <summary>[project] dependencies, optional-dependencies, entry points and import names; Requires-Dist for PKG-INFO.</summary>
        private sealed partial class Validator
        {
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
                var list = new List<string>();
                foreach (var (path, text) in Strings(key, value))
                {
                    var req = Pep508Requirement.Parse(text, out var err);
                    if (req == null)
                    {
                        Error(path, text, "Field \"" + path + "\" is an invalid PEP 508 requirement string '" + text + "': " + err!.Located());
                        continue;
                    }
                    if (req.Url != null)
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
                var result = new List<(string, string)>();
                foreach (var (path, item) in Strings(key, value))
                {
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
        }
    }
}
