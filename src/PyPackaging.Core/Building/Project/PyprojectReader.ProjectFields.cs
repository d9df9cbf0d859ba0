using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PyPackaging.Standards;
using Tomlyn.Model;

namespace PyPackaging.Building.Project
{
    public static partial class PyprojectReader
    {
        /// <summary>[project]: the dispatcher, dynamic, and the descriptive fields (name, version, description, requires-python, authors/maintainers, keywords, classifiers, urls).</summary>
        private sealed partial class Validator
        {
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
                var list = new List<string>();
                foreach (var (path, item) in Strings("project.dynamic", value))
                {
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
                // The version is computed by Building/Versions (so is flit's description, from the module docstring);
                // whether it can be is the builder's question, not a metadata error.
                bool flit = ProjectBackends.KindOf(Result.BuildSystem?.BuildBackend) == BuildBackendKind.Flit;
                var computable = list.Where(k => k != "name" && k != "version" && !(k == "description" && flit && set.Contains("version"))).ToList();
                if (computable.Count > 0)
                {
                    Error("project.dynamic", string.Join(", ", computable),
                        "\"project.dynamic\" lists " + string.Join(", ", computable.Select(k => "'" + k + "'")) + ": a native build computes only a dynamic version (and flit's description) and cannot compute the others; build such a project with -Backend Project (or Auto), which runs its PEP 517 build backend.");
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

            // The project table's (stricter) e-mail rules live with the PKG-INFO ones in Standards/EmailAddress.
            internal static bool IsValidEmail(string email) => EmailAddress.WhyInvalid(email, EmailRules.PyprojectTable) == null;

            private void Keywords(object value)
            {
                var list = new List<string>();
                foreach (var (path, keyword) in Strings("project.keywords", value))
                {
                    if (!IsSingleLine(path, keyword)) continue;
                    if (keyword.IndexOf(',') >= 0)
                    {
                        Warn(path, keyword, "Keyword '" + keyword + "' contains a comma; keywords are joined with commas in the Keywords header, so it will read as several keywords.");
                    }
                    list.Add(keyword);
                }
                Result.Keywords = list;
            }

            private void Classifiers(object value)
            {
                var list = new List<string>();
                foreach (var (path, c) in Strings("project.classifiers", value))
                {
                    if (!IsSingleLine(path, c)) continue;
                    list.Add(c);
                }
                Result.Classifiers = list;
            }

            /// <summary>Keywords and classifiers are one header line each; a line break is an error.</summary>
            private bool IsSingleLine(string path, string value)
            {
                if (value.IndexOf('\n') < 0 && value.IndexOf('\r') < 0) return true;
                Error(path, value, "Field \"" + path + "\" must be a single line (got '" + value + "').");
                return false;
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
        }
    }
}
