# Test-PySdist reads several archives at once (-ThrottleLimit): the output must be exactly what reading them one
# after another gives, in input order, errors included, and Ctrl+C / an early pipeline end must stop every worker.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    # Twelve archives at distinct paths, clean and leaky alternating, so a mix-up of order shows in the verdicts.
    $script:Many = foreach ($i in 1..12) {
        $source = if ($i % 2) { $CleanSdist } else { $LeakySdist }
        # A directory each: the file name itself must stay a valid PEP 625 name.
        $directory = New-Item -ItemType Directory -Path (Join-Path $TestDrive ('{0:d2}' -f $i))
        $target = Join-Path $directory.FullName (Split-Path -Leaf $source)
        Copy-Item -LiteralPath $source -Destination $target
        $target
    }
    $script:Missing = Join-Path $TestDrive 'missing-1.0.tar.gz'

    # One line per output record (entry, Boolean or error), with everything a script can see on it.
    function ConvertTo-Comparable {
        param([Parameter(ValueFromPipeline)] $Record)
        process {
            if ($Record -is [System.Management.Automation.ErrorRecord]) {
                "error|$($Record.FullyQualifiedErrorId)|$($Record.TargetObject)|$($Record.Exception.Message)"
            }
            else {
                [System.Management.Automation.PSSerializer]::Serialize($Record, 4)
            }
        }
    }
}

Describe 'Test-PySdist -ThrottleLimit' {
    It 'writes the same objects in the same order as -ThrottleLimit 1 (entries)' {
        $sequential = @(Test-PySdist -LiteralPath $Many -ThrottleLimit 1 | ConvertTo-Comparable)
        $sequential.Count | Should -BeGreaterThan 12
        foreach ($limit in 2, 3, 8) {
            $concurrent = @(Test-PySdist -LiteralPath $Many -ThrottleLimit $limit | ConvertTo-Comparable)
            $concurrent.Count | Should -Be $sequential.Count
            for ($i = 0; $i -lt $sequential.Count; $i++) {
                $concurrent[$i] | Should -BeExactly $sequential[$i] -Because "record $i with -ThrottleLimit $limit"
            }
        }
    }

    It 'keeps each archive''s entries together, Archive entry first, in input order' {
        $entries = @(Test-PySdist -LiteralPath $Many -ThrottleLimit 4)
        $archiveEntries = @($entries | Where-Object EntryType -eq 'Archive')
        $archiveEntries.Archive | Should -Be $Many
        $previous = $null
        $seen = [System.Collections.Generic.HashSet[string]]::new()
        foreach ($entry in $entries) {
            if ($entry.Archive -ne $previous) {
                $entry.EntryType | Should -Be 'Archive'
                $seen.Add($entry.Archive) | Should -BeTrue -Because 'an archive''s entries are never interleaved with another''s'
                $previous = $entry.Archive
            }
        }
    }

    It 'gives the same -Quiet answer as sequential reading' {
        $clean = @($Many | Where-Object { $_ -like '*demo_pkg*' })
        Test-PySdist -LiteralPath $clean -Quiet -ThrottleLimit 3 | Should -BeTrue
        Test-PySdist -LiteralPath $Many -Quiet -ThrottleLimit 3 | Should -BeFalse
        Test-PySdist -LiteralPath ($clean + $Missing) -Quiet -ThrottleLimit 3 -ErrorAction SilentlyContinue | Should -BeFalse -Because 'an input error still fails the gate when it was queued behind archives in flight'
    }

    It 'writes input errors where the input was, between the other archives'' results, as sequential reading does' {
        $inputs = @($Many[0], $Missing, $Many[1], $TestDrive, $Many[2])
        # Only the Archive entries and the errors: the order between them is what is under test.
        $sequential = @(Test-PySdist -LiteralPath $inputs -ThrottleLimit 1 -ErrorAction Continue 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -or $_.EntryType -eq 'Archive' } | ConvertTo-Comparable)
        $concurrent = @(Test-PySdist -LiteralPath $inputs -ThrottleLimit 2 -ErrorAction Continue 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -or $_.EntryType -eq 'Archive' } | ConvertTo-Comparable)
        $sequential.Count | Should -Be 5
        $sequential[1] | Should -BeLike 'error|PathNotFound,*'
        $sequential[3] | Should -BeLike 'error|PathIsDirectory,*'
        $concurrent | Should -Be $sequential
    }

    It 'takes pipeline input from Get-ChildItem in the order it arrives' {
        $files = Get-ChildItem -LiteralPath $TestDrive -Filter *.tar.gz -Recurse | Sort-Object FullName -Descending
        $answers = @($files | Test-PySdist -ThrottleLimit 2 | Where-Object EntryType -eq 'Archive')
        $answers.Archive | Should -Be $files.FullName
    }

    It 'stops cleanly when a later command wants no more (Select-Object -First)' {
        $first = @(Test-PySdist -LiteralPath $Many -ThrottleLimit 4 | Where-Object EntryType -eq 'Archive' | Select-Object -First 2)
        $first.Archive | Should -Be $Many[0..1]
    }

    It 'rejects a ThrottleLimit below 1' {
        { Test-PySdist -LiteralPath $Many[0] -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PyPackaging.Commands.TestPySdistCommand'
    }
}

