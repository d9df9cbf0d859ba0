using System;
using System.IO;
using System.Text;

namespace PyPackaging.Reporting
{
    /// <summary>The report formats Export-PySdistReport and Assert-PySdist write.</summary>
    public enum ReportFormat
    {
        Sarif,
        JUnit,
        Markdown,
        Json,
    }

    /// <summary>Writes a report file whole or not at all: into a temp file beside it, then moved into place.</summary>
    public static class ReportFile
    {
        public static void Write(string path, ReportFormat format, GateResult result, string? baseDirectory)
        {
            WriteAtomically(path, stream => WriteTo(stream, format, result, baseDirectory));
        }

        public static void WriteTo(Stream stream, ReportFormat format, GateResult result, string? baseDirectory)
        {
            switch (format)
            {
                case ReportFormat.Sarif: SarifReport.Write(stream, result, baseDirectory); break;
                case ReportFormat.JUnit: JUnitReport.Write(stream, result); break;
                case ReportFormat.Json: JsonReport.Write(stream, result); break;
                case ReportFormat.Markdown:
                    var bytes = new UTF8Encoding(false).GetBytes(MarkdownReport.ToMarkdown(result));
                    stream.Write(bytes, 0, bytes.Length);
                    break;
                default: throw new ArgumentOutOfRangeException(nameof(format));
            }
        }

        /// <summary>Appends Markdown to a file (GitHub's GITHUB_STEP_SUMMARY is appended to, never replaced), UTF-8 without BOM.</summary>
        public static void AppendText(string path, string text)
        {
            using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                var bytes = new UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
            }
        }

        public static void WriteAtomically(string path, Action<Stream> write)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory ?? ".", "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                }
                if (File.Exists(path)) File.Replace(temp, path, null);
                else File.Move(temp, path);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
