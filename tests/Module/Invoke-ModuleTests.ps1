<#
.SYNOPSIS
    Runs the Pester suite (tests/Module/*.Tests.ps1) against the staged PyPackaging module.

.DESCRIPTION
    Restores Pester 5.7.1 from NuGet (PesterRestore.csproj: a PackageDownload, nothing installed by hand),
    imports it, and runs every *.Tests.ps1 file under this folder in this process. The tests import the module
    from -ModulePath (the staged manifest that build.ps1 produces), never from the source tree.
    Writes JUnit results to TestResults/pester.xml and, with -SummaryPath, a JSON file with the counts.
    Exits 1 when a test failed or no test ran.

.PARAMETER ModulePath
    The staged module manifest (default: out/PyPackaging/<ModuleVersion>/PyPackaging.psd1).

.PARAMETER Path
    Test files or folders to run (default: this folder).

.PARAMETER SummaryPath
    Where to write {"Passed":n,"Failed":n,"Skipped":n} for build.ps1's closing line.

.EXAMPLE
    dotnet pwsh ./tests/Module/Invoke-ModuleTests.ps1 -Path ./tests/Module/Views.Tests.ps1
#>
[CmdletBinding()]
param(
    [string] $ModulePath,
    [string[]] $Path = @($PSScriptRoot),
    [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
if (-not $ModulePath) {
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $root 'PyPackaging.psd1')).ModuleVersion
    $ModulePath = Join-Path $root "out/PyPackaging/$version/PyPackaging.psd1"
}
if (-not (Test-Path -LiteralPath $ModulePath)) {
    throw "No staged module at $ModulePath. Run ./build.ps1 first."
}

# Pester from NuGet: restore the PackageDownload and find the package folder the restore used.
$restoreProject = Join-Path $PSScriptRoot 'PesterRestore.csproj'
& dotnet restore $restoreProject --verbosity quiet
if ($LASTEXITCODE -ne 0) { throw "dotnet restore $restoreProject failed with exit code $LASTEXITCODE." }
$assets = Get-Content -LiteralPath (Join-Path $PSScriptRoot 'obj/project.assets.json') -Raw | ConvertFrom-Json
$pester = $null
foreach ($folder in $assets.packageFolders.PSObject.Properties.Name) {
    $candidate = Join-Path $folder 'pester/5.7.1/tools/Pester.psd1'
    if (Test-Path -LiteralPath $candidate) { $pester = $candidate; break }
}
if (-not $pester) { throw 'Pester 5.7.1 was restored but its module (tools/Pester.psd1) was not found in the package folders.' }
Import-Module $pester -Force

# The tests read these: the staged module and the repository root.
$env:PYPACKAGING_MODULE_PATH = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$env:PYPACKAGING_REPO_ROOT = $root

$resultsDir = Join-Path $root 'TestResults'
$null = New-Item -ItemType Directory -Force -Path $resultsDir

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'JUnitXml'
$configuration.TestResult.OutputPath = Join-Path $resultsDir 'pester.xml'
$result = Invoke-Pester -Configuration $configuration

$counts = [ordered]@{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount; Skipped = $result.SkippedCount }
if ($SummaryPath) { $counts | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath }
"Pester: {0} passed, {1} failed, {2} skipped" -f $counts.Passed, $counts.Failed, $counts.Skipped
if ($counts.Failed -gt 0 -or $counts.Passed -eq 0) { exit 1 }
exit 0
