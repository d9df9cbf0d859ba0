# Export-PySdistReport: the report files from entries on the pipeline. The SARIF log of the leaky sdist is validated
# with Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool-linux, installed by .ci/run into .ci/tools): the
# test is skipped with a notice where the tool is absent on a developer machine and fails in CI (CI=true).
BeforeAll {
    . $PSScriptRoot/Common.ps1

    function Find-SarifMultitool {
        $candidates = @($env:PYPACKAGING_SARIF_MULTITOOL, (Join-Path $RepoRoot '.ci/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool'))
        foreach ($c in $candidates) { if ($c -and (Test-Path -LiteralPath $c -PathType Leaf)) { return $c } }
        $null
    }
    $script:Multitool = Find-SarifMultitool
    $script:InCi = $env:CI -eq 'true'
}

Describe 'Export-PySdistReport' {
    BeforeAll {
        $script:Work = Join-Path $TestDrive 'work'
        $null = New-Item -ItemType Directory -Path (Join-Path $Work 'dist')
        Copy-Item -LiteralPath $CleanSdist, $LeakySdist -Destination (Join-Path $Work 'dist')
        Push-Location -LiteralPath $Work
        $script:Entries = @(Test-PySdist -Path dist/*.tar.gz)
        $script:LeakyFindings = @(Test-PySdist -Path dist/leaky_pkg-1.0.0.tar.gz | ForEach-Object Findings)
    }
    AfterAll { Pop-Location }

    It 'writes SARIF 2.1.0 that the SARIF Multitool validates without errors' {
        Test-PySdist -Path dist/leaky_pkg-1.0.0.tar.gz | Export-PySdistReport -Format Sarif -Path leaky.sarif
        $sarif = Get-Content -LiteralPath leaky.sarif -Raw | ConvertFrom-Json
        $sarif.version | Should -Be '2.1.0'
        @($sarif.runs[0].tool.driver.rules).Count | Should -Be @(Get-PySdistRule).Count
        @($sarif.runs[0].results).Count | Should -Be $LeakyFindings.Count
        $sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri | Should -Be 'dist/leaky_pkg-1.0.0.tar.gz'

        if (-not $Multitool) {
            if ($InCi) { throw 'The SARIF Multitool is missing: .ci/run installs @microsoft/sarif-multitool-linux into .ci/tools.' }
            Set-ItResult -Skipped -Because 'the SARIF Multitool is not installed (npm install --prefix .ci/tools @microsoft/sarif-multitool-linux, or set PYPACKAGING_SARIF_MULTITOOL)'
            return
        }
        $log = Join-Path $Work 'validation.sarif'
        $output = & $Multitool validate (Join-Path $Work 'leaky.sarif') --output $log --log ForceOverwrite 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $validation = Get-Content -LiteralPath $log -Raw | ConvertFrom-Json
        # A result without a level is a warning (SARIF's default); only errors make the log invalid.
        $errors = @($validation.runs[0].results | Where-Object { $_.level -eq 'error' } |
            ForEach-Object { '{0}: {1}' -f $_.ruleId, ($_.message.arguments -join ' | ') })
        $errors | Should -BeNullOrEmpty -Because 'the SARIF Multitool reports schema and rule errors'
        # The warnings accepted here: SARIF2017 (no region: a finding is about an archive member, not lines of a file).
        $warnings = @($validation.runs[0].results | Where-Object { $_.level -ne 'error' } | ForEach-Object ruleId | Sort-Object -Unique)
        $warnings | Where-Object { $_ -ne 'SARIF2017' } | Should -BeNullOrEmpty
    }

    It 'writes JUnit with a failure per failing category of the leaky sdist' {
        $Entries | Export-PySdistReport -Format JUnit -Path junit.xml
        [xml] $junit = Get-Content -LiteralPath junit.xml -Raw
        $suites = @($junit.testsuites.testsuite)
        $suites.name | Should -Be @('dist/demo_pkg-1.0.0.tar.gz', 'dist/leaky_pkg-1.0.0.tar.gz')
        @($suites[0].testcase | Where-Object { $_.failure }).Count | Should -Be 0
        $failing = @($LeakyFindings | Where-Object { "$($_.Severity)" -eq 'Error' } | ForEach-Object { "$($_.Category)" } | Sort-Object -Unique)
        @($suites[1].testcase | Where-Object { $_.failure } | ForEach-Object name | Sort-Object) | Should -Be $failing
        [int] $junit.testsuites.failures | Should -Be $failing.Count
    }

    It 'writes JSON with entries, findings and enum names' {
        $Entries | Export-PySdistReport Json report.json
        $json = Get-Content -LiteralPath report.json -Raw | ConvertFrom-Json
        $json.archives.verdict | Should -Be @('Pass', 'Fail')
        @($json.archives[1].entries.findings).Count | Should -Be $LeakyFindings.Count
        @($json.archives[1].entries.findings.severity | Sort-Object -Unique) | Should -Be @($LeakyFindings | ForEach-Object { "$($_.Severity)" } | Sort-Object -Unique)
    }

    It 'writes the Markdown summary, passes entries through with -PassThru and honours -NoClobber and -WhatIf' {
        $passed = @($Entries | Export-PySdistReport -Format Markdown -Path summary.md -PassThru)
        $passed.Count | Should -Be $Entries.Count
        Get-Content -LiteralPath summary.md -Raw | Should -Match 'leaky\\_pkg-1.0.0.tar.gz: fails'
        { $Entries | Export-PySdistReport -Format Markdown -Path summary.md -NoClobber } | Should -Throw -ErrorId 'ReportExists,PyPackaging.Commands.ExportPySdistReportCommand'
        $Entries | Export-PySdistReport -Format Json -Path whatif.json -WhatIf
        Test-Path -LiteralPath whatif.json | Should -BeFalse
    }

    It 'keeps the archive verdict when the pipeline keeps only the entries with errors' {
        Test-PySdist -Path dist/leaky_pkg-1.0.0.tar.gz | Where-Object Severity -eq Error | Export-PySdistReport Json errors.json
        $json = Get-Content -LiteralPath errors.json -Raw | ConvertFrom-Json
        $json.archives[0].errorCount | Should -Be @($LeakyFindings | Where-Object { "$($_.Severity)" -eq 'Error' }).Count
        $json.archives[0].warningCount | Should -Be @($LeakyFindings | Where-Object { "$($_.Severity)" -eq 'Warning' }).Count
    }

    It 'refuses objects that are not entries, by name' {
        'dist/demo_pkg-1.0.0.tar.gz' | Export-PySdistReport -Format Json -Path strings.json -ErrorAction SilentlyContinue -ErrorVariable wrong
        $wrong[0].FullyQualifiedErrorId | Should -Be 'InputNotEntry,PyPackaging.Commands.ExportPySdistReportCommand'
    }
}
