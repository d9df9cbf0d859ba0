using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Standards;
using Tomlyn.Model;

namespace PyPackaging.Building.Project
{
    public static partial class PyprojectReader
    {
        /// <summary>[project] readme, license and license-files, and the project files they name.</summary>
        private sealed partial class Validator
        {
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
                string? contentTypeValue = ReadmeContentType(t);
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

            /// <summary>The table form's content-type, or null (with the problem reported) when missing or unsupported.</summary>
            private string? ReadmeContentType(TomlTable t)
            {
                if (!t.TryGetValue("content-type", out var ct))
                {
                    Error("project.readme.content-type", null, "Field \"project.readme\" is missing required key \"content-type\"");
                    return null;
                }
                string? contentTypeValue = String("project.readme.content-type", ct);
                if (contentTypeValue == null) return null;
                string? err = CoreMetadataValidator.CheckContentType(contentTypeValue);
                if (err != null)
                {
                    Error("project.readme.content-type", contentTypeValue, "Field \"project.readme.content-type\" is not supported: " + err);
                    return null;
                }
                return contentTypeValue;
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

            // Only validated here: the files are matched by the build's one walk (Selection/FileSelector, resolved
            // by LicenseGlob.Resolve), so the tree is not walked twice.
            private void LicenseFiles(object value, bool legacyLicense)
            {
                if (legacyLicense)
                {
                    Error("project.license-files", null, "\"project.license-files\" must not be used when \"project.license\" is not a SPDX license expression");
                    return;
                }
                var patterns = new List<LicenseFilePattern>();
                foreach (var (path, pattern) in Strings("project.license-files", value))
                {
                    if (!LicenseGlob.TryParse(pattern, out var glob, out var err))
                    {
                        Error(path, pattern, "'" + pattern + "' is an invalid \"project.license-files\" glob: " + err);
                        continue;
                    }
                    patterns.Add(new LicenseFilePattern(path, glob!));
                }
                Result.LicenseFilePatterns = patterns;
            }

            // ---------------------------------------------------------------- files

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
        }
    }
}