Describe 'Stopping Test-PySdist with several archives in flight' {
    BeforeAll {
        $script:Lots = Join-Path $TestDrive 'lots'
        New-Item -ItemType Directory -Path $Lots | Out-Null
        foreach ($i in 1..400) { Copy-Item -LiteralPath $LeakySdist -Destination (Join-Path $Lots ('{0:d3}-leaky_pkg-1.0.0.tar.gz' -f $i)) }
    }

    It 'Stop() (what Ctrl+C does) ends the call promptly, with part of the output, and no error' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Module, $Dir) Import-Module $Module; Get-ChildItem -LiteralPath $Dir | Test-PySdist -ThrottleLimit 2').AddArgument($ModulePath).AddArgument($Lots)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            while ($output.Count -lt 20 -and -not $handle.IsCompleted -and $clock.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 20 }
            $stopClock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $stopClock.Elapsed.TotalSeconds | Should -BeLessThan 10
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $archives = @($output | Where-Object EntryType -eq 'Archive')
            $archives.Count | Should -BeGreaterThan 0
            $archives.Count | Should -BeLessThan 400
            $ps.Streams.Error.Count | Should -Be 0
        }
        finally { $ps.Dispose() }
    }

    It 'ends its progress with a Completed record' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Module, $Dir) Import-Module $Module; $ProgressPreference = "Continue"; Get-ChildItem -LiteralPath $Dir | Select-Object -First 40 | Test-PySdist -ThrottleLimit 2 | Where-Object EntryType -eq Archive').AddArgument($ModulePath).AddArgument($Lots)
            $answers = @($ps.Invoke())
            $answers.Count | Should -Be 40
            $progress = @($ps.Streams.Progress | Where-Object ActivityId -eq 4711)
            $progress.Count | Should -BeGreaterThan 0
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Expand-PySdistSafely -ThrottleLimit' {
    BeforeAll {
        # Ten distinct sdists (each its own top-level directory), built here, with the leaky example (refused as
        # unsafe) after the third and a missing file after the seventh: every outcome in one run.
        $projects = Join-Path $TestDrive 'projects'
        $script:Dist = Join-Path $TestDrive 'dist'
        $script:Built = foreach ($i in 1..10) {
            $name = 'proj{0:d2}' -f $i
            $project = Join-Path $projects $name
            $null = New-Item -ItemType Directory -Force -Path (Join-Path $project $name)
            Set-Content -LiteralPath (Join-Path $project 'pyproject.toml') -Value @"
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "$name"
version = "1.0"
description = "Archive $i of the concurrency tests"
"@
            Set-Content -LiteralPath (Join-Path $project "$name/__init__.py") -Value ("VALUE = $i`n" + ('# padding' * 50 * $i))
            Build-PySdist -Path $project -OutputDirectory $Dist | Where-Object EntryType -eq Archive | ForEach-Object Archive
        }
        $script:Mixed = @($Built[0..2]) + $LeakySdist + @($Built[3..6]) + $Missing + @($Built[7..9])

        function Get-Tree([string] $Path) {
            if (-not (Test-Path -LiteralPath $Path)) { return @() }
            @(Get-ChildItem -LiteralPath $Path -Recurse -Force | ForEach-Object {
                    $relative = $_.FullName.Substring($Path.Length)
                    if ($_.PSIsContainer) { "$relative/" } else { "$relative $($_.Length) $((Get-FileHash -LiteralPath $_.FullName).Hash)" }
                } | Sort-Object)
        }
        # Every output record and error as text, with the destination root replaced, so two runs into different roots compare.
        function Invoke-Expand([string[]] $Archives, [int] $Limit, [string] $Destination, [switch] $Force) {
            @(Expand-PySdistSafely -LiteralPath $Archives -DestinationPath $Destination -ThrottleLimit $Limit -Force:$Force -ErrorAction Continue 2>&1 |
                    ConvertTo-Comparable | ForEach-Object { $_.Replace($Destination, '<destination>') })
        }
    }

    It 'writes the same records in the same order and the same trees as -ThrottleLimit 1, errors in place' {
        $sequentialRoot = Join-Path $TestDrive 'seq'
        $sequential = Invoke-Expand $Mixed 1 $sequentialRoot
        ($sequential | Where-Object { $_ -like 'error|*' }).Count | Should -Be 2
        foreach ($limit in 2, 4) {
            $root = Join-Path $TestDrive "conc$limit"
            $concurrent = Invoke-Expand $Mixed $limit $root
            $concurrent.Count | Should -Be $sequential.Count
            for ($i = 0; $i -lt $sequential.Count; $i++) {
                $concurrent[$i] | Should -BeExactly $sequential[$i] -Because "record $i with -ThrottleLimit $limit"
            }
            Get-Tree $root | Should -Be (Get-Tree $sequentialRoot)
        }
        $errors = @($sequential | Where-Object { $_ -like 'error|*' })
        $errors[0] | Should -BeLike 'error|UnsafeMembers,*'
        $errors[1] | Should -BeLike 'error|PathNotFound,*'
        (Get-ChildItem -LiteralPath $sequentialRoot).Name | Should -Be @(1..10 | ForEach-Object { 'proj{0:d2}-1.0' -f $_ })
    }

    It 'checks and replaces a target two archives share in input order, as one after another does' {
        # The same two archives three times into one destination: the first of each takes the target, the later ones
        # find it taken (TargetExists) or, with -Force, replace it in turn.
        $inputs = @($Many[0..5])
        foreach ($force in $false, $true) {
            $sequentialRoot = Join-Path $TestDrive "shared-seq-$force"
            $concurrentRoot = Join-Path $TestDrive "shared-conc-$force"
            $sequential = Invoke-Expand $inputs 1 $sequentialRoot -Force:$force
            $concurrent = Invoke-Expand $inputs 4 $concurrentRoot -Force:$force
            $concurrent | Should -Be $sequential
            Get-Tree $concurrentRoot | Should -Be (Get-Tree $sequentialRoot)
            if (-not $force) { @($sequential | Where-Object { $_ -like 'error|TargetExists,*' }).Count | Should -Be 2 }
        }
    }

    It 'with -WhatIf asks on the pipeline thread and writes nothing' {
        $root = Join-Path $TestDrive 'whatif'
        $output = @(Expand-PySdistSafely -LiteralPath $Built -DestinationPath $root -ThrottleLimit 4 -WhatIf)
        $output.Count | Should -Be 0
        Test-Path -LiteralPath $root | Should -BeFalse
    }

    It 'stops cleanly at Select-Object -First, leaving no staging directory behind' {
        $root = Join-Path $TestDrive 'first'
        $first = @(Expand-PySdistSafely -LiteralPath $Built -DestinationPath $root -ThrottleLimit 4 | Where-Object EntryType -eq 'Archive' | Select-Object -First 2)
        $first.Archive | Should -Be $Built[0..1]
        @(Get-ChildItem -LiteralPath $root -Force -Filter '.pypackaging-*').Count | Should -Be 0
        (Get-ChildItem -LiteralPath $root).Name | Should -Be @('proj01-1.0', 'proj02-1.0')
    }

    It 'Stop() (what Ctrl+C does) ends the call promptly, with no error and no staging directory left' {
        $lots = Join-Path $TestDrive 'lots-expand'
        $null = New-Item -ItemType Directory -Path $lots
        $copies = foreach ($i in 1..200) {
            $target = Join-Path $lots ('{0:d3}' -f $i)
            $null = New-Item -ItemType Directory -Path $target
            Copy-Item -LiteralPath $CleanSdist -Destination $target -PassThru | ForEach-Object FullName
        }
        $root = Join-Path $TestDrive 'stopped'
        $ps = [powershell]::Create()
        try {
            # -Force: every copy replaces the one before, so the call has work for every archive.
            $null = $ps.AddScript('param($Module, $Files, $Root) Import-Module $Module; Expand-PySdistSafely -LiteralPath $Files -DestinationPath $Root -Force -ThrottleLimit 2').AddArgument($ModulePath).AddArgument($copies).AddArgument($root)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            while ($output.Count -lt 10 -and -not $handle.IsCompleted -and $clock.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 20 }
            $stopClock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $stopClock.Elapsed.TotalSeconds | Should -BeLessThan 10
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $archives = @($output | Where-Object EntryType -eq 'Archive')
            $archives.Count | Should -BeGreaterThan 0
            $archives.Count | Should -BeLessThan 200
            $ps.Streams.Error.Count | Should -Be 0
            @(Get-ChildItem -LiteralPath $root -Force -Filter '.pypackaging-*').Count | Should -Be 0
            (Get-ChildItem -LiteralPath $root -Force).Name | Should -Be 'demo_pkg-1.0.0'
        }
        finally { $ps.Dispose() }
    }
}
