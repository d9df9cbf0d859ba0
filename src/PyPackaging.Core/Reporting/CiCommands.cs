using System.Collections.Generic;
using System.Text;

namespace PyPackaging.Reporting
{
    /// <summary>
    /// GitHub Actions workflow commands (docs.github.com, "Workflow commands for GitHub Actions"). The runner
    /// percent-decodes %25, %0D and %0A in the message, and additionally %3A and %2C in property values, so those
    /// characters are encoded here and every annotation stays one physical line.
    /// </summary>
    public static class GitHubCommands
    {
        public static string EscapeData(string value) => value
            .Replace("%", "%25")
            .Replace("\r", "%0D")
            .Replace("\n", "%0A");

        public static string EscapeProperty(string value) => EscapeData(value)
            .Replace(":", "%3A")
            .Replace(",", "%2C");

        /// <summary>::error file=…,title=…::message (or ::warning / ::notice); properties without a value are left out.</summary>
        public static string Annotation(string command, string? file, string? title, string message)
        {
            var sb = new StringBuilder("::").Append(command);
            var properties = new List<string>(2);
            if (!string.IsNullOrEmpty(file)) properties.Add("file=" + EscapeProperty(file!));
            if (!string.IsNullOrEmpty(title)) properties.Add("title=" + EscapeProperty(title!));
            if (properties.Count > 0) sb.Append(' ').Append(string.Join(",", properties));
            return sb.Append("::").Append(EscapeData(message)).ToString();
        }
    }

    /// <summary>
    /// Azure Pipelines logging commands (learn.microsoft.com, "Logging commands"), escaped the way
    /// azure-pipelines-task-lib escapes them: %AZP25, %0D and %0A in the message; additionally %5D and %3B in
    /// property values, where ']' would end the command and ';' the property. The agent decodes %AZP25 by default
    /// since March 2021 (job variable DECODE_PERCENTS); a plain %25 would be shown as is.
    /// </summary>
    public static class AzureCommands
    {
        public static string EscapeData(string value) => value
            .Replace("%", "%AZP25")
            .Replace("\r", "%0D")
            .Replace("\n", "%0A");

        public static string EscapeProperty(string value) => EscapeData(value)
            .Replace("]", "%5D")
            .Replace(";", "%3B");

        /// <summary>##vso[task.logissue type=error;sourcepath=…;code=…;]message</summary>
        public static string LogIssue(string type, string? sourcePath, string? code, string message)
        {
            var sb = new StringBuilder("##vso[task.logissue type=").Append(type).Append(';');
            if (!string.IsNullOrEmpty(sourcePath)) sb.Append("sourcepath=").Append(EscapeProperty(sourcePath!)).Append(';');
            if (!string.IsNullOrEmpty(code)) sb.Append("code=").Append(EscapeProperty(code!)).Append(';');
            return sb.Append(']').Append(EscapeData(message)).ToString();
        }

        /// <summary>##vso[task.complete result=Failed;]message: fails the task whatever the script's exit code.</summary>
        public static string TaskComplete(string result, string message) =>
            "##vso[task.complete result=" + result + ";]" + EscapeData(message);

        /// <summary>##vso[task.uploadsummary]path: attaches a Markdown file to the run's summary page.</summary>
        public static string UploadSummary(string path) => "##vso[task.uploadsummary]" + EscapeData(path);
    }
}
