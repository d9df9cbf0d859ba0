using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>Get-Help content for every cmdlet, and the repository's PowerShell scripts.</summary>
    public class HelpAndScriptTests
    {
        private static readonly string[] CommonParameters =
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
            "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        };

        public static TheoryData<string> Cmdlets() => new TheoryData<string> { "Test-PySdist", "Assert-PySdist", "Export-PySdistReport", "Get-PySdistRule", "Expand-PySdistSafely", "Build-PySdist" };

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_cmdlet_has_help_with_synopsis_description_examples_and_every_parameter(string cmdlet)
        {
            var (output, ps) = ModuleHost.Run($"Get-Help -Name {cmdlet} -Full");
            Assert.Empty(ps.Streams.Error);
            var help = output.Single();
            var synopsis = help.Properties["Synopsis"].Value?.ToString() ?? "";
            Assert.False(string.IsNullOrWhiteSpace(synopsis));
            Assert.DoesNotContain(cmdlet + " [", synopsis); // the auto-generated synopsis is the syntax line: MAML was not found

            var examples = ((PSObject)help.Properties["examples"].Value).Properties["example"].Value;
            var exampleCount = examples is object[] many ? many.Length : 1;
            Assert.True(exampleCount >= 3, $"{cmdlet} has {exampleCount} examples; want at least 3");

            var (described, ps1) = ModuleHost.Run(
                $"(Get-Help -Name {cmdlet} -Full).parameters.parameter | ForEach-Object {{ $_.name + '|' + (($_.description | ForEach-Object Text) -join ' ') }}");
            Assert.Empty(ps1.Streams.Error);
            var documentedNames = described.Select(d => d.ToString().Split('|', 2))
                .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.OrdinalIgnoreCase);

            var (parameters, ps2) = ModuleHost.Run($"(Get-Command -Name {cmdlet}).Parameters.Keys");
            Assert.Empty(ps2.Streams.Error);
            foreach (var name in parameters.Select(p => p.ToString()).Where(n => !CommonParameters.Contains(n)))
            {
                Assert.True(documentedNames.ContainsKey(name), $"{cmdlet} -{name} is not documented in the MAML help");
                Assert.False(string.IsNullOrWhiteSpace(documentedNames[name]), $"{cmdlet} -{name} has an empty description");
            }
            foreach (var name in documentedNames.Keys)
            {
                Assert.True(parameters.Any(p => string.Equals(p.ToString(), name, StringComparison.OrdinalIgnoreCase)), $"the help of {cmdlet} documents -{name}, which the cmdlet does not have");
            }
        }

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
