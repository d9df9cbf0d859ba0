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
    Also run every test: the xunit projects (dotnet test) and the Pester suite in tests/Module against the staged
    module, in a child pwsh. Prints one closing line with the totals of both and fails when either fails.

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

# The command line that starts a child PowerShell like the one running this script: the host process itself
# (pwsh apphost, powershell.exe) — except when pwsh runs as a .NET tool, where the process is `dotnet` and the
# child must be `dotnet <PSHOME>/pwsh.dll`. (Get-Process -Id $PID).Path alone would start `dotnet -NoProfile …`.
function Get-ChildPowerShell {
    $process = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return , @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return , @($process)
}

function Invoke-ChildPowerShell {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    $command = Get-ChildPowerShell
    $exe = $command[0]
    $prefix = @($command | Select-Object -Skip 1)
    & $exe @prefix -NoProfile @Arguments
}

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
    # xunit first (core and hosted-engine tests), then Pester against the staged module; both always run.
    $xunitLog = [System.IO.Path]::GetTempFileName()
    try {
        & dotnet test $solution -c $Configuration --no-build 2>&1 | Tee-Object -FilePath $xunitLog | Out-Host
        $xunitExit = $LASTEXITCODE
        $xunitPassed = 0; $xunitFailed = 0
        foreach ($line in Get-Content -LiteralPath $xunitLog) {
            if ($line -match 'Failed:\s+(\d+),\s+Passed:\s+(\d+)') {
                $xunitFailed += [int]$Matches[1]; $xunitPassed += [int]$Matches[2]
            }
        }
    }
    finally {
        Remove-Item -LiteralPath $xunitLog -ErrorAction SilentlyContinue
    }

    $summary = Join-Path ([System.IO.Path]::GetTempPath()) ("pypackaging-pester-{0}.json" -f [guid]::NewGuid())
    try {
        Invoke-ChildPowerShell -File (Join-Path $root 'tests/Module/Invoke-ModuleTests.ps1') -ModulePath (Join-Path $staged 'PyPackaging.psd1') -SummaryPath $summary | Out-Host
        $pesterExit = $LASTEXITCODE
        $pester = if (Test-Path -LiteralPath $summary) { Get-Content -LiteralPath $summary -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1 } }
    }
    finally {
        Remove-Item -LiteralPath $summary -ErrorAction SilentlyContinue
    }

    Write-Host "xunit: $xunitPassed passed, $xunitFailed failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Host ("{0} passed, {1} failed" -f ($xunitPassed + $pester.Passed), ($xunitFailed + $pester.Failed))
    if ($xunitExit -ne 0 -or $pesterExit -ne 0) {
        throw "Tests failed (dotnet test exit code $xunitExit, Pester exit code $pesterExit)."
    }
}

if ($Example) {
    Invoke-ChildPowerShell -File (Join-Path $root 'examples/Test-ExampleSdists.ps1') -ModulePath (Join-Path $staged 'PyPackaging.psd1')
    if ($LASTEXITCODE) { throw "The example failed with exit code $LASTEXITCODE." }
}
