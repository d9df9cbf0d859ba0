using System;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>The repository's PowerShell scripts parse. (Get-Help is tested in real pwsh: tests/Module/Help.Tests.ps1.)</summary>
    public class ScriptParseTests
    {
        public static TheoryData<string> Scripts()
        {
            var data = new TheoryData<string> { "build.ps1" };
            foreach (var script in Directory.GetFiles(Path.Combine(ModuleHost.RepoRoot, "examples"), "*.ps1"))
            {
                data.Add(Path.GetRelativePath(ModuleHost.RepoRoot, script));
            }
            return data;
        }

        [Theory]
        [MemberData(nameof(Scripts))]
        public void Scripts_parse_without_errors(string relativePath)
        {
            Parser.ParseFile(Path.Combine(ModuleHost.RepoRoot, relativePath), out _, out var errors);
            Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(e => $"{relativePath}:{e.Extent.StartLineNumber}: {e.Message}")));
        }
    }
}
