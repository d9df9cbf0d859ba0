#
# Module manifest for PyPackaging. This file is the single source of the module version:
# the C# projects read ModuleVersion from here (Directory.Build.props) and build.ps1 stages
# the module into out/PyPackaging/<ModuleVersion>/.
#
@{
    RootModule           = 'PyPackaging.dll'
    # The output types, loaded into the default context before the module so scripts can name them.
    RequiredAssemblies   = @('PyPackaging.Model.dll')
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '5c1f6f0e-8a2b-4d47-9a53-3f1f7d2b8e61'
    Author               = 'PyPackaging developers'
    CompanyName          = 'PyPackaging'
    Copyright            = '(c) PyPackaging developers. MIT License.'
    Description          = 'Builds, checks and safely unpacks Python source distributions (sdists): Build-PySdist, Test-PySdist, Expand-PySdistSafely; Assert-PySdist gates CI steps with annotations, a job summary, SARIF and JUnit.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport      = @('Test-PySdist', 'Assert-PySdist', 'Export-PySdistReport', 'Get-PySdistRule', 'Expand-PySdistSafely', 'Build-PySdist', 'Compare-PySdist')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    FormatsToProcess     = @('PyPackaging.Format.ps1xml')
    # Every file of the staged module (out/PyPackaging/<version>/); tests/Module/Manifest.Tests.ps1 compares.
    FileList             = @(
        'PyPackaging.psd1', 'PyPackaging.dll', 'PyPackaging.Model.dll', 'PyPackaging.Format.ps1xml', 'LICENSE', 'ThirdPartyNotices.txt',
        'en-US/PyPackaging.dll-Help.xml', 'en-US/about_PyPackaging.help.txt',
        'lib/net8.0/PyPackaging.Core.dll', 'lib/net8.0/Tomlyn.dll', 'lib/net8.0/ICSharpCode.SharpZipLib.dll',
        'lib/net10.0/linux-x64/PyPackaging.Core.dll', 'lib/net10.0/linux-x64/Tomlyn.dll', 'lib/net10.0/linux-x64/ICSharpCode.SharpZipLib.dll',
        'lib/net10.0/win-x64/PyPackaging.Core.dll', 'lib/net10.0/win-x64/Tomlyn.dll', 'lib/net10.0/win-x64/ICSharpCode.SharpZipLib.dll',
        'lib/net10.0/osx-arm64/PyPackaging.Core.dll', 'lib/net10.0/osx-arm64/Tomlyn.dll', 'lib/net10.0/osx-arm64/ICSharpCode.SharpZipLib.dll',
        'lib/netstandard2.0/PyPackaging.Core.dll', 'lib/netstandard2.0/Tomlyn.dll', 'lib/netstandard2.0/ICSharpCode.SharpZipLib.dll',
        'lib/netstandard2.0/Microsoft.Bcl.AsyncInterfaces.dll', 'lib/netstandard2.0/System.Buffers.dll',
        'lib/netstandard2.0/System.Collections.Immutable.dll', 'lib/netstandard2.0/System.IO.Pipelines.dll',
        'lib/netstandard2.0/System.Memory.dll', 'lib/netstandard2.0/System.Numerics.Vectors.dll',
        'lib/netstandard2.0/System.Runtime.CompilerServices.Unsafe.dll', 'lib/netstandard2.0/System.Text.Encodings.Web.dll',
        'lib/netstandard2.0/System.Text.Json.dll', 'lib/netstandard2.0/System.Threading.Tasks.Extensions.dll'
    )
    # No HelpInfoUri: the help ships inside the module and changes with each release (no updatable help is published).
    PrivateData          = @{
        PSData = @{
            Tags         = @('Python', 'sdist', 'packaging', 'PEP625', 'PEP721', 'security', 'CI',
                             'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/pypackaging/PyPackaging'
            LicenseUri   = 'https://github.com/pypackaging/PyPackaging/blob/main/LICENSE'
            ReleaseNotes = @'
0.1.0
- Test-PySdist: every structural, metadata, safety and hygiene problem of an sdist, one object per member; -Quiet
  writes one Boolean for the whole call ($false when any archive fails, cannot be read, or none matched).
- Get-PySdistRule: the rule catalogue. -Id, -IncludeRule and -ExcludeRule patterns that match no rule are
  RuleNotFound errors.
- Expand-PySdistSafely: all-or-nothing extraction; a refused archive is a non-terminating error and the next
  archive is still expanded.
- Build-PySdist: reproducible sdists from static [project] metadata, never packing venvs, caches or VCS data;
  the Archive entry says which tracked files the sdist lacks and which members git does not track.
- Compare-PySdist: an existing sdist against the files git tracks in a project directory (check-sdist's question).
- Assert-PySdist: the CI gate for GitHub Actions and Azure Pipelines: an annotation per Error and Warning finding,
  one line per archive, a Markdown job summary, SARIF and JUnit files, and a failed step (exit code, task.complete)
  when an sdist has an Error finding, none matched or one cannot be read.
- Export-PySdistReport: SARIF 2.1.0, JUnit XML, Markdown or JSON from the entries on the pipeline.
- Output types in PyPackaging.Model.dll ([PyPackaging.PySdistEntry], -is, completion after a pipe); the Archive
  entry carries the archive's verdict (Severity, ErrorCount, WarningCount, InformationCount); enums serialise as
  names; default views fit 80 columns.
- Help: Get-Help about_PyPackaging, Get-Help <cmdlet> -Online.
'@
        }
    }
}
