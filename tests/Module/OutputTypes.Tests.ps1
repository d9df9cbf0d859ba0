# The output types live in PyPackaging.Model.dll, loaded into the default load context: scripts can name them.
BeforeAll {
    . $PSScriptRoot/Common.ps1
}

Describe 'Output types' {
    It 'type literals resolve, to the model assembly beside PyPackaging.dll' {
        $model = Join-Path (Split-Path $ModulePath) 'PyPackaging.Model.dll'
        foreach ($type in [PyPackaging.PySdistEntry], [PyPackaging.PySdistFinding], [PyPackaging.PySdistRule], [PyPackaging.PySdistFindingList],
            [PyPackaging.PySdistSeverity], [PyPackaging.PySdistEntryType], [PyPackaging.PySdistEntryAction], [PyPackaging.PySdistRuleCategory]) {
            $type.Assembly.Location | Should -Be $model -Because "$type must come from the shipped model"
        }
        [PyPackaging.PySdistSeverity]::Error | Should -BeGreaterThan ([PyPackaging.PySdistSeverity]::Warning)
    }

    It 'Test-PySdist entries and their findings pass -is checks and typed parameters' {
        $entries = Test-PySdist $LeakySdist
        $entries | ForEach-Object { $_ -is [PyPackaging.PySdistEntry] | Should -BeTrue }
        $findings = $entries | ForEach-Object Findings
        $findings | Should -Not -BeNullOrEmpty
        $findings | ForEach-Object { $_ -is [PyPackaging.PySdistFinding] | Should -BeTrue }
        $findings[0].Severity -is [PyPackaging.PySdistSeverity] | Should -BeTrue

        function Get-ArchiveEntry([PyPackaging.PySdistEntry[]] $Entry) { $Entry | Where-Object EntryType -eq ([PyPackaging.PySdistEntryType]::Archive) }
        (Get-ArchiveEntry -Entry $entries).Path | Should -Be (Split-Path $LeakySdist -Leaf)
    }

    It 'Expand-PySdistSafely and Get-PySdistRule write the same model types' {
        $out = Join-Path $TestDrive 'expand-types'
        $expanded = Expand-PySdistSafely $CleanSdist -DestinationPath $out
        $expanded | ForEach-Object { $_ -is [PyPackaging.PySdistEntry] | Should -BeTrue }
        $expanded[0].PSObject.TypeNames | Should -Contain 'PyPackaging.PySdistEntry#Action'
        Get-PySdistRule | ForEach-Object { $_ -is [PyPackaging.PySdistRule] | Should -BeTrue }
    }

    It 'importing PyPackaging.dll itself (no manifest) binds Core to the same default-context model' {
        $dll = Join-Path (Split-Path $ModulePath) 'PyPackaging.dll'
        $run = Invoke-ChildPwsh -Script "Import-Module '$dll' -ErrorAction Stop; `$e = @(Test-PySdist '$CleanSdist'); `$e[0] -is [PyPackaging.PySdistEntry]; [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$e[0].GetType().Assembly).Name"
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Be @('True', 'Default')
    }

    It 'every cmdlet declares its output type by a resolvable type' {
        foreach ($name in 'Test-PySdist', 'Expand-PySdistSafely', 'Build-PySdist') {
            (Get-Command $name).OutputType.Type | Should -Contain ([PyPackaging.PySdistEntry]) -Because "$name writes entries"
        }
        (Get-Command Test-PySdist).OutputType.Type | Should -Contain ([bool])
        (Get-Command Get-PySdistRule).OutputType.Type | Should -Contain ([PyPackaging.PySdistRule])
    }
}
