<#
.SYNOPSIS
    Runs Test-PySdist on the bundled example sdists and shows what it finds.

.DESCRIPTION
    examples/sdists/demo_pkg-1.0.0.tar.gz is a clean sdist. examples/sdists/leaky_pkg-1.0.0.tar.gz reproduces
    uv#14897: the build backend packed a virtual environment (venv/bin/python -> /usr/local/bin/python3), a uv
    cache with CACHEDIR.TAG and a __pycache__ directory. pip and uv >= 0.8.1 refuse to install it.

    Uses only Microsoft.PowerShell.Core commands, so the test suite can run it in a hosted engine too.

.PARAMETER ModulePath
    The module to import: a staged manifest (default: the one build.ps1 stages) or a module name.

.EXAMPLE
    ./examples/Test-ExampleSdists.ps1
#>
[CmdletBinding()]
param(
    [string] $ModulePath
)

if (-not $ModulePath) {
    $version = (Import-PowerShellDataFile -LiteralPath ([System.IO.Path]::Combine($PSScriptRoot, '..', 'PyPackaging.psd1'))).ModuleVersion
    $ModulePath = [System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'PyPackaging', $version, 'PyPackaging.psd1')
}
Import-Module $ModulePath -ErrorAction Stop

$sdists = [System.IO.Path]::Combine($PSScriptRoot, 'sdists')

# The clean sdist passes: -Quiet gives one $true/$false for the whole call ($true = every archive read, no Error finding).
$clean = Test-PySdist -LiteralPath ([System.IO.Path]::Combine($sdists, 'demo_pkg-1.0.0.tar.gz')) -Quiet
"demo_pkg-1.0.0.tar.gz passes: $clean"

# The leaky sdist: every member that has an Error finding, with the message and the fix.
$errors = Test-PySdist -LiteralPath ([System.IO.Path]::Combine($sdists, 'leaky_pkg-1.0.0.tar.gz')) |
    Where-Object { $_.Findings.Severity -contains 'Error' }
foreach ($entry in $errors) {
    foreach ($finding in $entry.Findings) {
        if ($finding.Severity -eq 'Error') {
            "[$($finding.RuleId)] $($finding.Message)"
            "    fix: $($finding.Remedy)"
        }
    }
}
