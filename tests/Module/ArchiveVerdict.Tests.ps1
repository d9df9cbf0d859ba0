# The Archive entry carries the archive's verdict (a contract the CI gate and report cmdlets rely on):
# Severity = the worst over the archive's own findings and every member's; ErrorCount, WarningCount and
# InformationCount on every entry (Archive entry: the whole archive's totals; member: its own findings).
BeforeAll {
    . $PSScriptRoot/Common.ps1

    # What the verdict must be, computed from the entries' own findings.
    function Get-ExpectedVerdict($Entries) {
        $all = @($Entries | ForEach-Object Findings)
        $count = { param($s) @($all | Where-Object Severity -eq $s).Count }
        $worst = if (& $count Error) { 'Error' } elseif (& $count Warning) { 'Warning' } elseif (& $count Information) { 'Information' } else { 'None' }
        [pscustomobject]@{ Severity = $worst; Errors = (& $count Error); Warnings = (& $count Warning); Information = (& $count Information) }
    }

    function Assert-Verdict($Entries) {
        $archive = @($Entries | Where-Object EntryType -eq Archive)
        $archive.Count | Should -Be 1
        $Entries[0].EntryType | Should -Be 'Archive' -Because 'the Archive entry is written first'
        $expected = Get-ExpectedVerdict $Entries
        $archive[0].Severity | Should -Be $expected.Severity
        $archive[0].ErrorCount | Should -Be $expected.Errors
        $archive[0].WarningCount | Should -Be $expected.Warnings
        $archive[0].InformationCount | Should -Be $expected.Information
        foreach ($member in $Entries | Where-Object EntryType -ne Archive) {
            $member.ErrorCount | Should -Be @($member.Findings | Where-Object Severity -eq Error).Count
            $member.WarningCount | Should -Be @($member.Findings | Where-Object Severity -eq Warning).Count
            $member.InformationCount | Should -Be @($member.Findings | Where-Object Severity -eq Information).Count
        }
        $archive[0]
    }

    function New-DemoProject([string] $Path) {
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $Path 'src/demo')
        Set-Content -LiteralPath (Join-Path $Path 'pyproject.toml') -Value @'
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "demo"
version = "1.0"
description = "A demo project"
readme = "README.md"
license = "MIT"
license-files = ["LICENSE"]
requires-python = ">=3.9"
'@
        Set-Content -LiteralPath (Join-Path $Path 'README.md') -Value '# demo'
        Set-Content -LiteralPath (Join-Path $Path 'LICENSE') -Value 'MIT License'
        Set-Content -LiteralPath (Join-Path $Path 'src/demo/__init__.py') -Value '__version__ = "1.0"'
    }
}

Describe 'Archive verdict' {
    It 'Test-PySdist: a clean archive has no findings and the verdict None' {
        $archive = Assert-Verdict (Test-PySdist $CleanSdist)
        $archive.Severity | Should -Be 'None'
        $archive.ErrorCount + $archive.WarningCount + $archive.InformationCount | Should -Be 0
    }

    It 'Test-PySdist: the leaky archive is an Error although the Archive entry has no finding of its own' {
        $entries = Test-PySdist $LeakySdist
        $archive = Assert-Verdict $entries
        $archive.Findings.Count | Should -Be 0 -Because 'the errors are on members (the venv link), not on the archive'
        $archive.Severity | Should -Be 'Error'
        $archive.ErrorCount | Should -BeGreaterThan 0
        $link = $entries | Where-Object Path -eq 'leaky_pkg-1.0.0/venv/bin/python'
        $link.Severity | Should -Be 'Error'
        # The link itself is the Error (SymlinkAbsolute); the environment around it is hygiene, a Warning.
        $link.ErrorCount | Should -Be 1
        $link.WarningCount | Should -Be 1
        $link.ErrorCount + $link.WarningCount | Should -Be $link.Findings.Count
    }

    It 'Get-ChildItem | Test-PySdist gives one verdict per archive' {
        $verdicts = Get-ChildItem -LiteralPath $ExampleSdists -Filter *.tar.gz | Test-PySdist | Where-Object EntryType -eq Archive
        $verdicts.Count | Should -Be 2
        ($verdicts | Where-Object Path -eq 'demo_pkg-1.0.0.tar.gz').Severity | Should -Be 'None'
        ($verdicts | Where-Object Path -eq 'leaky_pkg-1.0.0.tar.gz').Severity | Should -Be 'Error'
    }

    It 'Expand-PySdistSafely writes the Archive entry with the verdict: Extracted for the clean archive' {
        $out = Join-Path $TestDrive 'verdict-clean'
        $entries = Expand-PySdistSafely $CleanSdist -DestinationPath $out
        $archive = Assert-Verdict $entries
        $archive.Action | Should -Be 'Extracted'
        $archive.Destination | Should -Be (Join-Path $out 'demo_pkg-1.0.0')
    }

    It 'Expand-PySdistSafely writes the Archive entry with the verdict: Refused for the leaky archive' {
        $out = Join-Path $TestDrive 'verdict-leaky'
        # The refusal is an error (terminating or not); the entries are written before it.
        $entries = [System.Collections.Generic.List[object]]::new()
        try { Expand-PySdistSafely $LeakySdist -DestinationPath $out -ErrorAction SilentlyContinue | ForEach-Object { $entries.Add($_) } } catch { }
        $archive = Assert-Verdict $entries
        $archive.Action | Should -Be 'Refused'
        $archive.Severity | Should -Be 'Error'
        $archive.Reason | Should -Match 'unsafe member'
        $tested = Test-PySdist $LeakySdist | Where-Object EntryType -eq Archive
        $archive.ErrorCount | Should -Be $tested.ErrorCount
        $archive.WarningCount | Should -Be $tested.WarningCount
    }

    It 'Build-PySdist writes the Archive entry of the built sdist with its verdict, as Test-PySdist reads it' {
        $project = Join-Path $TestDrive 'project'
        New-DemoProject $project
        $entries = Build-PySdist $project -OutputDirectory (Join-Path $TestDrive 'dist') -WarningAction SilentlyContinue
        $archive = Assert-Verdict $entries
        $archive.Action | Should -Be 'Added'
        $tested = Test-PySdist $archive.Archive | Where-Object EntryType -eq Archive
        $archive.Severity | Should -Be $tested.Severity
        $archive.ErrorCount, $archive.WarningCount, $archive.InformationCount | Should -Be @($tested.ErrorCount, $tested.WarningCount, $tested.InformationCount)
    }
}
