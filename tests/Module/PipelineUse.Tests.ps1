# What scripts do with the output: filter, pick, group and sort entries and findings by their typed properties.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:entries = @(Get-ChildItem -LiteralPath $ExampleSdists -Filter *.tar.gz | Sort-Object Name | Test-PySdist)
    $script:leaky = @($entries | Where-Object Archive -eq $LeakySdist)
}

Describe 'Entries in the pipeline' {
    It 'Get-ChildItem | Test-PySdist checks every archive, Archive entry (with the verdict) first for each' {
        $byArchive = $entries | Group-Object Archive
        $byArchive.Name | Should -Be @($CleanSdist, $LeakySdist)
        foreach ($group in $byArchive) {
            $group.Group[0].EntryType | Should -Be 'Archive'
            $worst = $group.Group | ForEach-Object Findings | Sort-Object Severity -Descending | Select-Object -First 1
            $group.Group[0].Severity | Should -Be $(if ($worst) { $worst.Severity } else { 'None' })
        }
    }

    It 'Where-Object on the counts and on the typed severity finds the archive and the members with errors' {
        $withErrors = $leaky | Where-Object ErrorCount -gt 0
        $withErrors[0].EntryType | Should -Be 'Archive'
        $withErrors.Path | Should -Contain 'leaky_pkg-1.0.0/venv/bin/python'
        $atLeastWarning = $leaky | Where-Object Severity -ge ([PyPackaging.PySdistSeverity]::Warning)
        $atLeastWarning.Path | Should -Contain 'leaky_pkg-1.0.0/.uv-cache/CACHEDIR.TAG'
        @($entries | Where-Object { $_.EntryType -eq 'Archive' -and $_.Severity -eq 'Error' }).Path | Should -Be @('leaky_pkg-1.0.0.tar.gz')
    }

    It 'Select-Object picks the verdict columns' {
        $row = $leaky | Select-Object Path, Severity, ErrorCount, WarningCount, InformationCount -First 1
        $row.Path | Should -Be 'leaky_pkg-1.0.0.tar.gz'
        $row.Severity | Should -Be 'Error'
        $row.ErrorCount + $row.WarningCount + $row.InformationCount | Should -Be @($leaky | ForEach-Object Findings).Count
    }

    It 'Group-Object and Sort-Object on Severity group by name and order by badness' {
        $groups = $leaky | Where-Object EntryType -ne Archive | Group-Object Severity -NoElement
        $groups.Name | Should -Contain 'Error'
        $groups.Name | Should -Contain 'None'
        ($leaky | Sort-Object Severity -Descending | Select-Object -First 1).Severity | Should -Be 'Error'
        ($leaky | Measure-Object ErrorCount -Sum).Sum | Should -Be (2 * $leaky[0].ErrorCount) -Because 'the members add up to the Archive entry''s total'
    }
}

Describe 'Findings in the pipeline' {
    BeforeAll {
        $script:findings = @($leaky | ForEach-Object Findings)
    }

    It 'ForEach-Object Findings | Where-Object filters by severity and category' {
        $errors = $findings | Where-Object Severity -eq Error
        $errors.Count | Should -Be $leaky[0].ErrorCount
        $errors | ForEach-Object { $_ -is [PyPackaging.PySdistFinding] | Should -BeTrue }
        ($findings | Where-Object Category -eq Safety).RuleId | Should -Contain 'SymlinkAbsolute'
    }

    It 'Group-Object RuleId and Severity count the findings' {
        $byRule = $findings | Group-Object RuleId
        ($byRule | Measure-Object Count -Sum).Sum | Should -Be $findings.Count
        $bySeverity = $findings | Group-Object Severity
        ($bySeverity | Where-Object Name -eq 'Error').Count | Should -Be $leaky[0].ErrorCount
        ($bySeverity | Where-Object Name -eq 'Warning').Count | Should -Be $leaky[0].WarningCount
    }

    It 'Select-Object keeps the member, rule and remedy together' {
        $row = $findings | Where-Object { $_.Path -eq 'leaky_pkg-1.0.0/venv/bin/python' -and $_.RuleId -eq 'SymlinkAbsolute' } | Select-Object Path, RuleId, Severity, Remedy -First 1
        $row.RuleId | Should -Not -BeNullOrEmpty
        $row.Remedy | Should -Not -BeNullOrEmpty
        $row.Severity | Should -Be ([PyPackaging.PySdistSeverity]::Error)
    }
}
