# The ReadyToRun images under lib/net10.0/<rid>/, as a user's fresh pwsh meets them: which folder Core is bound from,
# and whether the runtime really runs the precompiled code (an image the runtime refuses, say one compiled for
# another .NET major version, still loads and works, only as slowly as plain IL: the JIT count is what tells).
# And the warm-up the import starts on a background thread (PYPACKAGING_WARMUP=0 turns it off).
BeforeDiscovery {
    # The images this suite can run: linux-x64 on .NET 10 (win-x64 and osx-arm64 are cross-compiled, not run here).
    $ImagesApply = $IsLinux -and [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'X64' -and
        [Environment]::Version.Major -eq 10 -and -not (Test-Path -LiteralPath '/lib/ld-musl-x86_64.so.1')
}

BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:Staged = Split-Path $ModulePath
    # What the child prints: where Core came from, and how many methods the JIT compiled during the first call, on the
    # pipeline thread (-ThrottleLimit 1 keeps the work there): other threads of a starting pwsh compile PowerShell's
    # own code at the same time, and tiered compilation re-compiles hot methods in the background, both at random.
    $script:Probe = @'
Import-Module $env:PYPACKAGING_MODULE_PATH -ErrorAction Stop
$before = [System.Runtime.JitInfo]::GetCompiledMethodCount($true)
$entries = @(Test-PySdist -LiteralPath $env:PYPACKAGING_PROBE_SDIST -ThrottleLimit 1)
$after = [System.Runtime.JitInfo]::GetCompiledMethodCount($true)
$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PyPackaging.Core' }
'core=' + $core.Location
'jitted=' + ($after - $before)
'entries=' + $entries.Count
'@
    # Runs a probe script in a child pwsh and returns the name=value lines it printed, as a hashtable.
    function Invoke-ProbeScript([string] $Script, [hashtable] $Environment) {
        $result = Invoke-ChildPwsh -Script $Script -Environment $Environment
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $fields = @{}
        foreach ($line in $result.Output) { $name, $value = $line -split '=', 2; $fields[$name] = $value }
        $fields
    }

    function Invoke-Probe([hashtable] $Environment = @{}, [string] $Module = $ModulePath) {
        # Without the background warm-up: it prepares code on another thread at import, so what the first call still
        # compiles on the pipeline thread would depend on how far it got.
        $environment = @{ PYPACKAGING_PROBE_SDIST = $CleanSdist; PYPACKAGING_WARMUP = '0' } + $Environment
        $saved = $script:ModulePath
        try {
            $script:ModulePath = $Module
            $fields = Invoke-ProbeScript -Script $Probe -Environment $environment
        }
        finally { $script:ModulePath = $saved }
        [pscustomobject]@{ Core = $fields.core; Jitted = [int]$fields.jitted; Entries = [int]$fields.entries }
    }
}

Describe 'ReadyToRun images' {
    It 'a fresh pwsh on .NET 10 binds Core from lib/net10.0/linux-x64 and runs its precompiled code' -Skip:(-not $ImagesApply) {
        $precompiled = Invoke-Probe
        $plain = Invoke-Probe -Environment @{ PYPACKAGING_READYTORUN = '0' }
        $precompiled.Core | Should -Be (Join-Path $Staged 'lib/net10.0/linux-x64/PyPackaging.Core.dll')
        $plain.Core | Should -Be (Join-Path $Staged 'lib/net8.0/PyPackaging.Core.dll')
        $precompiled.Entries | Should -Be $plain.Entries
        # Measured: 213 methods JIT-compiled against 973, the same in every run (generic instantiations over the
        # framework's collections, the cmdlet assembly and PowerShell's own code remain). Images the runtime refused
        # would JIT as many as the plain IL.
        $precompiled.Jitted | Should -BeLessThan ($plain.Jitted / 2)
    }

    It 'without images for this runtime (a module staged with -p:ReadyToRun=false), the plain IL in lib/net8.0 serves' {
        $copy = Join-Path ([System.IO.Path]::GetTempPath()) ('pypackaging-r2r-' + [guid]::NewGuid().ToString('N'))
        try {
            Copy-Item -LiteralPath $Staged -Destination $copy -Recurse
            Remove-Item -LiteralPath (Join-Path $copy 'lib/net10.0') -Recurse -Force
            $probe = Invoke-Probe -Module (Join-Path $copy 'PyPackaging.psd1')
            $probe.Core | Should -Be (Join-Path $copy 'lib/net8.0/PyPackaging.Core.dll')
            $probe.Entries | Should -BeGreaterThan 1
        }
        finally {
            if (Test-Path -LiteralPath $copy) { Remove-Item -LiteralPath $copy -Recurse -Force }
        }
    }
}

Describe 'The warm-up at import' {
    BeforeAll {
        # Whether Core is loaded right after the import (polled for up to 10 s: the warm-up thread loads it, nothing
        # else does before a command runs), then the first command's entries as JSON, to compare with and without.
        $script:WarmupProbe = @'
Import-Module $env:PYPACKAGING_MODULE_PATH -ErrorAction Stop
function Test-CoreLoaded { [bool]([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PyPackaging.Core' }) }
$watch = [Diagnostics.Stopwatch]::StartNew()
while (-not (Test-CoreLoaded) -and $watch.Elapsed.TotalSeconds -lt [double]$env:PYPACKAGING_PROBE_WAIT) { Start-Sleep -Milliseconds 20 }
'loaded=' + (Test-CoreLoaded)
'entries=' + (Test-PySdist -LiteralPath $env:PYPACKAGING_PROBE_SDIST | ConvertTo-Json -Depth 5 -Compress)
'@
        function Invoke-WarmupProbe([hashtable] $Environment) {
            $fields = Invoke-ProbeScript -Script $WarmupProbe -Environment (@{ PYPACKAGING_PROBE_SDIST = $LeakySdist } + $Environment)
            [pscustomobject]@{ Loaded = $fields.loaded; Entries = $fields.entries }
        }
    }

    It 'prepares Core on a background thread right after Import-Module, and the first command gives the same entries as without it' -Skip:([Environment]::ProcessorCount -lt 2) {
        $warm = Invoke-WarmupProbe @{ PYPACKAGING_PROBE_WAIT = '10' }
        $cold = Invoke-WarmupProbe @{ PYPACKAGING_PROBE_WAIT = '0.5'; PYPACKAGING_WARMUP = '0' }
        $warm.Loaded | Should -Be 'True'
        $cold.Loaded | Should -Be 'False' -Because 'without the warm-up nothing loads Core before a command runs'
        $warm.Entries | Should -Not -BeNullOrEmpty
        $warm.Entries | Should -Be $cold.Entries
    }
}
