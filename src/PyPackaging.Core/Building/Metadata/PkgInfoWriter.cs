using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PyPackaging.Building.Project;
using PyPackaging.Standards;

namespace PyPackaging.Building.Metadata
{
    /// <summary>
    /// Turns validated <see cref="ProjectMetadata"/> into PKG-INFO. This class decides the content (the
    /// pyproject → core metadata mapping of sdist-format.md §6.4); <see cref="CoreMetadataWriter"/> in the Standards
    /// library renders it (uv_build's field order, License folded with continuation lines, description as the body,
    /// "\n" line endings, UTF-8 without BOM).
    /// <list type="bullet">
    /// <item>Metadata-Version is the lowest that allows every field written, never below 2.2: 2.4 with
    /// License-Expression or License-File, 2.5 with Import-Name or Import-Namespace.</item>
    /// <item>No Dynamic header: a native build writes static metadata only.</item>
    /// <item>Keywords are comma-joined; urls become <c>Project-URL: label, url</c>; optional dependencies become
    /// Provides-Extra (normalised) plus Requires-Dist with <c>extra == "x"</c> (see <see cref="ProjectMetadata.RequiresDist"/>).</item>
    /// </list>
    /// </summary>
    public static class PkgInfoWriter
    {
        /// <summary>The header fields (name, value) in the order given to the renderer, Metadata-Version excluded.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Fields(ProjectMetadata metadata)
        {
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            if (metadata.Name == null || metadata.Version == null) throw new InvalidOperationException("The project metadata has no valid name or version.");
            var f = new List<KeyValuePair<string, string>>();
            void Add(string name, string? value)
            {
                if (value != null) f.Add(new KeyValuePair<string, string>(name, value));
            }

            Add("Name", metadata.Name);
            Add("Version", metadata.Version);
            Add("Summary", metadata.Summary);
            if (metadata.Keywords.Count > 0) Add("Keywords", string.Join(",", metadata.Keywords));
            Add("Author", metadata.AuthorField);
            Add("Author-email", metadata.AuthorEmailField);
            Add("License", metadata.LicenseText == null ? null : TrimTrailingLineBreaks(metadata.LicenseText));
            Add("License-Expression", metadata.LicenseExpression);
            foreach (var file in metadata.LicenseFiles) Add("License-File", file);
            foreach (var c in metadata.Classifiers) Add("Classifier", c);
            foreach (var r in metadata.RequiresDist) Add("Requires-Dist", r);
            Add("Maintainer", metadata.MaintainerField);
            Add("Maintainer-email", metadata.MaintainerEmailField);
            Add("Requires-Python", metadata.RequiresPython);
            foreach (var u in metadata.Urls) Add("Project-URL", u.Key + ", " + u.Value);
            foreach (var e in metadata.ProvidesExtra) Add("Provides-Extra", e);
            if (metadata.ImportNames != null)
            {
                // An empty import-names array: one empty Import-Name says the project provides no import names.
                if (metadata.ImportNames.Count == 0) Add("Import-Name", string.Empty);
                foreach (var n in metadata.ImportNames) Add("Import-Name", n);
            }
            if (metadata.ImportNamespaces != null)
            {
                foreach (var n in metadata.ImportNamespaces) Add("Import-Namespace", n);
            }
            if (metadata.Readme != null) Add("Description-Content-Type", metadata.Readme.ContentType);
            return f;
        }

        /// <summary>The Metadata-Version written for <paramref name="metadata"/>.</summary>
        public static string ChooseMetadataVersion(ProjectMetadata metadata) =>
            CoreMetadataWriter.ChooseMetadataVersion(Fields(metadata).Select(kv => kv.Key));

        /// <summary>
        /// The PKG-INFO text. Throws <see cref="InvalidOperationException"/> when the metadata has errors (check
        /// <see cref="ProjectMetadata.HasErrors"/> first) or a value cannot be rendered.
        /// </summary>
        public static string Write(ProjectMetadata metadata)
        {
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            if (metadata.HasErrors) throw new InvalidOperationException("The project metadata has errors; PKG-INFO cannot be written.");
            var fields = Fields(metadata);
            var all = new List<KeyValuePair<string, string>>(fields.Count + 1)
            {
                new KeyValuePair<string, string>("Metadata-Version", CoreMetadataWriter.ChooseMetadataVersion(fields.Select(kv => kv.Key))),
            };
            all.AddRange(fields);
            string? body = null;
            if (metadata.Readme != null && metadata.Readme.Text.Length > 0)
            {
                body = metadata.Readme.Text.Replace("\r\n", "\n").Replace('\r', '\n');
            }
            if (!CoreMetadataWriter.TryWrite(all, body, out var text, out var error))
            {
                throw new InvalidOperationException("PKG-INFO cannot be written: " + error);
            }
            return text;
        }

        /// <summary>PKG-INFO as UTF-8 bytes without a BOM.</summary>
        public static byte[] WriteBytes(ProjectMetadata metadata) => new UTF8Encoding(false).GetBytes(Write(metadata));

        private static string TrimTrailingLineBreaks(string s) => s.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n', ' ', '\t');
    }
}
