# Dot-sourced by every *.Tests.ps1 in BeforeAll: imports the staged module (never the source tree) and gives
# the helpers the tests share. Invoke-ModuleTests.ps1 sets the two environment variables.
$script:RepoRoot = $env:PYPACKAGING_REPO_ROOT
if (-not $script:RepoRoot) { $script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath }
$script:ModulePath = $env:PYPACKAGING_MODULE_PATH
if (-not $script:ModulePath) {
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $script:RepoRoot 'PyPackaging.psd1')).ModuleVersion
    $script:ModulePath = Join-Path $script:RepoRoot "out/PyPackaging/$version/PyPackaging.psd1"
}
$script:ExampleSdists = Join-Path $script:RepoRoot 'examples/sdists'
$script:CleanSdist = Join-Path $script:ExampleSdists 'demo_pkg-1.0.0.tar.gz'
$script:LeakySdist = Join-Path $script:ExampleSdists 'leaky_pkg-1.0.0.tar.gz'
Import-Module $script:ModulePath -Force -ErrorAction Stop

# Runs a script in a fresh child PowerShell (same PowerShell as this one; works when pwsh runs as a .NET tool)
# and returns its output lines and exit code. -Environment adds variables for the child only.
function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = (Get-Location).ProviderPath
    )
    $process = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $info = [System.Diagnostics.ProcessStartInfo]::new($process)
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { $info.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $Script) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $info.WorkingDirectory = $WorkingDirectory
    $info.Environment['PYPACKAGING_MODULE_PATH'] = $script:ModulePath
    $info.Environment['NO_COLOR'] = '1'   # plain error text: no ANSI escapes in assertions or in the JUnit report
    foreach ($key in $Environment.Keys) { $info.Environment[$key] = [string]$Environment[$key] }
    $child = [System.Diagnostics.Process]::Start($info)
    $stderrTask = $child.StandardError.ReadToEndAsync()
    $stdout = $child.StandardOutput.ReadToEnd()
    $child.WaitForExit()
    [pscustomobject]@{
        ExitCode = $child.ExitCode
        Output   = @($stdout -split '\r?\n' | Where-Object { $_ -ne '' })
        Error    = $stderrTask.Result
    }
}
