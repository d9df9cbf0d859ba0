# Compare-PySdist as users call it: wildcards, -LiteralPath with brackets, Get-ChildItem piped, -ProjectDirectory
# defaulting to the current location; a directory git does not know is a terminating error with a stable id. The
# project is a git repository made here; its sdists are built by the module (Build-PySdist), one with a tracked file
# left out.
BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:HasGit = [bool](Get-Command git -CommandType Application -ErrorAction SilentlyContinue)
    if (-not $HasGit -and $env:CI -eq 'true') { throw 'git is needed for Compare-PySdist (.ci/run installs it)' }
    $script:Root = Join-Path ([System.IO.Path]::GetTempPath()) ("pypackaging-compare-" + [guid]::NewGuid().ToString('N'))
    $script:Project = Join-Path $Root 'project'
    $script:Out = Join-Path $Root 'out[1]'
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $Project 'src/demo'), (Join-Path $Root 'plain')
    Set-Content -LiteralPath (Join-Path $Project 'pyproject.toml') -Value "[build-system]`nrequires = [`"hatchling`"]`nbuild-backend = `"hatchling.build`"`n[project]`nname = `"demo`"`nversion = `"1.0`"`n"
    Set-Content -LiteralPath (Join-Path $Project 'src/demo/__init__.py') -Value ''
    Set-Content -LiteralPath (Join-Path $Project 'src/demo/table.csv') -Value 'a,b'
    if ($HasGit) {
        $null = & git -C $Project init --quiet
        $null = & git -C $Project add --all
        $null = & git -C $Project -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false commit --quiet -m one
        $null = Build-PySdist -Path $Project -OutputDirectory (Join-Path $Root 'full') -ErrorAction Stop
        $null = Build-PySdist -Path $Project -OutputDirectory $Out -Exclude '*.csv' -ErrorAction Stop
    }
    $script:Full = Join-Path $Root 'full/demo-1.0.tar.gz'
    $script:Partial = Join-Path $Out 'demo-1.0.tar.gz'
}

AfterAll {
    if ($script:Root -and (Test-Path -LiteralPath $script:Root)) { Remove-Item -LiteralPath $script:Root -Recurse -Force }
}

Describe 'Compare-PySdist' {
    BeforeEach { if (-not $HasGit) { Set-ItResult -Skipped -Because 'git is not installed' } }

    It 'compares with the current location by default: a matching sdist is one Archive entry without findings' {
        Push-Location -LiteralPath $Project
        try { $entries = @(Compare-PySdist -Path $Full) } finally { Pop-Location }
        $entries.Count | Should -Be 1
        $entries[0].EntryType | Should -Be 'Archive'
        $entries[0].Severity | Should -Be 'None'
        $entries[0] | Should -BeOfType ([PyPackaging.PySdistEntry])
    }

    It 'a wildcard reaches both sdists, and -LiteralPath takes the brackets literally' {
        $byWildcard = Compare-PySdist -Path (Join-Path $Root '*/demo-1.0.tar.gz') -ProjectDirectory $Project | Where-Object EntryType -eq Archive
        @($byWildcard).Count | Should -Be 2
        $literal = Compare-PySdist -LiteralPath $Partial -ProjectDirectory $Project
        $literal.Findings.RuleId | Should -Be 'TrackedFileNotInSdist'
        $literal.Findings.Message | Should -Match '`src/demo/table.csv` is tracked by git'
    }

    It 'Get-ChildItem output binds through PSPath and -IncludeMissing writes the missing file' {
        $entries = Get-ChildItem -LiteralPath $Out -Filter *.tar.gz | Compare-PySdist -ProjectDirectory $Project -IncludeMissing
        $missing = $entries | Where-Object Reason -like 'Tracked by git*'
        $missing.Path | Should -Be 'demo-1.0/src/demo/table.csv'
        $missing.SourcePath | Should -Be (Join-Path $Project 'src/demo/table.csv')
    }

    It 'Build-PySdist reports the same finding on its Archive entry' {
        $archive = Build-PySdist -Path $Project -OutputDirectory (Join-Path $Root 'again') -Exclude '*.csv' | Where-Object EntryType -eq Archive
        $archive.Findings.RuleId | Should -Contain 'TrackedFileNotInSdist'
        $archive.WarningCount | Should -BeGreaterOrEqual 1
    }

    It 'a directory outside any work tree is a terminating NotAGitRepository error' {
        { Compare-PySdist -Path $Full -ProjectDirectory (Join-Path $Root 'plain') -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotAGitRepository,PyPackaging.Commands.ComparePySdistCommand'
    }

    It 'a missing sdist is a non-terminating PathNotFound error and the next one is still compared' {
        # ($Partial's folder 'out[1]' would be a wildcard in -Path: that is what -LiteralPath is for.)
        $entries = Compare-PySdist -Path (Join-Path $Root 'nothing*.tar.gz'), $Full -ProjectDirectory $Project -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.FullyQualifiedErrorId | Should -Be 'PathNotFound,PyPackaging.Commands.ComparePySdistCommand'
        ($entries | Where-Object EntryType -eq Archive).Archive | Should -Be $Full
    }
}
