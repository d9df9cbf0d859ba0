# Entries and findings converted the way scripts and CI reports convert them: ConvertTo-Json at its default depth,
# ConvertTo-Csv and Export-Csv. Enums are written as names, findings as findings.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:entries = @(Test-PySdist $LeakySdist)
    $script:findings = @($entries | ForEach-Object Findings)
    $script:link = $entries | Where-Object Path -eq 'leaky_pkg-1.0.0/venv/bin/python'
}

Describe 'ConvertTo-Json' {
    It 'findings convert at the default depth without a warning, enums as names' {
        $json = $findings | ConvertTo-Json -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        $parsed = $json | ConvertFrom-Json
        $parsed.Count | Should -Be $findings.Count
        $parsed.Severity | Should -Not -Contain 3
        @($parsed | Where-Object Severity -eq 'Error').Count | Should -Be @($findings | Where-Object Severity -eq Error).Count
        $parsed.Category | Should -Contain 'Safety'
        ($parsed | Where-Object RuleId -eq 'VirtualEnvironment').Message | Should -Match 'virtual environment'
    }

    It 'one entry converts at the default depth without a warning, with its findings as objects' {
        $json = ConvertTo-Json -InputObject $link -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        $parsed = $json | ConvertFrom-Json
        $parsed.EntryType | Should -Be 'SymbolicLink'
        $parsed.Severity | Should -Be 'Error'
        $parsed.Action | Should -Be 'None'
        $parsed.ErrorCount | Should -Be $link.ErrorCount
        $parsed.Findings.RuleId | Should -Be @($link.Findings.RuleId)
        $parsed.Findings.Severity | Should -Be @($link.Findings | ForEach-Object { "$($_.Severity)" })
    }

    It 'all entries convert with enums as names, the verdict on the Archive entry and every finding present' {
        $parsed = $entries | ConvertTo-Json -WarningAction SilentlyContinue | ConvertFrom-Json
        $parsed.Count | Should -Be $entries.Count
        $parsed[0].EntryType | Should -Be 'Archive'
        $parsed[0].Severity | Should -Be 'Error'
        $parsed[0].ErrorCount | Should -Be $entries[0].ErrorCount
        $parsed.EntryType | Should -Contain 'SymbolicLink'
        $parsed.Severity | Should -Not -Contain 0
        # At the default depth (2) a finding inside an entry inside the array is written as its text: "Error RuleId: message".
        $linkJson = $parsed | Where-Object Path -eq $link.Path
        @($linkJson.Findings).Count | Should -Be $link.Findings.Count
        $linkJson.Findings[0] | Should -Match ('^' + $link.Findings[0].Severity + ' ' + $link.Findings[0].RuleId + ': ')
    }

    It 'all entries convert with findings as objects at -Depth 3, without a warning' {
        $parsed = $entries | ConvertTo-Json -Depth 3 -WarningVariable warnings | ConvertFrom-Json
        $warnings | Should -BeNullOrEmpty
        $linkJson = $parsed | Where-Object Path -eq $link.Path
        $linkJson.Findings.RuleId | Should -Be @($link.Findings.RuleId)
        $linkJson.Findings.Severity | Should -Be @($link.Findings | ForEach-Object { "$($_.Severity)" })
        $linkJson.Findings.Category | Should -Contain 'Safety'
    }
}

Describe 'CSV' {
    It 'ConvertTo-Csv of entries writes the findings and the verdict, not a collection type name' {
        $rows = $entries | ConvertTo-Csv | ConvertFrom-Csv
        $rows.Count | Should -Be $entries.Count
        $rows.Findings | Where-Object { $_ -match 'System\.Collections|PyPackaging\.PySdistFinding' } | Should -BeNullOrEmpty
        $linkRow = $rows | Where-Object Path -eq $link.Path
        foreach ($finding in $link.Findings) {
            $linkRow.Findings | Should -Match ([regex]::Escape("$($finding.Severity) $($finding.RuleId): "))
        }
        $linkRow.Severity | Should -Be 'Error'
        $linkRow.EntryType | Should -Be 'SymbolicLink'
        $rows[0].ErrorCount | Should -Be $entries[0].ErrorCount
        $rows[0].WarningCount | Should -Be $entries[0].WarningCount
        ($rows | Where-Object Path -eq 'leaky_pkg-1.0.0/PKG-INFO').Findings | Should -Be ''
    }

    It 'Export-Csv and Import-Csv round-trip entries and findings' {
        $entriesCsv = Join-Path $TestDrive 'entries.csv'
        $findingsCsv = Join-Path $TestDrive 'findings.csv'
        $entries | Export-Csv -LiteralPath $entriesCsv
        $findings | Export-Csv -LiteralPath $findingsCsv
        $entryRows = Import-Csv -LiteralPath $entriesCsv
        ($entryRows | Where-Object Path -eq $link.Path).Findings -split "`n" | Should -Be @($link.Findings | ForEach-Object ToString)
        $findingRows = Import-Csv -LiteralPath $findingsCsv
        $findingRows.Count | Should -Be $findings.Count
        ($findingRows[0].PSObject.Properties.Name) | Should -Be @('RuleId', 'Severity', 'Category', 'Message', 'Remedy', 'Archive', 'Path')
        $findingRows.Severity | Should -Not -Contain '3'
        $findingRows.Message | Should -Be @($findings.Message)
    }
}
