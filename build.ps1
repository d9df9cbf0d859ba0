<#
.SYNOPSIS
    Builds, stages, tests and demonstrates the PyPackaging module.

.DESCRIPTION
    Restores and builds the solution (Release by default). Building src/PyPackaging stages the module into
    out/PyPackaging/<ModuleVersion>/ (manifest, PyPackaging.dll, format file, help, licences, and the two
    PyPackaging.Core builds with their dependencies under lib/net8.0 and lib/netstandard2.0).
    The version lives only in PyPackaging.psd1.

.PARAMETER Configuration
    Release (default) or Debug.

.PARAMETER Test
    Also run every test project (the same command CI runs).

.PARAMETER Example
    Also run the bundled example end to end: Test-PySdist on examples/sdists in a child pwsh.

.PARAMETER Clean
    Remove out/ and the bin/obj folders first.

.EXAMPLE
    ./build.ps1 -Example

.EXAMPLE
    ./build.ps1 -Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    [switch] $Example,
    [switch] $Clean
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = $PSScriptRoot
$solution = Join-Path $root 'PyPackaging.sln'
$version = (Import-PowerShellDataFile -LiteralPath (Join-Path $root 'PyPackaging.psd1')).ModuleVersion
$staged = Join-Path $root "out/PyPackaging/$version"

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

if ($Clean) {
    $generated = @(Get-ChildItem -Path (Join-Path $root 'src'), (Join-Path $root 'tests') -Directory -Recurse -Include bin, obj |
        ForEach-Object FullName)
    foreach ($dir in @(Join-Path $root 'out') + $generated) {
        if (Test-Path -LiteralPath $dir) { Remove-Item -LiteralPath $dir -Recurse -Force }
    }
}

Invoke-Dotnet restore $solution
Invoke-Dotnet build $solution -c $Configuration --no-restore
Write-Host "Staged PyPackaging $version at $staged"

if ($Test) {
    Invoke-Dotnet test $solution -c $Configuration --no-build
}

if ($Example) {
    $pwsh = (Get-Process -Id $PID).Path
    & $pwsh -NoProfile -File (Join-Path $root 'examples/Test-ExampleSdists.ps1') -ModulePath (Join-Path $staged 'PyPackaging.psd1')
    if ($LASTEXITCODE) { throw "The example failed with exit code $LASTEXITCODE." }
}
