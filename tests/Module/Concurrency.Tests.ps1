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
